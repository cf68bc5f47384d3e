import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { locate } from '../../../server/src/parse/locate';
import { containersOf, podSpecOf } from '../../../server/src/k8s/workloads';

const MULTI = `# leading comment
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: migrate:1
        - name: proxy
          image: envoy:1
          restartPolicy: Always
      containers:
        - name: app
          image: app:1
---
just: yaml
`;

describe('parseManifest', () => {
  it('reads every document and the resources among them, with names and spans', () => {
    const file = parseManifest(MULTI);
    assert.equal(file.documents.length, 3);
    assert.deepEqual(file.resources.map((r) => [r.index, r.kind, r.name, r.namespace]), [
      [0, 'Service', 'web', 'shop'],
      [1, 'Deployment', 'web', undefined],
    ]);
    const deployment = file.resources[1];
    assert.equal(MULTI.slice(deployment.span[0], deployment.span[0] + 'apiVersion'.length), 'apiVersion');
    assert.deepEqual(file.syntaxProblems, []);
    assert.equal(file.looksLikeKubernetes, true);
  });

  it('finds containers with their roles', () => {
    const file = parseManifest(MULTI);
    const views = containersOf(podSpecOf(file.resources[1]));
    assert.deepEqual(views.map((c) => [c.name, c.role]), [['migrate', 'init'], ['proxy', 'sidecar'], ['app', 'app']]);
  });

  it('locates the path under an offset', () => {
    const file = parseManifest(MULTI);
    const location = locate(file, MULTI.indexOf('restartPolicy') + 2);
    assert.deepEqual(location?.path, ['spec', 'template', 'spec', 'initContainers', 1, 'restartPolicy']);
    assert.equal(location?.onKey, true);
    const value = locate(file, MULTI.indexOf('envoy:1'));
    assert.deepEqual(value?.path, ['spec', 'template', 'spec', 'initContainers', 1, 'image']);
    assert.equal(value?.onKey, false);
  });

  it('reports syntax errors with spans inside the text', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n';
    const file = parseManifest(text);
    assert.ok(file.syntaxProblems.length > 0);
    for (const problem of file.syntaxProblems) assert.ok(problem.span[0] >= 0 && problem.span[1] <= text.length);
  });

  it('reports duplicate keys', () => {
    const file = parseManifest('apiVersion: v1\nkind: Pod\nkind: Pod\n');
    assert.ok(file.syntaxProblems.some((p) => p.code === 'DUPLICATE_KEY'));
  });

  it('turns an alias bomb into one problem instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => '  ' + l).join('\n')}\n`;
    const started = Date.now();
    const file = parseManifest(text);
    assert.ok(Date.now() - started < 2000);
    assert.equal(file.resources[0].object, undefined);
    assert.equal(file.syntaxProblems.filter((p) => p.code === 'ALIAS_LIMIT').length, 1);
  });

  it('marks templated and non-Kubernetes files', () => {
    assert.equal(parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n').templated, true);
    const compose = parseManifest('services:\n  web:\n    image: nginx\n');
    assert.equal(compose.looksLikeKubernetes, false);
    assert.equal(compose.resources.length, 0);
  });

  it('copes with empty input', () => {
    const file = parseManifest('');
    assert.equal(file.resources.length, 0);
    assert.deepEqual(file.syntaxProblems, []);
  });
});
