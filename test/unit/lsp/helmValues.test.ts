import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, Location, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { InProcessClient } from '../../support/inProcessServer';

const CHART = 'apiVersion: v2\nname: web\nversion: 0.1.0\n';
const VALUES = `replicaCount: 2
image:
  repository: nginx
  tag: "1.27"
resources: {}
`;
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources: {{- toYaml .Values.resources | nindent 12 }}
`;

/** The position just after the first occurrence of `needle` (templates hold `|` pipes: no caret fixtures here). */
function at(needle: string, text = TEMPLATE): { position: Position } {
  const offset = text.indexOf(needle) + needle.length;
  assert.ok(offset >= needle.length, needle);
  const before = text.slice(0, offset);
  return { position: { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) } };
}

describe('Helm templates in the editor: .Values hovers, definition and completion from the chart values.yaml', function () {
  this.timeout(20_000);
  let client: InProcessClient;
  beforeEach(async () => {
    client = await InProcessClient.start();
    await client.open('web/Chart.yaml', CHART);
    await client.open('web/values.yaml', VALUES);
  });
  afterEach(async () => { await client.stop(); });

  it('publishes no diagnostic on the template, Chart.yaml or values.yaml', async () => {
    const { diagnostics } = await client.open('web/templates/deployment.yaml', TEMPLATE);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(await client.diagnostics('file:///podlab-in-process/web/values.yaml'), []);
    assert.deepEqual(await client.diagnostics('file:///podlab-in-process/web/Chart.yaml'), []);
  });

  it('hover on .Values.image.tag shows the value values.yaml sets and its line', async () => {
    const { position } = at('.Values.image.ta');
    const { uri } = await client.open('web/templates/deployment.yaml', TEMPLATE);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /`\.Values\.image\.tag` in values\.yaml \(line 4\)/);
    assert.match(value, /tag: "1\.27"/);
    assert.deepEqual(hover.range, { start: { line: 14, character: 52 }, end: { line: 14, character: 69 } });
  });

  it('hover on the map key of a path shows the whole map', async () => {
    const { position } = at('.Values.ima');
    const { uri } = await client.open('web/templates/deployment.yaml', TEMPLATE);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.match((hover!.contents as MarkupContent).value, /image:\n {2}repository: nginx\n {2}tag: "1\.27"/);
  });

  it('hover on a path values.yaml does not set says so', async () => {
    const text = TEMPLATE.replace('.Values.replicaCount', '.Values.replicas');
    const { position } = at('.Values.repl', text);
    const { uri } = await client.open('web/templates/deployment.yaml', text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.match((hover!.contents as MarkupContent).value, /`\.Values\.replicas` is not set in values\.yaml/);
  });

  it('go to definition on .Values.replicaCount goes to its key in values.yaml', async () => {
    const { position } = at('.Values.replica');
    const { uri } = await client.open('web/templates/deployment.yaml', TEMPLATE);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.deepEqual(locations, [{ uri: 'file:///podlab-in-process/web/values.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } } }]);
  });

  it('completion after .Values. offers the keys values.yaml has, and after .Values.image. its keys', async () => {
    const top = TEMPLATE.replace('{{ .Release.Name }}', '{{ .Values. }}');
    const { position } = at('{{ .Values.', top);
    const { uri } = await client.open('web/templates/deployment.yaml', top);
    const items = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const labels = (Array.isArray(items) ? items : items.items).map((item) => item.label);
    assert.deepEqual(labels, ['replicaCount', 'image', 'resources']);
    const nested = TEMPLATE.replace('{{ .Release.Name }}', '{{ .Values.image.t }}');
    const second = at('{{ .Values.image.t', nested);
    await client.change(uri, nested);
    const more = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: second.position });
    assert.deepEqual(more.map((item) => [item.label, item.detail]), [['repository', 'values.yaml: nginx'], ['tag', 'values.yaml: 1.27']]);
  });

  it('completion of keys works in the literal parts of a template, and offers nothing inside other actions', async () => {
    const typed = TEMPLATE.replace('        - name: web\n', '        - name: web\n          livenessPr\n');
    const { position } = at('livenessPr', typed);
    const { uri } = await client.open('web/templates/deployment.yaml', typed);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(items.some((item) => item.label === 'livenessProbe'), items.map((item) => item.label).join(', '));
    const inside = at('{{ .Release.Na');
    const none = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: inside.position });
    assert.deepEqual(none, []);
  });

  it('outside a chart (no Chart.yaml above templates/), a .Values hover falls back to the field hover', async () => {
    const { position } = at('.Values.replica');
    const { uri } = await client.open('elsewhere/deployment.yaml', TEMPLATE);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.doesNotMatch((hover?.contents as MarkupContent | undefined)?.value ?? '', /values\.yaml/);
  });
});
