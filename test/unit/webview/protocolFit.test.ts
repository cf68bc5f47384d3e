import * as assert from 'node:assert/strict';
import { simulateResource } from '../../../server/src/lsp/features/simulate';
import { parseManifest } from '../../../server/src/parse/parseManifest';
import { asPanelResult } from '../../../client/webview/protocolFit';
import { readSimulationResult } from '../../../client/webview/readSimulationResult';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
        - {name: setup, image: busybox:1.36}
        - {name: logs, image: fluent/fluent-bit:3.1, restartPolicy: Always}
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: {httpGet: {path: /, port: 80}}
`;

describe('the panel reads what the server sends (the protocol module is the one definition)', () => {
  it('keeps every pod, container and event field the panel shares with the protocol, through a JSON round trip', () => {
    const sent = simulateResource(parseManifest(DEPLOYMENT), { uri: 'file:///web.yaml', scenario: { rolloutAt: 60 } });
    const read = readSimulationResult(JSON.parse(JSON.stringify(sent)));
    assert.ok(read, 'the reader accepts a real result');
    const expected = asPanelResult(sent);
    assert.deepEqual(read.resource, expected.resource);
    assert.equal(read.frames.length, expected.frames.length);
    const shared = (frames: typeof read.frames) => frames.map((frame) => ({
      at: frame.at,
      pods: frame.pods.map((pod) => ({ name: pod.name, phase: pod.phase, containers: pod.containers.map(({ name, role, state, ready, restartCount }) => ({ name, role, state, ready, restartCount })) })),
      replicaSets: frame.replicaSets?.map(({ revision, desired, current, ready, available }) => ({ revision, desired, current, ready, available })),
    }));
    assert.deepEqual(shared(read.frames), shared(expected.frames));
    assert.deepEqual(read.events.map(({ at, type, reason, object, message }) => ({ at, type, reason, object, message })),
      expected.events.map(({ at, type, reason, object, message }) => ({ at, type, reason, object, message })));
  });
});
