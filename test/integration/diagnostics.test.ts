import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openManifest, podlabDiagnostics, positionOf, sleep, waitForDiagnostics } from './support';

describe('diagnostics', () => {
  after(closeAllEditors);

  it('reports a Deployment whose pod template uses restartPolicy Never, on the value', async () => {
    const { document } = await openManifest('deployment-restart-never.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some((d) => codeOf(d) === 'invalid-restart-policy'));
    const finding = diagnostics.find((d) => codeOf(d) === 'invalid-restart-policy')!;
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(finding.source, 'podlab');
    const start = positionOf(document, 'restartPolicy: Never', 'restartPolicy: '.length);
    assert.deepEqual(
      [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
      [start.line, start.character, start.line, start.character + 'Never'.length],
    );
    assert.equal(document.getText(finding.range), 'Never');
  });

  it('reports YAML syntax errors with the code yaml-syntax', async () => {
    const { document } = await openManifest('syntax-error.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some((d) => codeOf(d) === 'yaml-syntax'));
    const syntax = diagnostics.filter((d) => codeOf(d) === 'yaml-syntax');
    assert.ok(syntax.length > 0);
    for (const diagnostic of syntax) assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    // The unterminated string starts on line 6 (index 5).
    assert.ok(syntax.some((d) => d.range.start.line >= 5), `ranges: ${JSON.stringify(syntax.map((d) => d.range))}`);
  });

  it('leaves YAML that is not a Kubernetes manifest alone', async () => {
    const manifest = await openManifest('deployment-restart-never.yaml');
    await waitForDiagnostics(manifest.document.uri, (list) => list.length > 0);
    const { document } = await openManifest('not-kubernetes.yaml');
    // Give the server time to answer the open; a manifest is diagnosed well within this.
    await sleep(2_000);
    assert.deepEqual(podlabDiagnostics(document.uri).map((d) => d.message), []);
  });
});
