import { checkEverything, type Probe } from './properties';

/** Inputs the fuzzers once broke the pipeline with (shrunk counterexamples), kept so the fixes stay fixed. */
const FOUND: Array<{ what: string; text: string; probe?: Probe }> = [
  {
    what: 'a lone \\r after a sequence dash: the editor saw two lines, the parser one scalar, and a quick fix ate the line break',
    text: 'kind: PersistentVolumeClaim\nkind: PersistentVolumeClaim\napiVersion: v1\nmetadata:\n  name: pv-dd-shared-hdd-5g\nspec:\n  accessModes:\n  -\rReadWriteOnce\n  resources:\n    requests:\n      storage: 5Gi\n',
  },
  {
    what: 'a schema fix on a document with YAML errors landed in the next document ("Add containers")',
    text: '# This succeeds because automounting is disabled at the ServiceAccount.\napiVersion: v1\nkind: Pod\nmetadata:\n  containers:\nspec:\n  serviceAccountName: test\n  name: test-pod\n  - name: nginx\n    image: nginx\n    ports:\n    - containerPort: 80\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: test\nautomountServiceAccountToken: false\n',
  },
  {
    what: 'a schema fix on a document with YAML errors landed in the next document ("Add name")',
    text: '---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n    name: nginx-ds\nspec:\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      k8s-app: nginx-ds\n  template:\n    spec:\n      containers:\n      - image: envoy\n        n\n---\napiVersion: v1\nkind: Pod\n\n---\n',
  },
  {
    what: 'a quick fix placed by \\n-only line logic went past a lone \\r (then a BOM) and split the next key',
    text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: x\r\nspec:\r\n  containers:\r\n    - name: master\r\n      image: kubernetes/redis:v1\r\n      ports:\r\n        - containerPort: 6379\r\n      volumeMounts:\r\n        - mountPath: /redis-master-data\r\n          name: redis-data\r\uFEFF  volumes:\r\n    - name: redis-d',
  },
  {
    what: 'lone \\r in a CRLF file: "Move name to ports[].name" misplaced by \\n-only line logic',
    text: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  labels:\r\n    name: sentinel\r\n    role: service\r\n\r\nspec:\r\n  ports:\r\n    - port: 26379\r\n      targetPort: 26379\r  selector:\r\n    redis-sentinel: "true"\r\n  name: redis-sentinel',
  },
  {
    what: 'lone \\r in a CRLF file: "Add name" misplaced',
    text: ':# This fails because the ClusterRole allows pods/exec using all verbs.\r\napiVersion: rbac.authorization.k8s.io/v1\r\nkind: ClusterRole\r\nmetadata:\r\n  name: test\r\nrules:\r\n  - apiGroups: [ "" ]\r\n    resources: [ "pods/exec" ]\r\n    verbs: [ "*" ]\r\n---\r\napiVersion: rbac.authorization.k8s.io/v1\r\nkind: RoleBinding\r\nmetadata:\r\n  name: test\r\n  namespace: test\r\nroleRef:\r\n  apiGroup: rbac.authorization.k8s.io\r\n  kind: ClusterRole\r:\n   name: test\r\nsubjects:\r\n- apiGroup: rbac.authorization.k8s.io\r\n  kind: User\r\n  name: testuser\r\n',
  },
  {
    what: 'lone \\r in a CRLF file: "Add resource requests" misplaced',
    text: '# This succeeds because automounting is disabled at the pod, overriding the ServiceAccount.\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: test-pod\r\nspec:\r\n  automountServiceAccountToken: false\r\n  serviceAccountName: test\r\n  containers:\r  - name: nginx\r\n    image: nginx\r\n    ports:\r\n    - containerPort: 80\r\n---\r\napiVersion: v1\r\napiVersion: v1\r\nkind: ServiceAccount\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: test\r\nautomountServiceAccountToken: true\r\n',
  },
  // Fixes whose edits break unusual YAML (anchors and tags before keys, explicit `?` keys, odd indentation): the
  // server now drops a fix that would break a document; the fixes themselves are reported to their owners.
  { what: 'an anchor on the root map: "Add spec"', text: '&a apiVersion: batch/v1\nkind: CronJob' },
  {
    what: 'a container list with misindented items: "Pin a tag"',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    env: test\nspec:\n  containers:\n  - name: ginx\n          - net_admin\n    securityContext:\n      capabilities:\n        drop:\n    image: nginx\n\n          - DaC_OverriDE\n          - fsetid\n          - FOWNER\n          - MKNOD\n          - NET_RAW\n          - SETGID\n          - SETUID\n          - SETFCAP\n          - SETPCAP\n          - NET_BIND_SERVICE\n          - SYS_CHROOT\n          - KILL\n          - AUDIT_WRITE\n          - ChOwN\n',
  },
  { what: 'an explicit key in a port: "Add containerPort"', text: 'apiVersion: v1\r\r\nkind: Pod\r\r\nmetadata:\r\r\n  name: nginx\r\r\nspec:\r\r\n  containers:\r\r\n  - name: nginx \r\r\n    image: nginx\r\r\n    ports: \r\r\n    - ? containerPort: 80\r\r\n      hostPort: 8080\r\r\n' },
  { what: 'a tagged key: "Fix all missing-resources problems"', text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: nginx\r\nspec:\r\n  hostIPC: true\r\n  containers:\r\n  - name: nginx \r\n  - !!str ame: nginx \r\n    image: nginx' },
  { what: 'an explicit key in securityContext: "Set runAsNonRoot"', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n    ports:\n    - containerPort: 80\n    securityContext:\n     ?  privileged: true\n' },
  { what: 'an explicit key in a pod template: "Add selector"', text: 'apiVersion: apps/v1\r\r\nkind: Deployment\r\r\nmetadata:\r\r\n  name: zookeeper\r\r\nspec:\r\r\n  replicas: 10\r\r\n  template:\r\r\n    metadata:\r\r\n      labels:\r\r\n        app.kubernetes.io/name: zookeeper\r\r\n  ?   spec:\r\r\n      containers:\r\r\n        - name: zookeeper\r\r\n          image: zookeeper\r\r\n' },
  {
    what: 'a fix checked on the document without its last line: "Add containers"',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app.kubernetes.io/name: nginx\nspec:\n true containers:\n    - name: nginx\n      image: nginx\n      resources:\n        requests:\n      ?    memory: 128Mi\n          cpu: 100m # TODO: Set this to the amount of CPU you want to reserve for your workload\n',
  },
  {
    what: 'a fix checked on the document without its last line: "Set runAsNonRoot"',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: exclusive-1\nspec:\n  containers:\n  - image: quay.io/connordoyle/cpuset-visualizer\n    name: exclusive-1\n    :resources:\n      requests:\n        cpu: 1\n        memory: "256M"\n      limits:\n      ?  cpu: 1\n        memory: "256M"\n        memory: "256M"\n',
  },
  {
    what: 'an explicit key before the next document: "Add containers"',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello-world\n  namespace: two\nspec:\n  restartPolicy: Never\n  ? containers:\n  - name: hello\n    i\n---\napiVersion: v1\nkind: Pod\n',
  },
];

describe('fuzz: regressions found by the fuzzers', function () {
  this.timeout(20_000);
  for (const found of FOUND) {
    it(found.what, () => checkEverything(found.text, found.probe ?? { at: [0, 0.25, 0.5, 0.75, 1], scenario: {} }));
  }
});
