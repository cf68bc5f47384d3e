import * as assert from 'node:assert/strict';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './client';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      restartPolicy: Never # the controller only accepts Always
      containers:
        - name: web
          image: nginx:1.27
`;

describe('LSP: the foundation slice over stdio', function () {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  it('reports a YAML syntax error with the yaml-syntax code at its exact range', async () => {
    const uri = client.uri('broken.yaml');
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "unclosed\n';
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri);
    const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.ok(syntax.length >= 1, JSON.stringify(diagnostics));
    assert.equal(syntax[0].source, 'podlab');
    assert.deepEqual(syntax[0].range.start, positionOf(text, '"unclosed'));
  });

  it('flags a Deployment template restartPolicy and fixes it through a quick fix that keeps the comment', async () => {
    const uri = client.uri('deployment.yaml');
    await client.open(uri, DEPLOYMENT);
    const diagnostics = await client.waitForDiagnostics(uri);
    const finding = diagnostics.find((d) => d.code === 'invalid-restart-policy');
    assert.ok(finding, JSON.stringify(diagnostics));
    assert.deepEqual(finding.range, { start: positionOf(DEPLOYMENT, 'Never'), end: positionOf(DEPLOYMENT, 'Never', 0, 5) });
    assert.match(finding.codeDescription?.href ?? '', /rules\.md#invalid-restart-policy$/);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] },
    });
    const fix = actions.find((action) => action.title === 'Change restartPolicy to Always');
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
    const [edit] = fix.edit.changes[uri];
    assert.equal(edit.newText, 'Always');
    await client.edit(uri, edit.range.start, edit.range.end, edit.newText);
    const after = await client.waitForDiagnostics(uri);
    assert.equal(after.filter((d) => d.code === 'invalid-restart-policy').length, 0);
  });

  it('explains restartPolicy on hover with facts for this kind', async () => {
    const uri = client.uri('hover.yaml');
    await client.open(uri, DEPLOYMENT);
    const hover = await client.hover(uri, positionOf(DEPLOYMENT, 'restartPolicy', 0, 3));
    const text = JSON.stringify(hover?.contents);
    assert.match(text, /restartPolicy: Never/);
    assert.match(text, /Deployment accepts only `Always`/);
    assert.match(text, /kubernetes\.io\/docs\/concepts\/workloads\/pods\/pod-lifecycle/);
  });

  it('offers a "Preview lifecycle" code lens above each pod-making resource', async () => {
    const uri = client.uri('lens.yaml');
    const text = `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n`;
    await client.open(uri, text);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0].command?.arguments, [uri, 0]);
  });

  it('leaves YAML that is not a Kubernetes manifest alone', async () => {
    const uri = client.uri('workflow.yaml');
    await client.open(uri, 'name: CI\non:\n  push: {branches: [main]\njobs: {}\n');
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
  });

  it('simulates a Pod start through podlab/simulate', async () => {
    const uri = client.uri('pod.yaml');
    await client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n');
    const result = await client.request<{ resource: { kind: string; name: string }; events: Array<{ reason: string }>; frames: Array<{ pods: Array<{ phase: string }> }> }>('podlab/simulate', { uri });
    assert.deepEqual(result.resource, { kind: 'Pod', name: 'hello' });
    const reasons = result.events.map((event) => event.reason);
    for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']) assert.ok(reasons.includes(reason), reasons.join(','));
    assert.equal(result.frames[0].pods[0].phase, 'Pending');
    assert.equal(result.frames.at(-1)?.pods[0].phase, 'Running');
  });

  it('stays up and answers after all of that', async () => {
    const uri = client.uri('last.yaml');
    await client.open(uri, DEPLOYMENT);
    assert.ok((await client.waitForDiagnostics(uri)).length >= 1);
    assert.equal(client.process.exitCode, null);
  });
});
