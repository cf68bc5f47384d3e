import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LspClient, waitForNotification } from '../lsp/client';
import { FIXTURES, podlab, REPO_ROOT, type JsonFinding } from './support';
import { promises as fs } from 'node:fs';
import { findManifestFiles } from '../../server/src/analysis/scanFolders';
import { excludeMatcher } from '../../server/src/analysis/exclude';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** One line per finding: file URI, code, range (0-based, as LSP counts), severity and message. */
type Line = string;

async function serverFindings(folder: string): Promise<Line[]> {
  const client = await LspClient.start({ workspaceFolders: [folder] });
  try {
    await waitForNotification(client, 'podlab/workspaceIndexed', () => true, 60_000);
    const files = await findManifestFiles(folder, { isExcluded: excludeMatcher(), maxFileBytes: Infinity });
    const uris: string[] = [];
    for (const file of files) {
      const uri = URI.file(file).toString();
      uris.push(uri);
      await client.open(uri, await fs.readFile(file, 'utf8'));
    }
    for (const uri of uris) await client.waitForDiagnostics(uri, 60_000);
    await settled(client);
    return uris.flatMap((uri) => client.diagnostics.get(uri)!.diagnostics.map((d) =>
      `${uri} ${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${SEVERITY[d.severity ?? 1]} ${d.message}`)).sort();
  } finally {
    await client.stop();
  }
}

/** Waits until the server has published nothing for a while (opening a file may republish the others). */
async function settled(client: LspClient): Promise<void> {
  let count = -1;
  while (count !== client.notifications.length) {
    count = client.notifications.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

async function cliFindings(folder: string): Promise<Line[]> {
  const { code, stdout, stderr } = await podlab(['lint', folder, '--format', 'json'], { cwd: REPO_ROOT });
  assert.ok(code === 0 || code === 1, `exit code ${code}: ${stderr}`);
  const findings = JSON.parse(stdout) as JsonFinding[];
  return findings.map((f) =>
    `${URI.file(path.resolve(REPO_ROOT, f.file)).toString()} ${f.rule} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.severity} ${f.message}`).sort();
}

describe('podlab lint finds what the language server finds (same folders, same engine)', function () {
  this.timeout(180_000);
  const folders = [
    path.join(REPO_ROOT, 'examples'),
    path.join(FIXTURES, 'workspace'),
    path.join(FIXTURES, 'forward-references'),
    path.join(FIXTURES, 'corpus', 'kubernetes__examples'),
    path.join(FIXTURES, 'corpus', 'FairwindsOps__polaris'),
    path.join(FIXTURES, 'corpus', 'yannh__kubeconform'),
  ];
  for (const folder of folders) {
    it(`on ${path.relative(REPO_ROOT, folder)}: code, range, severity and message`, async () => {
      const [server, cli] = [await serverFindings(folder), await cliFindings(folder)];
      assert.ok(cli.length > 0, 'the folder has findings to compare');
      assert.deepEqual(cli, server);
    });
  }
});
