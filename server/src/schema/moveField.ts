import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { columnOf, eolOf, lineEndOf, lineStartOf, removePair } from '../yaml/edits';
import type { Fix } from '../findings/finding';
import { pairOf } from '../yaml/nodes';

/**
 * Moves a misplaced key (`ports` written under a Deployment's `spec`) to where it belongs (`path`, as
 * nestedPathOf gives it: `template.spec.containers[].ports`), as text: its lines, comments included, are cut and
 * pasted re-indented. Only when the way there exists, each list on it holds one item (else which item is a
 * guess), and the target does not have the key yet.
 */
export function moveFieldFix(text: string, map: YAMLMap, pair: Pair, path: string): Fix | undefined {
  const steps = path.split('.');
  const name = steps.pop();
  if (!name || !isScalar(pair.key) || !pair.key.range) return undefined;
  let target: Node | null | undefined = map;
  for (const step of steps) {
    const list = step.endsWith('[]');
    if (!isMap(target)) return undefined;
    target = pairOf(target, list ? step.slice(0, -2) : step)?.value;
    if (list) {
      if (!isSeq(target) || target.items.length !== 1) return undefined;
      target = target.items[0] as Node | null;
    }
  }
  if (!isMap(target) || target.flow || target.items.length === 0 || target.has(name)) return undefined;
  const block = blockOf(text, pair);
  const removal = removePair(text, map, String(pair.key.value));
  if (!block || !removal) return undefined;
  const last = target.items[target.items.length - 1];
  const firstKey = target.items[0].key as Node;
  if (!firstKey.range) return undefined;
  const column = columnOf(text, firstKey.range[0]);
  const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range?.[1];
  if (lastEnd === undefined) return undefined;
  const at = lineEndOf(text, trimEnd(text, lastEnd));
  const eol = eolOf(text);
  const moved = block.lines.map((line) => (line.trim() === '' ? '' : ' '.repeat(column) + line.slice(block.column))).join(eol);
  return {
    title: `Move "${name}" to ${path}`,
    edits: [removal, { span: [at, at], newText: eol + moved }],
    preferred: true,
  };
}

/** The pair's own lines, when it starts its line and every line of it is indented at least as far as its key. */
function blockOf(text: string, pair: Pair): { lines: string[]; column: number } | undefined {
  const keyStart = (pair.key as Node).range![0];
  const lineStart = lineStartOf(text, keyStart);
  if (text.slice(lineStart, keyStart).trim() !== '') return undefined;
  const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
  const lines = text.slice(lineStart, lineEndOf(text, trimEnd(text, end))).split(/\r?\n/);
  const column = keyStart - lineStart;
  if (lines.some((line) => line.trim() !== '' && !line.startsWith(' '.repeat(column)))) return undefined;
  return { lines, column };
}

/** A block value's range runs to the start of the next key's line; step back over the trailing line breaks. */
function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}
