import rule from '../../../server/src/rules/undefined-volume';
import { testRule } from './ruleTester';

testRule(rule, {
  valid: [
    { name: 'declared volumes', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts: [{name: data, mountPath: /data}]\n  volumes: [{name: data, emptyDir: {}}]\n' },
    {
      name: "a StatefulSet's volumeClaimTemplates",
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:17\n          volumeMounts:\n            - {name: data, mountPath: /var/lib/postgresql}\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n',
    },
  ],
  invalid: [
    {
      name: 'no volumes at all: the fix adds an emptyDir volume list',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    volumeMounts:\n    - name: cache\n      mountPath: /cache\n',
      errors: [{ text: 'cache', message: /mounts the volume "cache", but the pod declares no volume by that name/ }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    volumeMounts:\n    - name: cache\n      mountPath: /cache\n  volumes:\n  - name: cache\n    emptyDir: {}\n',
    },
    {
      name: 'a typo: the preferred fix mounts the close one',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: confg\n          mountPath: /etc/app\n  volumes:\n    - name: config\n      configMap:\n        name: app\n',
      errors: [{ text: 'confg', message: /\(it has: config\)/ }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: config\n          mountPath: /etc/app\n  volumes:\n    - name: config\n      configMap:\n        name: app\n',
    },
    {
      name: 'the other fix appends to the existing list',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: confg\n          mountPath: /etc/app\n  volumes:\n    - name: config\n      configMap:\n        name: app\n',
      errors: [{ text: 'confg' }],
      fixTitle: /emptyDir/,
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: confg\n          mountPath: /etc/app\n  volumes:\n    - name: config\n      configMap:\n        name: app\n    - name: confg\n      emptyDir: {}\n',
    },
  ],
});
