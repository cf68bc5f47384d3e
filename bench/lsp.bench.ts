/**
 * Opens generated manifests of about 1k, 10k and 50k lines in the built server (dist/server.js over stdio) and
 * prints, per size: time to first diagnostics, re-validation after a one-character edit, hover p50/p95,
 * completion p50/p95, the server's peak memory (VmHWM), and each time as a ratio to the `yaml` package's own
 * parseAllDocuments of the same text in this process. Run with `npm run bench:lsp` (it builds first).
 * Options: `--sizes 1000,10000`, `--samples 200` (hovers and completions per file), `--warm-edits 20` (edits to the
 * small file that warms the server up), `--runs 3` (a fresh server per
 * run; each run's row, then the minimum and median of every column over the runs: the machine may be shared), and
 * `--write DIR` to write the generated manifests there instead (for profiling the server's parts in-process).
 */
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
  open: number;
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
  const client = await LspClient.start();
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
    return { lines: actualLines, parse, open, edit, editWarm, hover, completion, diagnostics: diagnostics.length, memoryMiB: vmHwmKiB(client.process.pid) / 1024 };
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
  open: number;
  edit: number;
  editWarm: number;
  hover50: number;
  hover95: number;
  completion50: number;
  completion95: number;
  memoryMiB: number;
  diagnostics: number;
}

function rowOf(result: Result): Row {
  return {
    lines: result.lines, parse: result.parse, open: result.open, edit: result.edit, editWarm: result.editWarm,
    hover50: percentile(result.hover, 50), hover95: percentile(result.hover, 95),
    completion50: percentile(result.completion, 50), completion95: percentile(result.completion, 95),
    memoryMiB: result.memoryMiB, diagnostics: result.diagnostics,
  };
}

/** Each column's minimum or median over the runs; ratios are taken per run first (each run's parse is timed then). */
function combine(rows: Row[], pick: (values: number[]) => number): Row & { ratios: Record<'open' | 'edit' | 'editWarm', number> } {
  const column = (get: (row: Row) => number) => pick(rows.map(get));
  return {
    lines: rows[0].lines, parse: column((row) => row.parse), open: column((row) => row.open), edit: column((row) => row.edit),
    editWarm: column((row) => row.editWarm), hover50: column((row) => row.hover50), hover95: column((row) => row.hover95),
    completion50: column((row) => row.completion50), completion95: column((row) => row.completion95),
    memoryMiB: column((row) => row.memoryMiB), diagnostics: rows[0].diagnostics,
    ratios: {
      open: column((row) => row.open / row.parse),
      edit: column((row) => row.edit / row.parse),
      editWarm: column((row) => row.editWarm / row.parse),
    },
  };
}

function format(label: string, row: Row, ratios: Record<'open' | 'edit' | 'editWarm', number>): string {
  return [
    label.padStart(7), `${row.lines}`.padStart(6), ms(row.parse).padStart(7),
    `${ms(row.open)} (${ratios.open.toFixed(2)}x)`.padStart(17),
    `${ms(row.edit)} (${ratios.edit.toFixed(2)}x)`.padStart(19),
    `${ms(row.editWarm)} (${ratios.editWarm.toFixed(2)}x)`.padStart(18),
    `${ms(row.hover50)}/${ms(row.hover95)}`.padStart(13),
    `${ms(row.completion50)}/${ms(row.completion95)}`.padStart(13),
    `${row.memoryMiB.toFixed(0)} MiB`.padStart(9), `${row.diagnostics}`.padStart(6),
  ].join(' | ');
}

const minimum = (values: number[]): number => Math.min(...values);

async function main(): Promise<void> {
  const writeTo = option('write', '');
  if (writeTo) {
    for (const size of SIZES) fs.writeFileSync(`${writeTo}/bench-${size}.yaml`, manifest(size));
    return;
  }
  console.log(`Podlab LSP benchmark: node ${process.version}, ${SAMPLES} hovers and completions per file, ${RUNS} run(s) per size; times in ms, (ratio to yaml's parseAllDocuments)\n`);
  const lines: string[] = [];
  const verdicts: string[] = [];
  for (const size of SIZES) {
    const rows: Row[] = [];
    for (let run = 0; run < RUNS; run++) rows.push(rowOf(await measure(size)));
    rows.forEach((row, run) => lines.push(format(`run ${run + 1}`, row, { open: row.open / row.parse, edit: row.edit / row.parse, editWarm: row.editWarm / row.parse })));
    const best = combine(rows, minimum);
    const typical = combine(rows, median);
    if (RUNS > 1) {
      lines.push(format('min', best, best.ratios));
      lines.push(format('median', typical, typical.ratios));
    }
    if (size === BUDGET_LINES) {
      const verdict = (what: string, ratio: number) => `${what} ${ratio.toFixed(2)}x the parse (budget 2x): ${ratio <= 2 ? 'within' : 'OVER'}`;
      verdicts.push(verdict('re-validation (warm median)', typical.ratios.editWarm));
      verdicts.push(verdict('re-validation (first edit)', typical.ratios.edit));
      verdicts.push(verdict('first diagnostics', typical.ratios.open));
      verdicts.push(`hover p95 ${ms(typical.hover95)} ms (budget 5 ms): ${typical.hover95 < 5 ? 'within' : 'OVER'}`);
      verdicts.push(`completion p95 ${ms(typical.completion95)} ms (budget 5 ms): ${typical.completion95 < 5 ? 'within' : 'OVER'}`);
    }
  }
  console.log('        |  lines |   parse |   open -> diags   | first edit -> diags | warm edit -> diags | hover p50/p95 | compl. p50/p95 |     VmHWM |  diags');
  console.log(lines.join('\n'));
  if (verdicts.length > 0) console.log(`\nBudget on the ${BUDGET_LINES}-line file${RUNS > 1 ? ` (median of ${RUNS} runs)` : ''}:\n  ${verdicts.join('\n  ')}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
