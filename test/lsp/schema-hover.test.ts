import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, rangeOf } from './client';
import { CRD } from './schema-fixtures';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: IfNotPresent
      ports:
        - containerPort: 8080
          protocol: UDP
`;

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  return (hover.contents as MarkupContent).value;
}

/** The section of the hover that the schema gives (concept hovers may come first, separated by a rule). */
function fieldSection(hover: Hover | null): string {
  const sections = markdown(hover).split('\n\n---\n\n');
  const section = sections.find((text) => /^\*\*[^*]+\*\*(?: `|: a value of)/.test(text));
  assert.ok(section, `no field section in ${JSON.stringify(sections)}`);
  return section;
}

describe('LSP: hover shows the API\'s own field documentation', function () {
  let client: LspClient;
  const uri = 'file:///podlab-test/hover-pod.yaml';
  before(async () => {
    client = await LspClient.start();
    await client.open(uri, POD);
    await client.waitForDiagnostics(uri);
  });
  after(async () => { await client.stop(); });

  it('on a required key: type, required, owner, the official description and the API reference link', async () => {
    const hover = await client.hover(uri, positionOf(POD, 'containers', 0, 3));
    assert.deepEqual(hover?.range, rangeOf(POD, 'containers'));
    const text = fieldSection(hover);
    assert.match(text, /^\*\*containers\*\* `\[\]Container` · required · in PodSpec\n/);
    assert.match(text, /List of containers belonging to the pod\./);
    assert.match(text, /\[Pod v1 API reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/pod-v1\/\)$/);
  });

  it('on an optional key: the default the server applies when it is left out, and the allowed values', async () => {
    const text = fieldSection(await client.hover(uri, positionOf(POD, 'protocol', 0, 2)));
    assert.match(text, /^\*\*protocol\*\* `string` · optional · in ContainerPort\n/);
    assert.match(text, /\*\*Default:\*\* TCP/);
    assert.match(text, /\*\*Allowed values:\*\* `UDP`, `TCP`, `SCTP`/);
    const pull = fieldSection(await client.hover(uri, positionOf(POD, 'imagePullPolicy', 0, 4)));
    assert.match(pull, /\*\*Default:\*\* `Always` when the image tag is `latest` or missing, otherwise `IfNotPresent`/);
  });

  it('on an enum value: which field it belongs to, the other values and what the API says of it', async () => {
    const hover = await client.hover(uri, positionOf(POD, 'UDP', 0, 1));
    assert.deepEqual(hover?.range, rangeOf(POD, 'UDP'));
    const text = fieldSection(hover);
    assert.match(text, /^\*\*UDP\*\*: a value of `protocol` \(one of `UDP`, `TCP`, `SCTP`\)/);
    assert.match(text, /API reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/pod-v1\/\)/);
  });

  it('on an enum value: what that value does, for the enums of Pods, Deployments, Services and PVCs', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  strategy:
    type: Recreate
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: Always
      dnsPolicy: Default
      securityContext:
        fsGroupChangePolicy: OnRootMismatch
        seccompProfile:
          type: RuntimeDefault
      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.31
          restartPolicy: Always
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: Never
          terminationMessagePolicy: FallbackToLogsOnError
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  externalTrafficPolicy: Local
  internalTrafficPolicy: Cluster
  sessionAffinity: ClientIP
  ipFamilyPolicy: RequireDualStack
  ports:
    - port: 80
      protocol: SCTP
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOncePod]
  volumeMode: Block
  resources:
    requests:
      storage: 1Gi
`;
    const valuesUri = 'file:///podlab-test/hover-enum-values.yaml';
    await client.open(valuesUri, text);
    await client.waitForDiagnostics(valuesUri);
    const expectations: Array<[string, number, RegExp]> = [
      ['type: Recreate', 6, /^\*\*Recreate\*\*: a value of `type` \(one of `Recreate`, `RollingUpdate`\)\n\nThe old ReplicaSet is scaled to zero/],
      ['restartPolicy: Always', 15, /restarts every container whenever it exits/],
      ['dnsPolicy: Default', 11, /node's resolver configuration .* Despite the name, not the default\./],
      ['OnRootMismatch', 0, /only when the volume's root does not already match/],
      ['type: RuntimeDefault', 6, /container runtime's default profile/],
      ['restartPolicy: Always', 15, /makes it a sidecar/],
      ['imagePullPolicy: Never', 17, /never pulls: the image must already be on the node/],
      ['FallbackToLogsOnError', 0, /the end of its log \(up to 2048 bytes or 80 lines\)/],
      ['type: NodePort', 6, /opened on every node/],
      ['externalTrafficPolicy: Local', 23, /client's source IP is kept/],
      ['internalTrafficPolicy: Cluster', 23, /may go to any ready endpoint/],
      ['sessionAffinity: ClientIP', 17, /same client IP go to the same endpoint/],
      ['RequireDualStack', 0, /fails on a single-stack cluster/],
      ['protocol: SCTP', 10, /^\*\*SCTP\*\*: a value of `protocol`[^\n]*\n\nSCTP; the cluster's network plugin must support it\./],
      ['ReadWriteOncePod', 0, /^\*\*ReadWriteOncePod\*\*: a value of `accessModes` [^\n]*\n\nMounted read-write by a single pod in the whole cluster/],
      ['volumeMode: Block', 12, /raw block device, through `volumeDevices`/],
    ];
    const seen = new Map<string, number>();
    for (const [needle, offset, expected] of expectations) {
      const occurrence = seen.get(needle) ?? 0;
      seen.set(needle, occurrence + 1);
      const hover = await client.hover(valuesUri, positionOf(text, needle, occurrence, offset + 1));
      assert.match(fieldSection(hover), expected, needle);
    }
  });

  it('on a value outside the enum: no value hover (the invalid-enum diagnostic speaks for it)', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Sometimes\n  containers:\n    - name: web\n      image: nginx:1.27\n';
    const badUri = 'file:///podlab-test/hover-enum-bad.yaml';
    await client.open(badUri, text);
    await client.waitForDiagnostics(badUri);
    const hover = await client.hover(badUri, positionOf(text, 'Sometimes', 0, 2));
    assert.ok(!hover || !/a value of `restartPolicy`/.test(markdown(hover)), JSON.stringify(hover));
  });

  it('on a key of a custom resource: the description its CRD gives', async () => {
    const crUri = 'file:///podlab-test/hover-widget.yaml';
    const text = `${CRD}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: one\nspec:\n  size: large\n`;
    await client.open(crUri, text);
    await client.waitForDiagnostics(crUri);
    const section = fieldSection(await client.hover(crUri, positionOf(text, 'size: large', 0, 1)));
    assert.match(section, /^\*\*size\*\* `string` · required/);
    assert.match(section, /How big the widget is\./);
    assert.match(section, /\*\*Allowed values:\*\* `small`, `large`/);
  });

  it('says nothing on a label key, which is free-form', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    team: payments\n';
    const labelsUri = 'file:///podlab-test/hover-labels.yaml';
    await client.open(labelsUri, text);
    const hover = await client.hover(labelsUri, positionOf(text, 'team', 0, 1));
    assert.ok(!hover || !/\*\*team\*\* `/.test(markdown(hover)), JSON.stringify(hover));
  });
});
