// Everything that comes from the webview is checked here before the host uses it:
// a page showing manifest text is not trusted to send well-formed messages.
import type { PanelState, WebviewMessage } from '../../webview/protocol';
import type { SourceRange } from '../../webview/simulationResult';
import { readScenario } from '../../webview/scenario';

const MAX_URI = 8_192;
const MAX_RESOURCE_INDEX = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readResourceIndex(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_RESOURCE_INDEX ? value : undefined;
}

const MAX_LINE = 10_000_000;

function readPosition(value: unknown): { line: number; character: number } | undefined {
  if (!isRecord(value)) return undefined;
  const { line, character } = value;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_LINE;
  return ok(line) && ok(character) ? { line, character } : undefined;
}

function readRange(value: unknown): SourceRange | undefined {
  if (!isRecord(value)) return undefined;
  const start = readPosition(value.start);
  const end = readPosition(value.end);
  return start && end ? { start, end } : undefined;
}

export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'scenario':
      return isRecord(value.scenario) ? { type: 'scenario', scenario: readScenario(value.scenario) } : undefined;
    case 'reveal': {
      const range = readRange(value.range);
      return range ? { type: 'reveal', range } : undefined;
    }
    case 'selectResource': {
      const index = readResourceIndex(value.index);
      return index === undefined ? undefined : { type: 'selectResource', index };
    }
    default:
      return undefined;
  }
}

/** The panel part of a state saved by the page, as handed back after a window reload. */
export function readPanelState(saved: unknown): PanelState | undefined {
  if (!isRecord(saved) || !isRecord(saved.panel)) return undefined;
  const { uri, resourceIndex, scenario } = saved.panel;
  if (typeof uri !== 'string' || uri.length === 0 || uri.length > MAX_URI) return undefined;
  const state: PanelState = { uri, scenario: readScenario(scenario) };
  const index = readResourceIndex(resourceIndex);
  if (index !== undefined) state.resourceIndex = index;
  return state;
}
