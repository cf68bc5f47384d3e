// The resources of a document (answer of `podlab/resources`) and the choice of
// the one the panel shows.

import type { DocumentResource } from '../../../server/src/protocol';

export type { DocumentResource };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function readDocumentResources(value: unknown): DocumentResource[] {
  if (!Array.isArray(value)) return [];
  const out: DocumentResource[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const index = wholeNumber(item.index);
    const startLine = wholeNumber(item.startLine);
    const endLine = wholeNumber(item.endLine);
    if (index === undefined || startLine === undefined || endLine === undefined) continue;
    out.push({
      index,
      kind: typeof item.kind === 'string' ? item.kind.slice(0, 200) : '',
      name: typeof item.name === 'string' ? item.name.slice(0, 300) : '',
      startLine,
      endLine: Math.max(startLine, endLine),
      simulatable: item.simulatable === true,
    });
  }
  return out;
}

/**
 * The resource to show, in this order: the one asked for (a CodeLens, the panel's
 * picker, a restored panel); the simulatable one under the cursor; the one shown
 * before (the cursor is in a Service, say); the first simulatable one.
 * Each only if the document still has it and it makes pods. Undefined when none does.
 */
export function chooseResource(
  resources: readonly DocumentResource[],
  choice: { requested?: number; cursorLine?: number; shown?: number },
): number | undefined {
  const simulatable = resources.filter((r) => r.simulatable);
  const has = (index: number | undefined): index is number => index !== undefined && simulatable.some((r) => r.index === index);
  if (has(choice.requested)) return choice.requested;
  const line = choice.cursorLine;
  if (line !== undefined) {
    const underCursor = simulatable.find((r) => r.startLine <= line && line <= r.endLine);
    if (underCursor) return underCursor.index;
  }
  if (has(choice.shown)) return choice.shown;
  return simulatable[0]?.index;
}
