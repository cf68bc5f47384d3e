/**
 * Scores one stdio language server's diagnostics against the planted errors of peer-bench's generated manifests
 * (each FILE.yaml has a sibling FILE.expected.json), split by severity and code, which lsp-bench.mjs does not do:
 * it counts every diagnostic outside a planted object as "other", hints included.
 *
 *   node --import=tsx bench/peer-score.ts FILE.yaml... -- SERVER_COMMAND [ARGS...]
 *
 * Each file is opened in a fresh server whose only workspace folder is the file's own folder. The scoring rule is
 * lsp-bench's: a planted error is caught when a diagnostic starts on one of its lines; a diagnostic is "other" when
 * it starts outside every planted error's lines and enclosing object. Settings for Podlab go in PEER_SCORE_SETTINGS.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

interface Planted { lines: [number, number]; objectLines?: [number, number] }

const SEVERITY = ['?', 'error', 'warning', 'information', 'hint'];
const SETTLE_MS = 600;

async function diagnosticsOf(file: string, command: string[], settings: Record<string, unknown>): Promise<Diagnostic[]> {
  const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  const folder = pathToFileURL(path.dirname(file)).href;
  let latest: Diagnostic[] | undefined;
  let lastAt = 0;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri === uri) { latest = params.diagnostics; lastAt = Date.now(); }
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((item) => (item.section ? settings[item.section] ?? null : settings)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: path.basename(file) }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('workspace/didChangeConfiguration', { settings });
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') },
  });
  while (latest === undefined || Date.now() - lastAt < SETTLE_MS) await new Promise((wake) => setTimeout(wake, 50));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return latest;
}

function score(planted: Planted[], diagnostics: Diagnostic[]) {
  const startsIn = (d: Diagnostic, [from, to]: [number, number]) => d.range.start.line >= from && d.range.start.line <= to;
  const caught = planted.filter((p) => diagnostics.some((d) => startsIn(d, p.lines))).length;
  const caughtByError = planted.filter((p) => diagnostics.some((d) => d.severity === 1 && startsIn(d, p.lines))).length;
  const other = diagnostics.filter((d) => !planted.some((p) => startsIn(d, p.lines) || (p.objectLines && startsIn(d, p.objectLines))));
  const bySeverity: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  for (const d of other) {
    const severity = SEVERITY[d.severity ?? 0];
    bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
    byCode[`${severity} ${String(d.code)}`] = (byCode[`${severity} ${String(d.code)}`] ?? 0) + 1;
  }
  return { caught, caughtByError, other: other.length, bySeverity, byCode, samples: other.filter((d) => (d.severity ?? 1) <= 2).slice(0, 3) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const split = args.indexOf('--');
  if (split < 1 || split === args.length - 1) throw new Error('usage: peer-score.ts FILE.yaml... -- SERVER_COMMAND [ARGS...]');
  const settings = JSON.parse(process.env.PEER_SCORE_SETTINGS ?? '{}') as Record<string, unknown>;
  console.log('| file | diags | planted caught (by an error) | other diags | other errors | other diags by severity and code |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const file of args.slice(0, split).map((f) => path.resolve(f))) {
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.ya?ml$/, '.expected.json'), 'utf8')) as { planted: Planted[] };
    const diagnostics = await diagnosticsOf(file, args.slice(split + 1), settings);
    const s = score(expected.planted, diagnostics);
    const codes = Object.entries(s.byCode).map(([code, n]) => `${code} ${n}`).join(', ') || '–';
    console.log(`| ${path.basename(file)} | ${diagnostics.length} | ${s.caught}/${expected.planted.length} (${s.caughtByError}) | ${s.other} | ${s.bySeverity.error ?? 0} | ${codes} |`);
    for (const d of s.samples) console.error(`  ${path.basename(file)}:${d.range.start.line + 1} [${String(d.code)}] ${(typeof d.message === 'string' ? d.message : d.message.value).slice(0, 140)}`);
  }
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });
