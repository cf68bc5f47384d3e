// A resource the API server would refuse: nothing runs, so the panel shows the errors
// that stop it instead of a timeline, each a button that shows its place in the editor.
import { h } from '../dom';
import type { Refusal, SourceRange } from '../simulationResult';

export function refusalView(kind: string, name: string, refused: readonly Refusal[], reveal: (range: SourceRange) => void): HTMLElement {
  const items = refused.map((r) => {
    if (!r.range) return h('li', {}, h('span', { className: 'refusal-message' }, r.message));
    const range = r.range;
    const button = h('button', { className: 'refusal-link', attrs: { type: 'button', title: 'Show this place in the editor' } }, `Line ${range.start.line + 1}`);
    button.addEventListener('click', () => reveal(range));
    return h('li', {}, button, ' ', h('span', { className: 'refusal-message' }, r.message));
  });
  return h(
    'section',
    { id: 'refusal', className: 'refusal', attrs: { 'aria-labelledby': 'refusal-heading' } },
    h('h2', { id: 'refusal-heading' }, 'Refused: nothing runs'),
    h('p', {}, `The API server would refuse ${kind} ${name || '(no name)'} with ${refused.length === 1 ? 'this error' : 'these errors'}, so no pod is ever made. Fix ${refused.length === 1 ? 'it' : 'them'} to see the lifecycle.`),
    h('ul', { className: 'refusal-list' }, ...items),
  );
}
