import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver';
import { simulateResource } from '../../../server/src/lsp/features/simulate';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { SANDBOX_SECONDS } from '../../../server/src/simulation/defaults';

const DOC = `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {storageClassName: "", resources: {requests: {storage: 1Gi}}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    podlab.dev/cached-images: "nginx:1.27"
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "nginx:1.27"}]
---
apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  containers: [{name: db, image: "postgres:16"}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`;

// shared/DESIGN.md, "podlab/simulate": params { uri, resourceIndex?, scenario? } and the result shape.
describe('simulation: the podlab/simulate contract', () => {
  const file = parseManifest(DOC);

  it('simulates the first Pod-making resource when resourceIndex is absent', () => {
    const result = simulateResource(file, { uri: 'file:///a.yaml' });
    assert.deepEqual(result.resource, { kind: 'Deployment', name: 'web' });
  });

  it('counts resourceIndex over all resources of the document from 0', () => {
    const result = simulateResource(file, { uri: 'file:///a.yaml', resourceIndex: 3 });
    assert.deepEqual(result.resource, { kind: 'Pod', name: 'db' });
    // The claim comes from the same document: storageClassName "" without a volume never binds.
    assert.equal(result.events.find((e) => e.reason === 'FailedScheduling')?.object, 'pod/db');
  });

  it('answers an error for an index that is out of range, not a whole number, or not Pod-making', () => {
    const cases: Array<[unknown, RegExp]> = [
      [9, /^resourceIndex 9 is out of range: this document has 4 resource\(s\)/],
      [-1, /^resourceIndex must be a whole number/],
      [1.5, /^resourceIndex must be a whole number/],
      ['2', /^resourceIndex must be a whole number/],
      [0, /^Resource 0 \(Service\) makes no pods/],
    ];
    for (const [resourceIndex, message] of cases) {
      assert.throws(() => simulateResource(file, { uri: 'file:///a.yaml', resourceIndex: resourceIndex as number }),
        (error: unknown) => error instanceof ResponseError && message.test(error.message), String(resourceIndex));
    }
    assert.throws(() => simulateResource(parseManifest('kind: Service\nmetadata: {name: s}\n'), { uri: 'file:///b.yaml' }), /no Pod-making resource/);
  });

  it('returns the documented result shape', () => {
    const result = simulateResource(file, { uri: 'file:///a.yaml', resourceIndex: 2 });
    assert.deepEqual(Object.keys(result).sort(), ['events', 'frames', 'horizon', 'resource']);
    for (const event of result.events) {
      assert.ok(typeof event.at === 'number' && (event.type === 'Normal' || event.type === 'Warning'));
      assert.ok(typeof event.reason === 'string' && typeof event.object === 'string' && typeof event.message === 'string');
    }
    for (const frame of result.frames) {
      assert.equal(typeof frame.at, 'number');
      assert.ok(Array.isArray(frame.replicaSets), 'a Deployment frame lists its ReplicaSets');
      for (const rs of frame.replicaSets ?? []) for (const key of ['revision', 'desired', 'current', 'ready', 'available'] as const) assert.equal(typeof rs[key], 'number');
      for (const pod of frame.pods) {
        assert.ok(['Pending', 'Running', 'Succeeded', 'Failed'].includes(pod.phase));
        assert.ok(['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].every((c) => c in pod.conditions) || pod.conditions.PodScheduled === 'False');
        for (const c of pod.containers) {
          assert.ok(['init', 'sidecar', 'app'].includes(c.role) && ['waiting', 'running', 'terminated'].includes(c.state));
          assert.ok(typeof c.ready === 'boolean' && typeof c.restartCount === 'number' && typeof c.name === 'string');
        }
      }
    }
  });

  it('applies the scenario annotations, and the request\'s scenario over them', () => {
    const annotated = simulateResource(file, { uri: 'file:///a.yaml', resourceIndex: 2 });
    assert.ok(annotated.events.some((e) => e.reason === 'Pulled' && e.message.includes('already present')));
    const requested = simulateResource(file, { uri: 'file:///a.yaml', resourceIndex: 2, scenario: { cachedImages: [], pullSeconds: 9 } });
    const started = requested.events.filter((e) => e.reason === 'Started').map((e) => e.at);
    assert.deepEqual(started, [SANDBOX_SECONDS + 9, SANDBOX_SECONDS + 9]);
  });

  it('answers a refused resource with its errors and their ranges in the document', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      contaners: [{name: app, image: "nginx:1.27"}]\n';
    const result = simulateResource(parseManifest(text), { uri: 'file:///c.yaml' });
    assert.deepEqual(result.refused?.map((e) => e.range), [
      { start: { line: 8, character: 6 }, end: { line: 8, character: 15 } },
      { start: { line: 7, character: 4 }, end: { line: 7, character: 8 } },
    ]);
    assert.deepEqual(result.frames, [{ at: 0, pods: [] }]);
  });

  it('gives the endpoints of the file\'s Services that select the pods', () => {
    const withSelector = DOC.replace('spec: {ports: [{port: 80}]}', 'spec: {selector: {app: web}, ports: [{port: 80}]}');
    const result = simulateResource(parseManifest(withSelector), { uri: 'file:///a.yaml', resourceIndex: 2 });
    const last = result.frames.at(-1);
    assert.deepEqual(last?.services?.map((s) => [s.name, s.endpoints.filter((e) => e.ready).length]), [['web', 2]]);
    assert.equal(last?.deployment?.rolloutStatus, 'deployment "web" successfully rolled out');
    assert.equal(simulateResource(file, { uri: 'file:///a.yaml', resourceIndex: 2 }).frames.at(-1)?.services, undefined, 'a Service without a selector gets no endpoints');
  });
});
