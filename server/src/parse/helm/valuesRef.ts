import type { Span } from '../../yaml/span';
import { firstActionEndingAfter, type TemplateAction } from './actions';
import type { TemplateFacts } from './templateFacts';

/** A `.Values.a.b` (or `$.Values.a.b`) path written in a template action. */
export interface ValuesRef {
  /** The keys after `.Values`: `['a', 'b']`. */
  path: string[];
  /** From the `.` of `.Values` to the end of the last key. */
  span: Span;
}

const VALUES_PATH = /\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;

/** The action whose delimiters hold `offset` (its `{{` and `}}` included). */
export function actionAt(facts: TemplateFacts, offset: number): TemplateAction | undefined {
  const action = facts.actions[firstActionEndingAfter(facts.actions, offset)];
  return action && action.span[0] <= offset ? action : undefined;
}

/** The `.Values` path under `offset`, cut at the key the offset is on (`.Values.image.tag` on `image` is `['image']`). */
export function valuesRefAt(facts: TemplateFacts, offset: number): ValuesRef | undefined {
  const action = actionAt(facts, offset);
  if (!action || action.kind === 'comment') return undefined;
  for (const match of action.body.matchAll(VALUES_PATH)) {
    const start = action.bodyStart + match.index;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    const keys = match[1].split('.').slice(1);
    let at = start + match[0].length - match[1].length;
    const path: string[] = [];
    for (const key of keys) {
      at += 1;
      path.push(key);
      if (offset <= at + key.length) return { path, span: [start, at + key.length] };
      at += key.length;
    }
    return { path, span: [start, end] };
  }
  return undefined;
}

/** What is typed before `offset` after `.Values.`: the path of the map to complete in, and the key begun. */
export interface ValuesPrefix {
  parent: string[];
  typed: string;
  /** Where the begun key starts (the completion replaces from there to `offset`). */
  typedStart: number;
}

export function valuesPrefixAt(facts: TemplateFacts, text: string, offset: number): ValuesPrefix | undefined {
  const action = actionAt(facts, offset);
  if (!action || action.kind === 'comment' || offset < action.bodyStart) return undefined;
  const before = text.slice(action.bodyStart, offset);
  const match = /\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.([A-Za-z0-9_]*)$/.exec(before);
  if (!match) return undefined;
  const parent = match[1].split('.').slice(1);
  return { parent, typed: match[2], typedStart: offset - match[2].length };
}
