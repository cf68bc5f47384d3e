/**
 * What must hold for any text the editor can hold, checked by the fuzz tests and by bench/fuzz-campaign.ts.
 * Each check calls the server's own feature functions the way lsp/server.ts wires them, and throws an Error that
 * says what broke; fast-check reports the input that broke it.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ResponseError, type CodeAction, type CompletionItem, type Diagnostic, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../server/src/lsp/features/codeActions';
import { completion } from '../../../server/src/lsp/features/completion';
import { FIX_ALL_KIND } from '../../../server/src/lsp/features/fixAll';
import { hover } from '../../../server/src/lsp/features/hover';
import { standaloneContext } from '../../../server/src/lsp/context';
import { NEEDS_RENDERING, NO_SIMULATABLE_RESOURCE, simulateResource, type SimulateParams } from '../../../server/src/lsp/features/simulate';
import type { ManifestFile } from '../../../server/src/parse/model';
import { hasSyntaxErrors, parseManifest } from '../../../server/src/parse/parseManifest';
import type { Scenario } from '../../../server/src/simulation/types';
import { analyzeText, assertSpansInside, type Analysed } from '../hostile/support';

export interface Probe {
  /** Where to hover and complete, as fractions of the text length. */
  at: number[];
  scenario: Scenario;
}

const seconds = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });

const containerScenario = fc.record({
  runSeconds: seconds(300),
  exitCode: fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
  pullFails: fc.option(fc.boolean(), { nil: undefined }),
  readyAfterSeconds: seconds(120),
  livenessFailsAfterSeconds: seconds(120),
  sigtermExitSeconds: seconds(60),
}, { requiredKeys: [] });

const CONTAINER_NAMES = ['web', 'app', 'main', 'init', 'sidecar', 'nginx', 'busybox', 'master', 'redis'];

/** Scenarios as the preview panel sends them, for whichever containers the fuzzed manifest happens to name. */
export const scenario: fc.Arbitrary<Scenario> = fc.record({
  horizon: fc.option(fc.integer({ min: 1, max: 1800 }), { nil: undefined }),
  pullSeconds: seconds(120),
  cachedImages: fc.option(fc.array(fc.constantFrom('nginx', 'nginx:1.27', 'busybox:1.36', 'redis'), { maxLength: 2 }), { nil: undefined }),
  deleteAt: seconds(600),
  deleteGracePeriodSeconds: seconds(60),
  nodeLostAt: seconds(600),
  rolloutAt: seconds(600),
  rolloutImage: fc.option(fc.constantFrom('nginx:1.28', 'does-not-exist'), { nil: undefined }),
  containers: fc.dictionary(fc.constantFrom(...CONTAINER_NAMES), containerScenario, { maxKeys: 2 }),
  rolloutContainers: fc.option(fc.dictionary(fc.constantFrom(...CONTAINER_NAMES), containerScenario, { maxKeys: 1 }), { nil: undefined }),
  unboundClaims: fc.option(fc.array(fc.constantFrom('data', 'claim', 'www'), { maxLength: 1 }), { nil: undefined }),
}, { requiredKeys: [] });

export const probe: fc.Arbitrary<Probe> = fc.record({
  at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
  scenario,
});

/** What one run of the properties covered, summed by the campaign. */
export interface Coverage {
  hovers: number;
  completions: number;
  quickFixesApplied: number;
  simulations: number;
}

export const coverage: Coverage = { hovers: 0, completions: 0, quickFixesApplied: 0, simulations: 0 };

/** Parse, the whole analysis (every rule, the schema), hover, completion, code actions, the simulator. */
export function checkEverything(text: string, { at, scenario }: Probe): void {
  const analysed = analyzeText(text);
  checkFindings(analysed);
  const { document, file } = analysed;
  const offsets = at.map((fraction) => Math.floor(fraction * text.length));
  for (const offset of offsets) {
    checkHover(document, file, offset);
    checkCompletion(document, file, offset);
  }
  checkCodeActions(analysed);
  checkSimulation(file, scenario);
}

function checkFindings({ file, findings, diagnostics, document, ruleFailures }: Analysed): void {
  assert.deepEqual(ruleFailures, [], 'a rule or check threw');
  assertSpansInside(findings, file.text);
  for (const problem of file.syntaxProblems) {
    assert.ok(problem.span[0] >= 0 && problem.span[0] <= problem.span[1] && problem.span[1] <= file.text.length, `${problem.code} span outside the text`);
  }
  for (const diagnostic of diagnostics) rangeInside(document, diagnostic.range, `diagnostic ${String(diagnostic.code)}`);
}

function checkHover(document: TextDocument, file: ManifestFile, offset: number): void {
  const answer = hover(standaloneContext(document, file, { log: (what, error) => assert.fail(`${what} threw: ${String(error)}`) }), document.positionAt(offset));
  coverage.hovers++;
  if (answer?.range) rangeInside(document, answer.range, 'hover');
}

function checkCompletion(document: TextDocument, file: ManifestFile, offset: number): void {
  const items: CompletionItem[] = completion(standaloneContext(document, file), document.positionAt(offset));
  coverage.completions++;
  for (const item of items) {
    const edit = item.textEdit;
    if (edit && 'range' in edit) rangeInside(document, edit.range, `completion "${item.label}"`);
    if (edit && 'insert' in edit) {
      rangeInside(document, edit.insert, `completion "${item.label}" insert`);
      rangeInside(document, edit.replace, `completion "${item.label}" replace`);
    }
    item.additionalTextEdits?.forEach((extra) => rangeInside(document, extra.range, `completion "${item.label}" additional edit`));
  }
}

/**
 * Asks for code actions the way VS Code does (per diagnostic, at its range; and source.fixAll over the file) and
 * applies every one: its edits lie inside and do not overlap, and no YAML document that parsed cleanly before stops
 * parsing after it.
 */
function checkCodeActions({ document, findings, diagnostics, file }: Analysed): void {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    actions.push(...codeActions(standaloneContext(document, file, { findings: () => findings }), { textDocument: { uri: document.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
  }
  const wholeFile: Range = { start: document.positionAt(0), end: document.positionAt(file.text.length) };
  actions.push(...codeActions(standaloneContext(document, file, { findings: () => findings }), { textDocument: { uri: document.uri }, range: wholeFile, context: { diagnostics: diagnostics as Diagnostic[], only: [FIX_ALL_KIND] } }));
  if (actions.length === 0) return;
  const cleanBefore = file.documents.map((yamlDocument) => !hasSyntaxErrors(yamlDocument));
  for (const action of actions) {
    const edits = action.edit?.changes?.[document.uri] ?? [];
    assert.ok(edits.length > 0, `code action "${action.title}" edits nothing`);
    edits.forEach((edit) => rangeInside(document, edit.range, `fix "${action.title}"`));
    const spans = edits.map((edit) => [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], `fix "${action.title}" has overlapping edits`);
    const fixed = parseManifest(TextDocument.applyEdits(document, edits));
    coverage.quickFixesApplied++;
    assert.equal(fixed.documents.length, file.documents.length, `fix "${action.title}" changed the number of YAML documents:\n${fixed.text}`);
    fixed.documents.forEach((yamlDocument, i) => {
      if (!cleanBefore[i] || !hasSyntaxErrors(yamlDocument)) return;
      const errors = yamlDocument.doc.errors.map((error) => error.message.split('\n')[0]);
      assert.fail(`fix "${action.title}" broke YAML document ${i}: ${errors.join('; ')}\n${fixed.text}`);
    });
  }
}

const TERMINAL = new Set(['Succeeded', 'Failed']);

/**
 * podlab/simulate on every resource of the file, as the panel may ask: a resource that cannot be simulated gets the
 * protocol's error, any other ends within its horizon with frames in time order, and a pod that reached Succeeded or
 * Failed stays there.
 */
function checkSimulation(file: ManifestFile, scenario: Scenario): void {
  const requested = scenario.horizon ?? 1800;
  file.resources.forEach((_, resourceIndex) => {
    const params: SimulateParams = { uri: 'file:///fuzz.yaml', resourceIndex, scenario };
    let result;
    try {
      result = simulateResource(file, params);
    } catch (error) {
      if (error instanceof ResponseError && (error.code === NO_SIMULATABLE_RESOURCE || error.code === NEEDS_RENDERING)) return;
      throw error;
    }
    coverage.simulations++;
    assert.ok(Number.isFinite(result.horizon) && result.horizon <= requested, `simulated to ${result.horizon}, beyond the horizon ${requested}`);
    let previousAt = 0;
    const ended = new Map<string, string>();
    for (const frame of result.frames) {
      assert.ok(Number.isFinite(frame.at) && frame.at >= previousAt && frame.at <= result.horizon, `frame at ${frame.at} out of order or beyond ${result.horizon}`);
      previousAt = frame.at;
      for (const pod of frame.pods) {
        // By uid: a later pod of the same name (a StatefulSet's replacement) is a new pod.
        const terminal = ended.get(pod.uid);
        if (terminal) assert.equal(pod.phase, terminal, `pod ${pod.name} left ${terminal} for ${pod.phase} at ${frame.at}`);
        if (TERMINAL.has(pod.phase)) ended.set(pod.uid, pod.phase);
      }
    }
    for (const event of result.events) assert.ok(event.at >= 0 && event.at <= result.horizon, `event at ${event.at} beyond ${result.horizon}`);
  });
}

/** The range's ends are real positions of the document (not past a line's end or the last line), start before end. */
function rangeInside(document: TextDocument, range: Range, what: string): void {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  assert.ok(start <= end, `${what}: range ends before it starts`);
  assert.deepEqual(document.positionAt(start), range.start, `${what}: start ${JSON.stringify(range.start)} is not a position of the document`);
  assert.deepEqual(document.positionAt(end), range.end, `${what}: end ${JSON.stringify(range.end)} is not a position of the document`);
}
