import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { validateSchema } from '../../../server/src/schema/validate';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/** The schema findings of `text` as `code text-of-span`, in order. */
function findings(text: string): string[] {
  return validateSchema(parseManifest(text), DEFAULT_SETTINGS).map((found) => `${found.code} ${text.slice(found.span[0], found.span[1])}`);
}

const deployment = (container: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${container.replace(/^/gm, '          ')}
`;

describe('schema validation: values Kubernetes reads in more than one way', () => {
  describe('int-or-string', () => {
    it('accepts an integer, a quoted number and a port name for a targetPort, and a percentage for maxSurge', () => {
      const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n    - port: 81\n      targetPort: "8081"\n    - port: 82\n      targetPort: http\n';
      assert.deepEqual(findings(text), []);
      assert.deepEqual(findings(deployment('').replace('spec:\n  selector', 'spec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n  selector')), []);
    });

    it('rejects a fraction, a boolean, a list and a map', () => {
      const text = (value: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: ${value}\n`;
      assert.deepEqual(findings(text('80.5')), ['invalid-type 80.5']);
      assert.deepEqual(findings(text('true')), ['invalid-type true']);
      assert.deepEqual(findings(text('[80]')), ['invalid-type [80]']);
      assert.deepEqual(findings(text('{port: 80}')), ['invalid-type {port: 80}']);
    });
  });

  describe('resource quantities', () => {
    it('accepts strings and plain numbers, integers and decimals alike', () => {
      assert.deepEqual(findings(deployment('resources:\n  requests: {cpu: 250m, memory: 64Mi}\n  limits: {cpu: 1, memory: 0.5}')), []);
    });

    it('rejects a quantity map written as a scalar, and a boolean or a list as a quantity', () => {
      assert.deepEqual(findings(deployment('resources:\n  requests: 500m')), ['invalid-type 500m']);
      assert.deepEqual(findings(deployment('resources:\n  limits:\n    cpu: true')), ['invalid-type true']);
      assert.deepEqual(findings(deployment('resources:\n  limits:\n    memory: [1Gi]')), ['invalid-type [1Gi]']);
    });

    it('leaves the syntax of a quantity string to the invalid-quantity rule', () => {
      assert.deepEqual(findings(deployment('resources:\n  limits: {memory: 1 gigabyte}')), []);
    });
  });

  describe('null values', () => {
    it('treats an explicit null as an omitted optional field, of any type', () => {
      assert.deepEqual(findings(deployment('command: null\nports: ~\nresources:\nimagePullPolicy:')), []);
    });
  });

  describe('maps of strings', () => {
    it('accepts any key in labels, annotations and nodeSelector, and reads numbers and booleans there as wrong types', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web, "example.com/tier": db}\n  annotations:\n    owner: "42"\n    replicas: 3\n    enabled: true\nspec:\n  nodeSelector:\n    kubernetes.io/os: linux\n  containers:\n    - name: web\n      image: nginx:1.27\n';
      assert.deepEqual(findings(text), ['invalid-type 3', 'invalid-type true']);
    });

    it('rejects a list where the map is expected', () => {
      const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  - key: value\n';
      assert.deepEqual(findings(text).map((found) => found.split(' ')[0]), ['invalid-type']);
    });
  });

  describe('x-kubernetes-preserve-unknown-fields and open objects in a CRD', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: string, enum: [small, large]}
                port: {x-kubernetes-int-or-string: true}
                config:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                  properties:
                    level: {type: integer}
                extra:
                  type: object
                  additionalProperties: {type: string}
---
`;
    const widget = (spec: string) => `${crd}apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: one\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

    it('accepts unknown keys under a preserve-unknown-fields object, yet checks the fields it declares', () => {
      assert.deepEqual(findings(widget('size: small\nconfig:\n  anything: [1, 2]\n  nested: {deep: true}\n  level: 3')), []);
      assert.deepEqual(findings(widget('size: small\nconfig:\n  level: high')), ['invalid-type high']);
    });

    it('reads additionalProperties as a map of its value type, and int-or-string as Kubernetes does', () => {
      assert.deepEqual(findings(widget('size: large\nport: http\nextra: {a: b}')), []);
      assert.deepEqual(findings(widget('size: large\nport: 8.5\nextra: {a: [b]}')), ['invalid-type 8.5', 'invalid-type [b]']);
    });

    it('checks the enum and the required fields the CRD declares, and the keys it does not', () => {
      assert.deepEqual(findings(widget('size: medium\ncolour: red')), ['invalid-enum medium', 'unknown-field colour']);
      assert.deepEqual(findings(widget('port: 80')), ['missing-required spec']);
    });
  });
});
