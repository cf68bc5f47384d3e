/**
 * Times, in this process and warm, each stage that runs after the parse when a large manifest is opened or edited:
 * the workspace summary (summarizeFile, WorkspaceIndex.setOpenFile), the analysis (syntaxFindings, validateSchema,
 * runRules rule by rule, applySuppressions), the store's withoutBreakingFixes and toDiagnostic. The manifests are
 * those of bench/lsp.bench.ts, parsed once. Prints the minimum and median of each stage over several runs, the
 * costliest rules, and the sum as a ratio to the `yaml` package's parseAllDocuments of the same text.
 * Run with `npm run bench:analysis`. Options: `--sizes 10000,50000`, `--runs 15`, `--top 10` (rules listed).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/analysis/analyze';
import type { Finding } from '../server/src/analysis/finding';
import { runRules } from '../server/src/analysis/runRules';
import { withoutBreakingFixes } from '../server/src/analysis/store';
import { applySuppressions } from '../server/src/analysis/suppression';
import { syntaxFindings } from '../server/src/analysis/syntaxFindings';
import { toDiagnostic } from '../server/src/features/diagnostics';
import { parseManifest } from '../server/src/parse/parseManifest';
import { RULES } from '../server/src/rules';
import { validateSchema } from '../server/src/schema/validate';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { summarizeFile } from '../server/src/workspace/summary';
import type { WorkspaceView } from '../server/src/workspace/view';
import { WorkspaceIndex } from '../server/src/workspace/workspaceIndex';
import { manifest } from './generatedManifests';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const SIZES = option('sizes', '10000,50000').split(',').map(Number);
const RUNS = Math.max(1, Number(option('runs', '15')));
const TOP = Number(option('top', '10'));

// A full collection before each sample, so that a stage is not charged for the garbage of the one timed before it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timing {
  min: number;
  median: number;
}

/** Runs `work` RUNS times after two unmeasured runs (the JIT's warm-up), each after a garbage collection; minimum and median in ms. */
function time(work: () => unknown, runs = RUNS): Timing {
  work();
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0], median: samples[Math.floor(samples.length / 2)] };
}

const format = (ms: number): string => ms.toFixed(2).padStart(8);
const row = (label: string, timing: Timing, extra = ''): string => `  ${label.padEnd(28)}${format(timing.min)}${format(timing.median)}${extra}`;
const failOnError = (what: string, error: unknown): never => {
  throw new Error(`${what} failed: ${String(error)}`);
};

function benchSize(lines: number): void {
  const text = manifest(lines);
  const uri = `file:///bench/bench-${lines}.yaml`;
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const parse = time(() => parseAllDocuments(text), Math.min(RUNS, 7));
  const file = parseManifest(text);
  const index = new WorkspaceIndex();
  index.setOpenFile(uri, summarizeFile(uri, file));
  index.complete = true;
  const workspace: WorkspaceView = { uri, index };
  const settings = DEFAULT_SETTINGS;
  const onRuleFailure = (rule: { meta: { id: string } }, error: unknown) => failOnError(`Rule ${rule.meta.id}`, error);

  const rulesFindings = runRules(file, settings, onRuleFailure, RULES, workspace);
  const schemaFindings = validateSchema(file, settings, uri);
  const unsuppressed: Finding[] = [...syntaxFindings(file), ...schemaFindings, ...rulesFindings];
  const findings = withoutBreakingFixes(file, analyze(file, { settings, onRuleFailure, onCheckFailure: failOnError, workspace }), failOnError);

  const stages: Array<[string, Timing]> = [
    ['summarizeFile', time(() => summarizeFile(uri, file))],
    // A new version's summaries each time, as documentChanged gives: the index fingerprints them against the last.
    ['WorkspaceIndex.setOpenFile', timeSetOpenFile(index, uri, file)],
    ['syntaxFindings', time(() => syntaxFindings(file))],
    ['validateSchema', time(() => validateSchema(file, settings, uri))],
    ['runRules (all)', time(() => runRules(file, settings, onRuleFailure, RULES, workspace))],
    ['applySuppressions', time(() => applySuppressions(file, [...unsuppressed]))],
    ['withoutBreakingFixes', timeWithoutBreakingFixes(() => analyze(file, { settings, onRuleFailure, workspace }), file)],
    ['toDiagnostic', time(() => findings.map((finding) => toDiagnostic(document, finding)))],
  ];
  const analyzeTiming = time(() => analyze(file, { settings, onRuleFailure, onCheckFailure: failOnError, workspace }));
  const rules = RULES.map((rule) => ({ id: rule.meta.id, timing: time(() => runRules(file, settings, onRuleFailure, [rule], workspace)) }))
    .sort((a, b) => b.timing.median - a.timing.median);

  const afterParse = stages[0][1].median + stages[1][1].median + analyzeTiming.median + stages[6][1].median + stages[7][1].median;
  console.log(`\n${lines} lines (${text.split('\n').length} lines, ${file.resources.length} resources, ${findings.length} findings); ms, warm, ${RUNS} runs`);
  console.log(`  ${'stage'.padEnd(28)}${'min'.padStart(8)}${'median'.padStart(8)}`);
  console.log(row('yaml parseAllDocuments', parse));
  for (const [label, timing] of stages) console.log(row(label, timing));
  console.log(row('analyze (whole)', analyzeTiming));
  console.log(`  after the parse (medians: summary + index + analyze + fixes + diagnostics): ${afterParse.toFixed(2)} ms = ${(afterParse / parse.median).toFixed(2)}x the yaml parse`);
  console.log(`  costliest rules (of ${RULES.length}):`);
  for (const { id, timing } of rules.slice(0, TOP)) console.log(row(`  ${id}`, timing));
  const ruleSum = rules.reduce((sum, { timing }) => sum + timing.median, 0);
  console.log(`  sum of the rules' medians: ${ruleSum.toFixed(2)} ms`);
}

function timeSetOpenFile(index: WorkspaceIndex, uri: string, file: ReturnType<typeof parseManifest>): Timing {
  const versions = Array.from({ length: RUNS + 2 }, () => summarizeFile(uri, file));
  let next = 0;
  return time(() => index.setOpenFile(uri, versions[next++]));
}

/** withoutBreakingFixes wraps the findings' fixes in place: each run gets the findings of its own analysis. */
function timeWithoutBreakingFixes(analysis: () => Finding[], file: ReturnType<typeof parseManifest>): Timing {
  const analyses = Array.from({ length: RUNS + 2 }, analysis);
  let next = 0;
  return time(() => withoutBreakingFixes(file, analyses[next++], failOnError));
}

for (const lines of SIZES) benchSize(lines);
