import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './client';

async function complete(client: LspClient, name: string, text: string, position: Position): Promise<CompletionItem[]> {
  const uri = client.uri(name);
  await client.open(uri, text);
  const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

/** Labels in the order an editor shows them (by sortText, then label). */
function ordered(items: CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label)).map((item) => item.label);
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no "${label}" among ${items.map((i) => i.label).join(', ')}`);
  return found;
}

describe('LSP: completion from the Kubernetes API schema', function () {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  it('offers the keys allowed in a container, required first, without the ones already written', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      \n';
    const items = await complete(client, 'container-keys.yaml', text, { line: 7, character: 6 });
    const labels = ordered(items);
    assert.equal(labels[0], 'image');
    assert.ok(!labels.includes('name'), 'name is written already');
    for (const label of ['args', 'env', 'ports', 'resources', 'readinessProbe', 'imagePullPolicy']) assert.ok(labels.includes(label), label);
    assert.equal(item(items, 'image').detail, 'string · required');
    assert.match(JSON.stringify(item(items, 'image').documentation), /Container image name/);
  });

  it('on a line that already holds a key, offers the keys of its map, that key included, and replaces only the key', async () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          livenessProbe:\n            tcpSocket: {port: 80}\n';
    const items = await complete(client, 'existing-key.yaml', text, { line: 10, character: 10 });
    const labels = ordered(items);
    assert.ok(labels.includes('livenessProbe'), 'the key on the line is offered');
    assert.ok(!labels.includes('name') && !labels.includes('image'), 'the other keys of the container are written already');
    assert.ok(labels.includes('readinessProbe'));
    assert.deepEqual(item(items, 'readinessProbe').textEdit, { range: { start: { line: 10, character: 10 }, end: { line: 10, character: 23 } }, newText: 'readinessProbe' });
    const root = await complete(client, 'existing-root-key.yaml', text, { line: 1, character: 0 });
    assert.deepEqual(ordered(root), ['kind'], 'a root key of a document without its kind: only the missing one of apiVersion and kind');
  });

  it('inserts objects and lists as snippets indented like the document, and enums as a choice', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      \n';
    const items = await complete(client, 'container-snippets.yaml', text, { line: 8, character: 6 });
    const edit = (label: string) => item(items, label).textEdit as TextEdit;
    assert.deepEqual(edit('resources'), { range: { start: { line: 8, character: 6 }, end: { line: 8, character: 6 } }, newText: 'resources:\n  $0' });
    assert.equal(edit('ports').newText, 'ports:\n  - $0');
    assert.equal(edit('imagePullPolicy').newText, 'imagePullPolicy: ${1|Always,Never,IfNotPresent|}');
    assert.equal(edit('stdin').newText, 'stdin: ${1|true,false|}');
    assert.equal(item(items, 'resources').insertTextFormat, 2);
    // The editor adds the line's own indentation to the snippet's second line.
    assert.equal(item(items, 'resources').insertTextMode, 2);
  });

  it('follows the document\'s style for lists that are not indented under their key', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    \n';
    const items = await complete(client, 'flush-lists.yaml', text, { line: 8, character: 4 });
    assert.equal((item(items, 'ports').textEdit as TextEdit).newText, 'ports:\n- $0');
  });

  it('replaces the part of the key already typed', async () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  repl\n';
    const items = await complete(client, 'typed-prefix.yaml', text, { line: 5, character: 6 });
    assert.deepEqual((item(items, 'replicas').textEdit as TextEdit).range, { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } });
    assert.equal(ordered(items)[0], 'selector');
  });

  it('offers the allowed values after an enum key', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: \n';
    const items = await complete(client, 'service-type.yaml', text, { line: 5, character: 8 });
    assert.deepEqual(ordered(items), ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer'], 'in the order the API documents them');
  });

  it('offers the allowed values for an item of a list of enum values, replacing what is typed', async () => {
    const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes:\n    - ReadWriteOnce\n    - Rea\n  resources:\n    requests:\n      storage: 1Gi\n';
    const items = await complete(client, 'pvc-access-modes.yaml', text, { line: 7, character: 9 });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('ReadWriteMany') && labels.includes('ReadOnlyMany') && labels.includes('ReadWriteOncePod'), labels.join(', '));
    assert.deepEqual(item(items, 'ReadOnlyMany').textEdit, { range: { start: { line: 7, character: 6 }, end: { line: 7, character: 9 } }, newText: 'ReadOnlyMany' });
    assert.ok(item(items, 'ReadWriteOncePod').documentation, 'each value says what it means');
  });

  it('documents what each enum value does', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalTrafficPolicy: \n';
    const items = await complete(client, 'service-traffic.yaml', text, { line: 5, character: 25 });
    assert.deepEqual(ordered(items), ['Cluster', 'Local']);
    assert.deepEqual(item(items, 'Local').documentation, {
      kind: 'markdown',
      value: 'Traffic is sent only to endpoints on the node that received it, so the client\'s source IP is kept. A node with no local endpoint drops it; the load balancer\'s health check (`healthCheckNodePort`) takes such nodes out.',
    });
    const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  volumeMode: \n';
    const modes = await complete(client, 'pvc-volume-mode.yaml', pvc, { line: 5, character: 14 });
    assert.deepEqual(ordered(modes), ['Filesystem', 'Block']);
    assert.match(String((item(modes, 'Block').documentation as { value: string }).value), /raw block device/);
  });

  it('offers apiVersion and kind together in an empty file, the stable group first', async () => {
    const items = await complete(client, 'empty.yaml', '', { line: 0, character: 0 });
    const deployment = item(items, 'Deployment (apps/v1)');
    assert.equal((deployment.textEdit as TextEdit).newText, 'apiVersion: apps/v1\nkind: Deployment\n');
    assert.ok(items.some((candidate) => candidate.label === 'Pod (v1)'));
    assert.match(deployment.sortText ?? '', /^0_/);
    const beta = items.find((candidate) => candidate.label.startsWith('FlowSchema (') && candidate.label.includes('beta'));
    if (beta) assert.match(beta.sortText ?? '', /^1_/);
  });

  it('offers the kinds an apiVersion serves, and the apiVersions that serve a kind', async () => {
    const kinds = await complete(client, 'kind-value.yaml', 'apiVersion: apps/v1\nkind: \n', { line: 1, character: 6 });
    assert.deepEqual(kinds.map((i) => i.label).sort(), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    const versions = await complete(client, 'version-value.yaml', 'apiVersion: \nkind: CronJob\n', { line: 0, character: 12 });
    assert.deepEqual(versions.map((i) => i.label), ['batch/v1']);
  });

  it('offers nothing inside YAML that is not a Kubernetes manifest', async () => {
    const workflow = 'name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    \n';
    assert.deepEqual(await complete(client, 'workflow.yaml', workflow, { line: 6, character: 4 }), []);
    assert.deepEqual(await complete(client, 'workflow-root.yaml', workflow, { line: 6, character: 0 }), []);
  });

  it('offers the keys of a custom resource from its CRD', async () => {
    const text = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              required: [size]\n              properties:\n                size: {type: string, enum: [small, large]}\n                replicas: {type: integer}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: one\nspec:\n  \n';
    const position = positionOf(text, 'spec:\n  \n', 0, 8);
    const items = await complete(client, 'widget-keys.yaml', text, position);
    assert.deepEqual(ordered(items), ['size', 'replicas']);
  });
});
