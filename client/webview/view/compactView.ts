// The compact view: what a terminal would show at the playhead instead of the
// timeline: the `kubectl get pods -w` stream so far, and `kubectl describe pod`.
import { h, setText } from '../dom';
import type { EventRow } from '../eventRows';
import { describePod } from '../kubectlDescribe';
import { watchLines, type WatchLine } from '../kubectlWatch';
import type { SimulationFrame } from '../simulationResult';
import { EPSILON, frameAt } from '../timeline';

export class CompactView {
  readonly element: HTMLElement;
  private readonly lines: { line: WatchLine; element: HTMLElement }[];
  private readonly describeHeading: HTMLElement;
  private readonly describe: HTMLElement;
  private readonly watch: HTMLElement;

  constructor(
    private readonly frames: readonly SimulationFrame[],
    private readonly eventRows: readonly EventRow[],
    podNames: readonly string[],
    private readonly podName: string | undefined,
    selectPod: (name: string) => void,
  ) {
    this.lines = watchLines(frames).map((line) => ({ line, element: h('span', { className: 'watch-line' }, line.text, '\n') }));
    this.watch = h('pre', { id: 'watch', className: 'terminal', attrs: { tabindex: 0, 'aria-labelledby': 'watch-heading' } }, ...this.lines.map((l) => l.element));
    this.describeHeading = h('h3', { id: 'describe-heading', className: 'terminal-heading' });
    this.describe = h('pre', { id: 'describe', className: 'terminal', attrs: { tabindex: 0, 'aria-labelledby': 'describe-heading' } });
    const picker = h('select', { id: 'describe-pod' }, ...podNames.map((name) => h('option', { attrs: { value: name, selected: name === podName } }, name)));
    if (podName !== undefined) picker.value = podName;
    picker.addEventListener('change', () => selectPod(picker.value));
    this.element = h(
      'section',
      { className: 'compact', attrs: { 'aria-labelledby': 'compact-heading' } },
      h('h2', { id: 'compact-heading' }, 'What kubectl prints'),
      h('h3', { id: 'watch-heading', className: 'terminal-heading' }, '$ kubectl get pods -w'),
      this.watch,
      h('div', { className: 'describe-heading' }, this.describeHeading, podNames.length > 1 ? h('span', { className: 'describe-pod' }, h('label', { attrs: { for: 'describe-pod' } }, 'Pod'), ' ', picker) : null),
      this.describe,
    );
  }

  update(time: number): void {
    let latest: HTMLElement | undefined;
    for (const { line, element } of this.lines) {
      const shown = line.at <= time + EPSILON;
      if (element.hidden === shown) element.hidden = !shown;
      if (shown) latest = element;
    }
    for (const { element } of this.lines) element.classList.toggle('current', element === latest && this.lines[0].element !== latest);
    const pod = frameAt(this.frames, time)?.pods.find((p) => p.name === this.podName);
    setText(this.describeHeading, `$ kubectl describe pod ${this.podName ?? ''}`.trimEnd());
    setText(this.describe, pod ? describePod(pod, this.eventRows, time) : `Error from server (NotFound): pods "${this.podName ?? ''}" not found`);
  }
}
