/**
 * What must hold for any text the editor can hold, checked by the fuzz tests and by scripts/fuzz-campaign.
 * Each check throws an Error that says what broke; the input that broke it is reported by fast-check.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { codeActions } from '../../../server/src/features/codeActions';
import { hover } from '../../../server/src/features/hover';
import { isSimulatable } from '../../../server/src/features/resources';
import { hasSyntaxErrors, parseManifest } from '../../../server/src/parse/parseManifest';
import type { ManifestFile } from '../../../server/src/parse/model';
import type { SimulateParams } from '../../../server/src/features/simulate';
import { analyzeText, assertSpansInside } from '../hostile/support';

export interface Probe {
  /** Where to hover, as fractions of the text length. */
  hoverAt: number[];
  scenario: Record<string, unknown>;
}

export const probe: fc.Arbitrary<Probe> = fc.record({
  hoverAt: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
  scenario: fc.record({
    horizon: fc.oneof(fc.integer({ min: 1, max: 1800 }), fc.constant(undefined)),
    pullSeconds: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constant(undefined)),
    deleteAt: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant(undefined)),
    nodeLostAt: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant(undefined)),
    rolloutAt: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant(undefined)),
    containers: fc.dictionary(fc.constantFrom('web', 'app', 'main', 'init', 'sidecar', 'nginx'), fc.record({
      runSeconds: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(undefined)),
      exitCode: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constant(undefined)),
      pullFails: fc.oneof(fc.boolean(), fc.constant(undefined)),
      readyAfterSeconds: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constant(undefined)),
      livenessFailsAfterSeconds: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constant(undefined)),
    }, { requiredKeys: [] }), { maxKeys: 2 }),
  }, { requiredKeys: [] }),
});

type SimulateResource = (file: ManifestFile, params: SimulateParams) => { frames: Array<{ at: number; pods: Array<{ name: string; phase: string }> }>; events: Array<{ at: number }> };

let simulator: SimulateResource | null | undefined;

/** The simulator, once its module is in the tree (it is built in parallel with these tests); null while it is not. */
export async function loadSimulator(): Promise<SimulateResource | null> {
  if (simulator !== undefined) return simulator;
  try {
    simulator = (await import('../../../server/src/features/simulate')).simulateResource as unknown as SimulateResource;
  } catch (error) {
    if (!/Cannot find module|ERR_MODULE_NOT_FOUND/.test(String(error))) throw error;
    simulator = null;
  }
  return simulator;
}

function rangeInside(document: TextDocument, range: Range, what: string): void {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  assert.ok(start <= end, `${what}: range ends before it starts`);
  assert.deepEqual(document.positionAt(start), range.start, `${what}: start ${JSON.stringify(range.start)} is not a position of the document`);
  assert.deepEqual(document.positionAt(end), range.end, `${what}: end ${JSON.stringify(range.end)} is not a position of the document`);
}

/** Parse, every rule and the schema, hover, quick fixes, the simulator: nothing throws, every range is inside the text. */
export function checkEverything(text: string, { hoverAt, scenario }: Probe): void {
  const analysed = analyzeText(text);
  const { file, document, findings, diagnostics } = analysed;
  assert.deepEqual(analysed.ruleFailures, [], 'a rule threw');
  assertSpansInside(findings, text);
  for (const problem of file.syntaxProblems) assert.ok(problem.span[0] >= 0 && problem.span[0] <= problem.span[1] && problem.span[1] <= text.length, `${problem.code} outside`);
  for (const diagnostic of diagnostics) rangeInside(document, diagnostic.range, `diagnostic ${String(diagnostic.code)}`);

  for (const fraction of hoverAt) {
    const position = document.positionAt(Math.floor(fraction * text.length));
    const answer = hover(document, file, position, (provider, error) => assert.fail(`hover provider ${provider.id} threw: ${String(error)}`));
    if (answer?.range) rangeInside(document, answer.range, 'hover');
  }

  checkQuickFixes(text, document, findings.length ? diagnostics : [], analysed.findings);
  checkSimulation(file, scenario);
}

/** Every quick fix applies cleanly (edits inside, not overlapping) and, on a file without YAML errors, leaves one. */
function checkQuickFixes(text: string, document: TextDocument, diagnostics: Diagnostic[], findings: Parameters<typeof codeActions>[1]): void {
  const wholeFile = { start: document.positionAt(0), end: document.positionAt(text.length) };
  const actions = codeActions(document, findings, { textDocument: { uri: document.uri }, range: wholeFile, context: { diagnostics } });
  const cleanBefore = !parseManifest(text).documents.some(hasSyntaxErrors);
  for (const action of actions) {
    const edits = action.edit?.changes?.[document.uri] ?? [];
    edits.forEach((edit) => rangeInside(document, edit.range, `fix "${action.title}"`));
    const sorted = edits.map((edit) => [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i][0] >= sorted[i - 1][1], `fix "${action.title}" has overlapping edits`);
    const fixed = TextDocument.applyEdits(document, edits);
    if (cleanBefore) {
      const broken = parseManifest(fixed).documents.filter(hasSyntaxErrors).flatMap((d) => d.doc.errors.map((e) => e.message.split('\n')[0]));
      assert.deepEqual(broken, [], `fix "${action.title}" turned valid YAML into:\n${fixed}`);
    }
  }
}

const TERMINAL = new Set(['Succeeded', 'Failed']);

/** The simulator ends within its horizon, in time order, and a pod that reached Succeeded/Failed stays there. */
function checkSimulation(file: ManifestFile, scenario: Record<string, unknown>): void {
  if (!simulator) return;
  const horizon = typeof scenario.horizon === 'number' ? scenario.horizon : 1800;
  file.resources.forEach((resource, resourceIndex) => {
    if (!isSimulatable(resource) || resource.document.doc.errors.length > 0) return;
    const result = simulator!(file, { uri: 'file:///fuzz.yaml', resourceIndex, scenario });
    let previousAt = -Infinity;
    const ended = new Map<string, string>();
    for (const frame of result.frames) {
      assert.ok(Number.isFinite(frame.at) && frame.at >= 0 && frame.at <= horizon, `frame at ${frame.at} outside [0, ${horizon}]`);
      assert.ok(frame.at >= previousAt, 'frames out of time order');
      previousAt = frame.at;
      for (const pod of frame.pods) {
        const terminal = ended.get(pod.name);
        if (terminal) assert.equal(pod.phase, terminal, `pod ${pod.name} left ${terminal} for ${pod.phase} at ${frame.at}`);
        if (TERMINAL.has(pod.phase)) ended.set(pod.name, pod.phase);
      }
    }
    for (const event of result.events) assert.ok(event.at >= 0 && event.at <= horizon, `event at ${event.at} outside [0, ${horizon}]`);
  });
}
