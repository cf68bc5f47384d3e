/**
 * Times, in this process and warm, each stage that runs after the parse when a large manifest is opened or edited:
 * the workspace summary (summarizeFile, WorkspaceIndex.setOpenFile), the analysis (syntaxFindings, validateSchema,
 * runRules rule by rule, applySuppressions), the store's withoutBreakingFixes and toDiagnostic. The manifests are
 * those of bench/lsp.bench.ts, parsed once. Prints the minimum and median of each stage over several runs, the
 * costliest rules, and the sum as a ratio to the `yaml` package's parseAllDocuments of the same text.
 * Then the first analysis as the server does it: in a fresh process, after 20 analyses of a 200-line manifest (as
 * bench:lsp's warm-up edits), each stage once on the large file; `--processes` such processes, minimum and median.
 * Last, the open (parse and analysis) of Helm chart templates against that of a generated plain manifest of the same
 * size, warm, as a ratio.
 * Run with `npm run bench:analysis`. Options: `--sizes 10000,50000`, `--runs 15`, `--top 10` (rules listed),
 * `--processes 5` (0: skip the first-analysis part), `--templates a.yaml,b.yaml` (`none`: skip the template part).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/analysis/analyze';
import type { Finding } from '../server/src/findings/finding';
import { runRules } from '../server/src/analysis/runRules';
import { withoutBreakingFixes } from '../server/src/analysis/store';
import { applySuppressions } from '../server/src/analysis/suppression';
import { syntaxFindings } from '../server/src/analysis/syntaxFindings';
import { toDiagnostic } from '../server/src/lsp/features/diagnostics';
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
const PROCESSES = Number(option('processes', '5'));
const CHARTS = join(__dirname, '..', 'test', 'fixtures', 'helm');
const TEMPLATES = option('templates', [
  'bitnami__charts/redis/templates/sentinel/statefulset.yaml',
  'bitnami__charts/nginx/templates/deployment.yaml',
  'prometheus-community__helm-charts/kube-state-metrics/templates/deployment.yaml',
].map((path) => join(CHARTS, path)).join(','));
/** Set in the child processes of the first-analysis part: the size they time. */
const FIRST_ANALYSIS_OF = Number(option('first-analysis-of', '0'));

// A full collection before each sample, so that a stage is not charged for the garbage of the one timed before it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timing {
  min: number;
  median: number;
}

interface Stage {
  label: string;
  /** Prepares one run (outside the timing) and gives the work to time. */
  prepare: () => () => unknown;
}

const timed = (label: string, work: () => unknown): Stage => ({ label, prepare: () => work });

/**
 * Times every stage RUNS times, after two unmeasured runs each (the JIT's warm-up), round-robin: one run of each
 * stage per round, so that a burst of load on a shared machine falls on all stages alike. Each run follows a full
 * garbage collection, so no stage is charged for the garbage of another. Minimum and median in ms, per stage.
 */
function timeStages(stages: Stage[], runs = RUNS): Timing[] {
  for (const stage of stages) for (let i = 0; i < 2; i++) stage.prepare()();
  const samples = stages.map((): number[] => []);
  for (let round = 0; round < runs; round++) {
    stages.forEach((stage, at) => {
      const work = stage.prepare();
      collectGarbage();
      const start = performance.now();
      work();
      samples[at].push(performance.now() - start);
    });
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return { min: list[0], median: list[Math.floor(list.length / 2)] };
  });
}

const format = (ms: number): string => ms.toFixed(2).padStart(8);
const row = (label: string, timing: Timing): string => `  ${label.padEnd(28)}${format(timing.min)}${format(timing.median)}`;
const failOnError = (what: string, error: unknown): never => {
  throw new Error(`${what} failed: ${String(error)}`);
};

function benchSize(lines: number): void {
  const text = manifest(lines);
  const uri = `file:///bench/bench-${lines}.yaml`;
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const file = parseManifest(text);
  const index = new WorkspaceIndex();
  index.setOpenFile(uri, summarizeFile(uri, file));
  index.complete = true;
  const workspace: WorkspaceView = { uri, index };
  const settings = DEFAULT_SETTINGS;
  const onRuleFailure = (rule: { meta: { id: string } }, error: unknown) => failOnError(`Rule ${rule.meta.id}`, error);
  const options = { settings, onRuleFailure, onCheckFailure: failOnError, workspace };

  const unsuppressed: Finding[] = [...syntaxFindings(file), ...validateSchema(file, settings, workspace), ...runRules(file, settings, onRuleFailure, RULES, workspace)];
  const findings = withoutBreakingFixes(file, analyze(file, options), failOnError);

  const stages: Stage[] = [
    timed('yaml parseAllDocuments', () => parseAllDocuments(text)),
    timed('summarizeFile', () => summarizeFile(uri, file)),
    // A new version's summaries each time, as documentChanged gives: the index fingerprints them against the last.
    { label: 'WorkspaceIndex.setOpenFile', prepare: () => { const summaries = summarizeFile(uri, file); return () => index.setOpenFile(uri, summaries); } },
    timed('syntaxFindings', () => syntaxFindings(file)),
    timed('validateSchema', () => validateSchema(file, settings, workspace)),
    timed('runRules (all)', () => runRules(file, settings, onRuleFailure, RULES, workspace)),
    timed('applySuppressions', () => applySuppressions(file, [...unsuppressed])),
    // It wraps the findings' fixes in place: each run gets the findings of its own analysis.
    { label: 'withoutBreakingFixes', prepare: () => { const analysed = analyze(file, options); return () => withoutBreakingFixes(file, analysed, failOnError); } },
    timed('toDiagnostic', () => findings.map((finding) => toDiagnostic(document, finding))),
    timed('analyze (whole)', () => analyze(file, options)),
  ];
  const timings = timeStages(stages);
  const median = (label: string): number => timings[stages.findIndex((stage) => stage.label === label)].median;
  const rules = timeStages(RULES.map((rule) => timed(rule.meta.id, () => runRules(file, settings, onRuleFailure, [rule], workspace))))
    .map((timing, at) => ({ id: RULES[at].meta.id, timing }))
    .sort((a, b) => b.timing.median - a.timing.median);

  const afterParse = ['summarizeFile', 'WorkspaceIndex.setOpenFile', 'analyze (whole)', 'withoutBreakingFixes', 'toDiagnostic'].reduce((sum, label) => sum + median(label), 0);
  console.log(`\n${lines} lines (${text.split('\n').length} lines, ${file.resources.length} resources, ${findings.length} findings); ms, warm, ${RUNS} runs`);
  console.log(`  ${'stage'.padEnd(28)}${'min'.padStart(8)}${'median'.padStart(8)}`);
  stages.forEach((stage, at) => console.log(row(stage.label, timings[at])));
  console.log(`  after the parse (medians: summary + index + analyze + fixes + diagnostics): ${afterParse.toFixed(2)} ms = ${(afterParse / median('yaml parseAllDocuments')).toFixed(2)}x the yaml parse`);
  console.log(`  costliest rules (of ${RULES.length}):`);
  for (const { id, timing } of rules.slice(0, TOP)) console.log(row(`  ${id}`, timing));
  const ruleSum = rules.reduce((sum, { timing }) => sum + timing.median, 0);
  console.log(`  sum of the rules' medians: ${ruleSum.toFixed(2)} ms`);
}

/** Summary, index and analysis of the workspace's file `uri`, as WorkspaceService.documentChanged and the store run them. */
function analyseVersion(uri: string, text: string, index: WorkspaceIndex): Record<string, number> {
  const file = parseManifest(text);
  const workspace: WorkspaceView = { uri, index };
  const onRuleFailure = (rule: { meta: { id: string } }, error: unknown) => failOnError(`Rule ${rule.meta.id}`, error);
  const times: Record<string, number> = {};
  let last = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    times[label] = now - last;
    last = now;
  };
  const summaries = summarizeFile(uri, file);
  lap('summarizeFile');
  index.setOpenFile(uri, summaries);
  lap('WorkspaceIndex.setOpenFile');
  const schema = validateSchema(file, DEFAULT_SETTINGS, workspace);
  lap('validateSchema');
  const rules = runRules(file, DEFAULT_SETTINGS, onRuleFailure, RULES, workspace);
  lap('runRules (all)');
  const findings = withoutBreakingFixes(file, applySuppressions(file, [...syntaxFindings(file), ...schema, ...rules]), failOnError);
  lap('suppressions and fixes');
  const document = TextDocument.create(uri, 'yaml', 1, text);
  findings.map((finding) => toDiagnostic(document, finding));
  lap('toDiagnostic');
  return times;
}

/** In a child process: warm up on a small manifest, then print the stage times of the first large one as JSON. */
function firstAnalysis(lines: number): void {
  const uri = `file:///bench/bench-${lines}.yaml`;
  const index = new WorkspaceIndex();
  index.complete = true;
  const small = manifest(200);
  for (let edit = 0; edit < 20; edit++) analyseVersion(uri, small.replace('replicas: ', `replicas: ${edit % 3}`), index);
  console.log(JSON.stringify(analyseVersion(uri, manifest(lines), index)));
}

function benchFirstAnalysis(lines: number): void {
  const runs = Array.from({ length: PROCESSES }, () => JSON.parse(execFileSync(process.execPath,
    [...process.execArgv, process.argv[1], '--first-analysis-of', String(lines)], { encoding: 'utf8' })) as Record<string, number>);
  console.log(`\n${lines} lines, first analysis after warming up on a small file (fresh process each); ms, ${PROCESSES} processes`);
  console.log(`  ${'stage'.padEnd(28)}${'min'.padStart(8)}${'median'.padStart(8)}`);
  const labels = [...Object.keys(runs[0]), 'total'];
  for (const label of labels) {
    const samples = runs.map((run) => (label === 'total' ? Object.values(run).reduce((sum, ms) => sum + ms, 0) : run[label])).sort((a, b) => a - b);
    console.log(row(label, { min: samples[0], median: samples[Math.floor(samples.length / 2)] }));
  }
}

/** A generated plain manifest at least `length` characters long (in steps of 10 lines). */
function plainOfSize(length: number): string {
  let lines = 10;
  while (manifest(lines).length < length) lines += 10;
  return manifest(lines);
}

/** The open of each chart template (parse with its actions masked, then the analysis) against a plain file of its size. */
function benchTemplates(paths: string[]): void {
  console.log(`
Helm chart templates: parse + analyze, against a generated plain manifest of the same size; ms, warm, median of ${RUNS} runs`);
  const onRuleFailure = (rule: { meta: { id: string } }, error: unknown) => failOnError(`Rule ${rule.meta.id}`, error);
  const open = (text: string) => () => analyze(parseManifest(text), { settings: DEFAULT_SETTINGS, onRuleFailure, onCheckFailure: failOnError });
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const plain = plainOfSize(text.length);
    const [template, generated] = timeStages([timed('template', open(text)), timed('plain', open(plain))]);
    const name = relative(CHARTS, path);
    console.log(`  ${name.padEnd(58)} ${String(text.length).padStart(6)} chars ${format(template.median)}   plain ${String(plain.length).padStart(6)} chars ${format(generated.median)}   ratio ${(template.median / generated.median).toFixed(2)}`);
  }
}

if (FIRST_ANALYSIS_OF > 0) {
  firstAnalysis(FIRST_ANALYSIS_OF);
} else {
  for (const lines of SIZES) benchSize(lines);
  if (PROCESSES > 0) for (const lines of SIZES) benchFirstAnalysis(lines);
  if (TEMPLATES !== 'none') benchTemplates(TEMPLATES.split(','));
}
