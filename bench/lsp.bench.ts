/**
 * Opens generated manifests of about 1k, 10k and 50k lines in the built server (dist/server.js over stdio) and
 * prints, per size: time to first diagnostics, re-validation after a one-character edit, hover p50/p95,
 * completion p50/p95, the server's peak memory (VmHWM), and each time as a ratio to the `yaml` package's own
 * parseAllDocuments of the same text. Run with `npm run bench:lsp` (it builds first).
 *
 * First diagnostics are timed three ways. "fresh": the file is the first thing a newly started server sees, and the
 * ratio is to a parse in a newly started node process (both run code the JIT has not optimised yet). "open": a
 * running server (it has opened and been typed in a small file) opens the file; "next": it then opens a second file
 * of the same size (other names), as when a user goes on to the next file. Those two, like the edits, hovers and
 * completions, are compared with the warm parse in this process (the median of several parses of the same text).
 *
 * Options: `--sizes 1000,10000`, `--samples 200` (hovers and completions per file), `--warm-edits 20` (edits to the
 * small file that warms the server up), `--runs 3` (fresh servers per size; each run's row, then the minimum and
 * median of every column over the runs: the machine may be shared), and `--write DIR` to write the generated
 * manifests there instead (for profiling the server's parts in-process), `--server FILE` to measure another build.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from '../test/lsp/client';
import { manifest } from './generatedManifests';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const SIZES = option('sizes', '1000,10000,50000').split(',').map(Number);
const SAMPLES = Number(option('samples', '200'));
const RUNS = Math.max(1, Number(option('runs', '1')));
/** One-character edits to the small warm-up file before the measured one is opened (`--warm-edits 0`: open only). */
const WARM_EDITS = Number(option('warm-edits', '20'));
const BUDGET_LINES = 10_000;
/** `--server FILE`: another build of the server (e.g. a copy of dist/server.js from before a change), for before/after tables. */
const SERVER = option('server', '');
const startServer = (): Promise<LspClient> => LspClient.start(SERVER ? { command: [process.execPath, SERVER, '--stdio'] } : {});

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** The `yaml` package's parse of the whole text, warm, median of several runs. */
function parseTime(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    parseAllDocuments(text);
    runs.push(performance.now() - start);
  }
  return median(runs.slice(2));
}

/** The `yaml` package's first parse of the text in a newly started node process, median of three processes. */
function coldParseTime(text: string): number {
  const script = `const { parseAllDocuments } = require(${JSON.stringify(require.resolve('yaml'))});
const text = require('node:fs').readFileSync(0, 'utf8');
const start = performance.now();
parseAllDocuments(text);
process.stdout.write(String(performance.now() - start));`;
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', script], { input: text, encoding: 'utf8' })));
  return median(runs);
}

/** The same applications under another namespace: a second file of the same size and shape that names nothing of the first. */
function otherFile(text: string): string {
  return text.replaceAll('namespace: shop', 'namespace: shop-next');
}

/** Time to first diagnostics for `text` opened in a newly started server. */
async function freshOpen(text: string): Promise<number> {
  const client = await startServer();
  try {
    const uri = client.uri('fresh.yaml');
    const start = performance.now();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, 120_000);
    return performance.now() - start;
  } finally {
    await client.stop();
  }
}

/** Positions spread evenly over the file: `count` occurrences of the needles, cycling through them. */
function spread(text: string, needles: Array<{ needle: string; delta: number }>, count: number): Position[] {
  const positions: Position[] = [];
  for (const { needle, delta } of needles) {
    const total = text.split(needle).length - 1;
    const step = Math.max(1, Math.floor(total / Math.ceil(count / needles.length)));
    for (let occurrence = 0; occurrence < total && positions.length < count; occurrence += step) positions.push(positionOf(text, needle, occurrence, delta));
  }
  return positions;
}

function vmHwmKiB(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
}

interface Result {
  lines: number;
  parse: number;
  coldParse: number;
  fresh: number;
  open: number;
  next: number;
  edit: number;
  editWarm: number;
  hover: number[];
  completion: number[];
  diagnostics: number;
  memoryMiB: number;
}

async function measure(lines: number): Promise<Result> {
  const text = manifest(lines);
  const actualLines = text.split('\n').length;
  const parse = parseTime(text);
  const coldParse = coldParseTime(text);
  const fresh = await freshOpen(text);
  const client = await startServer();
  try {
    // Warm the server (schema load, JIT) on a small file first, opened and then typed in: the figures below are for
    // a running editor. Opened only, the parser's code is still unoptimised when the large file comes, and its first
    // parse takes two to three times as long as the next ones.
    const warm = client.uri('warm.yaml');
    const warmText = manifest(200);
    await client.open(warm, warmText);
    await client.waitForDiagnostics(warm, 60_000);
    const warmAt = positionOf(warmText, 'replicas: ', 0, 'replicas: '.length);
    for (let i = 0; i < WARM_EDITS; i++) {
      await client.edit(warm, warmAt, { line: warmAt.line, character: warmAt.character + 1 }, String(2 + (i % 7)));
      await client.waitForDiagnostics(warm, 60_000);
    }

    const uri = client.uri(`bench-${lines}.yaml`);
    let start = performance.now();
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 120_000);
    const open = performance.now() - start;
    const nextUri = client.uri(`bench-${lines}-next.yaml`);
    start = performance.now();
    await client.open(nextUri, otherFile(text));
    await client.waitForDiagnostics(nextUri, 120_000);
    const next = performance.now() - start;

    // One-character edits near the middle of the file: the first one, then the median of the next ones (a warm server).
    const middle = positionOf(text, 'replicas: ', Math.floor((text.split('replicas: ').length - 1) / 2), 'replicas: '.length);
    const edits: number[] = [];
    for (let i = 0; i < 7; i++) {
      start = performance.now();
      await client.edit(uri, middle, { line: middle.line, character: middle.character + 1 }, String(3 + (i % 5)));
      await client.waitForDiagnostics(uri, 120_000);
      edits.push(performance.now() - start);
    }
    const edit = edits[0];
    const editWarm = median(edits.slice(1));

    const hover: number[] = [];
    for (const position of spread(text, [{ needle: 'imagePullPolicy', delta: 3 }, { needle: 'containerPort', delta: 2 }, { needle: 'storageClassName', delta: 1 }, { needle: 'readinessProbe', delta: 4 }], SAMPLES)) {
      start = performance.now();
      await client.hover(uri, position);
      hover.push(performance.now() - start);
    }
    const completion: number[] = [];
    const targets = spread(text, [{ needle: 'imagePullPolicy: ', delta: 'imagePullPolicy: '.length }, { needle: '          livenessProbe', delta: 10 }, { needle: '  accessModes', delta: 2 }], SAMPLES);
    for (const position of targets) {
      start = performance.now();
      const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
      completion.push(performance.now() - start);
      const items = Array.isArray(result) ? result : result?.items ?? [];
      if (items.length === 0) throw new Error(`no completion at ${JSON.stringify(position)}`);
    }
    return { lines: actualLines, parse, coldParse, fresh, open, next, edit, editWarm, hover, completion, diagnostics: diagnostics.length, memoryMiB: vmHwmKiB(client.process.pid) / 1024 };
  } finally {
    await client.stop();
  }
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}

interface Row {
  lines: number;
  parse: number;
  coldParse: number;
  fresh: number;
  open: number;
  next: number;
  edit: number;
  editWarm: number;
  hover50: number;
  hover95: number;
  completion50: number;
  completion95: number;
  memoryMiB: number;
  diagnostics: number;
}

type Ratio = 'fresh' | 'open' | 'next' | 'edit' | 'editWarm';

function rowOf(result: Result): Row {
  return {
    lines: result.lines, parse: result.parse, coldParse: result.coldParse, fresh: result.fresh, open: result.open, next: result.next,
    edit: result.edit, editWarm: result.editWarm,
    hover50: percentile(result.hover, 50), hover95: percentile(result.hover, 95),
    completion50: percentile(result.completion, 50), completion95: percentile(result.completion, 95),
    memoryMiB: result.memoryMiB, diagnostics: result.diagnostics,
  };
}

/** A fresh server's time is compared with a parse in a fresh process; the others with the warm parse. */
function ratiosOf(row: Row): Record<Ratio, number> {
  return { fresh: row.fresh / row.coldParse, open: row.open / row.parse, next: row.next / row.parse, edit: row.edit / row.parse, editWarm: row.editWarm / row.parse };
}

/** Each column's minimum or median over the runs; ratios are taken per run first (each run's parse is timed then). */
function combine(rows: Row[], pick: (values: number[]) => number): Row & { ratios: Record<Ratio, number> } {
  const column = (get: (row: Row) => number) => pick(rows.map(get));
  const ratio = (name: Ratio) => column((row) => ratiosOf(row)[name]);
  return {
    lines: rows[0].lines, parse: column((row) => row.parse), coldParse: column((row) => row.coldParse), fresh: column((row) => row.fresh),
    open: column((row) => row.open), next: column((row) => row.next), edit: column((row) => row.edit),
    editWarm: column((row) => row.editWarm), hover50: column((row) => row.hover50), hover95: column((row) => row.hover95),
    completion50: column((row) => row.completion50), completion95: column((row) => row.completion95),
    memoryMiB: column((row) => row.memoryMiB), diagnostics: rows[0].diagnostics,
    ratios: { fresh: ratio('fresh'), open: ratio('open'), next: ratio('next'), edit: ratio('edit'), editWarm: ratio('editWarm') },
  };
}

const HEADER = '        |  lines | parse warm/cold | fresh -> diags | open -> diags | next -> diags | 1st edit -> diags | edit -> diags | hover p50/p95 | compl. p50/p95 |   VmHWM | diags';

function format(label: string, row: Row, ratios: Record<Ratio, number>): string {
  const timed = (name: Ratio, width: number) => `${ms(row[name])} (${ratios[name].toFixed(2)}x)`.padStart(width);
  return [
    label.padStart(7), `${row.lines}`.padStart(6), `${ms(row.parse)}/${ms(row.coldParse)}`.padStart(15),
    timed('fresh', 14), timed('open', 13), timed('next', 13), timed('edit', 17), timed('editWarm', 13),
    `${ms(row.hover50)}/${ms(row.hover95)}`.padStart(13),
    `${ms(row.completion50)}/${ms(row.completion95)}`.padStart(14),
    `${row.memoryMiB.toFixed(0)} MiB`.padStart(7), `${row.diagnostics}`.padStart(5),
  ].join(' | ');
}

const minimum = (values: number[]): number => Math.min(...values);

async function main(): Promise<void> {
  const writeTo = option('write', '');
  if (writeTo) {
    for (const size of SIZES) fs.writeFileSync(`${writeTo}/bench-${size}.yaml`, manifest(size));
    return;
  }
  console.log(`Podlab LSP benchmark: node ${process.version}, ${SAMPLES} hovers and completions per file, ${RUNS} run(s) per size; times in ms, (ratio to yaml's parseAllDocuments: "fresh" to its parse in a fresh process, the others to its warm parse)\n`);
  const lines: string[] = [];
  const verdicts: string[] = [];
  for (const size of SIZES) {
    const rows: Row[] = [];
    for (let run = 0; run < RUNS; run++) rows.push(rowOf(await measure(size)));
    rows.forEach((row, run) => lines.push(format(`run ${run + 1}`, row, ratiosOf(row))));
    const best = combine(rows, minimum);
    const typical = combine(rows, median);
    if (RUNS > 1) {
      lines.push(format('min', best, best.ratios));
      lines.push(format('median', typical, typical.ratios));
    }
    if (size === BUDGET_LINES) {
      const verdict = (what: string, ratio: number, parse = 'the warm parse') => `${what} ${ratio.toFixed(2)}x ${parse} (budget 2x): ${ratio <= 2 ? 'within' : 'OVER'}`;
      verdicts.push(verdict('first diagnostics, fresh server', typical.ratios.fresh, 'the parse in a fresh process'));
      verdicts.push(verdict('first diagnostics, running server', typical.ratios.open));
      verdicts.push(verdict('first diagnostics, next file', typical.ratios.next));
      verdicts.push(verdict('re-validation (first edit)', typical.ratios.edit));
      verdicts.push(verdict('re-validation (warm median)', typical.ratios.editWarm));
      verdicts.push(`hover p95 ${ms(typical.hover95)} ms (budget 5 ms): ${typical.hover95 < 5 ? 'within' : 'OVER'}`);
      verdicts.push(`completion p95 ${ms(typical.completion95)} ms (budget 5 ms): ${typical.completion95 < 5 ? 'within' : 'OVER'}`);
    }
  }
  console.log(HEADER);
  console.log(lines.join('\n'));
  if (verdicts.length > 0) console.log(`\nBudget on the ${BUDGET_LINES}-line file${RUNS > 1 ? ` (median of ${RUNS} runs)` : ''}:\n  ${verdicts.join('\n  ')}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
