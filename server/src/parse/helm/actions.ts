import type { Span } from '../../yaml/span';

/**
 * What a template action does to the rendered text:
 * - `comment`: `{{/* ... *\/}}`, renders nothing;
 * - `control`: if/else/end/range/with/define/block/break/continue and variable declarations, render nothing themselves;
 * - `output`: everything else (`.Values.x`, `include`, `toYaml`, `template`, `tpl`): renders text of unknown shape.
 */
export type ActionKind = 'comment' | 'control' | 'output';

export interface TemplateAction {
  /** From the first `{` of `{{` to just after `}}` (or the end of the text when it is never closed). */
  span: Span;
  kind: ActionKind;
  /** The first word of a control action (`if`, `else`, `end`, `range`, `with`, `define`, ...); `:=` for a declaration. */
  keyword?: string;
  /** The pipeline between the delimiters and their trim markers, e.g. `.Values.image.tag | default "x"`. */
  body: string;
  /** Where `body` starts in the text. */
  bodyStart: number;
}

const CONTROL_WORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', 'continue']);
const DECLARATION = /^\$[A-Za-z0-9_]*\s*:?=/;

/** Every `{{ ... }}` action of `text`, in order. Strings, raw strings and comments inside an action may hold `}}`. */
export function findActions(text: string): TemplateAction[] {
  const actions: TemplateAction[] = [];
  let from = text.indexOf('{{');
  while (from >= 0) {
    const end = actionEnd(text, from + 2);
    actions.push(describe(text, from, end));
    from = text.indexOf('{{', end);
  }
  return actions;
}

/** The offset just after the `}}` that closes the action whose body starts at `at`. */
function actionEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '}' && text[i + 1] === '}') return i + 2;
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return text.length;
      i = close + 2;
    } else if (c === '"' || c === '`' || c === "'") {
      i = stringEnd(text, i, c);
    } else {
      i++;
    }
  }
  return text.length;
}

/** Just after the string that opens at `at` with `quote`; an unclosed `"` or `'` stops at the line's end. */
function stringEnd(text: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) return i + 1;
    if (c === '\\' && quote !== '`') i += 2;
    else if (c === '\n' && quote !== '`') return i;
    else i++;
  }
  return text.length;
}

function describe(text: string, start: number, end: number): TemplateAction {
  let bodyStart = start + 2;
  if (text[bodyStart] === '-' && /\s/.test(text[bodyStart + 1] ?? '')) bodyStart++;
  let bodyEnd = text.endsWith('}}', end) && end - 2 >= bodyStart ? end - 2 : end;
  if (text[bodyEnd - 1] === '-' && /\s/.test(text[bodyEnd - 2] ?? '')) bodyEnd--;
  const raw = text.slice(bodyStart, Math.max(bodyStart, bodyEnd));
  const body = raw.trim();
  const offset = bodyStart + raw.length - raw.trimStart().length;
  const span: Span = [start, end];
  if (body.startsWith('/*')) return { span, kind: 'comment', body, bodyStart: offset };
  const word = /^[a-z]+/.exec(body)?.[0];
  if (word && CONTROL_WORDS.has(word)) return { span, kind: 'control', keyword: word, body, bodyStart: offset };
  if (DECLARATION.test(body)) return { span, kind: 'control', keyword: ':=', body, bodyStart: offset };
  return { span, kind: 'output', body, bodyStart: offset };
}

/** The index of the first action (in text order) that ends after `offset`; `actions.length` when none does. */
export function firstActionEndingAfter(actions: readonly TemplateAction[], offset: number): number {
  let low = 0;
  let high = actions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (actions[mid].span[1] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
