// What the panel shows when there is nothing to simulate.
import { h } from '../dom';

export function emptyState(message: string, detail: string | undefined): HTMLElement {
  return h(
    'section',
    { className: 'empty', attrs: { 'aria-labelledby': 'empty-heading' } },
    h('h1', { id: 'empty-heading' }, 'Lifecycle Preview'),
    h('p', { className: 'empty-message' }, message),
    detail ? h('p', { className: 'empty-detail' }, detail) : null,
    h(
      'ul',
      { className: 'empty-steps' },
      h('li', {}, 'Open a YAML file with a Kubernetes Pod or Deployment (kind: Pod, kind: Deployment).'),
      h('li', {}, 'Put the cursor in the resource: the preview follows it as you move and type.'),
      h('li', {}, 'Or use the “Preview lifecycle” link above a resource, or the command “Podlab: Open Lifecycle Preview”.'),
    ),
  );
}
