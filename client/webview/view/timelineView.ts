// The time axis with every lane: ReplicaSets and pods (for workloads), then the
// selected pod's status, phase, conditions and containers, and the playhead.
import { h, placeOnAxis } from '../dom';
import { axisTicks, formatClock } from '../format';
import type { SimulatedEvent } from '../simulationResult';
import { EPSILON } from '../timeline';
import type { ViewModel } from '../viewModel';
import { fitLabels } from './fitLabels';
import { type Lane } from './lane';
import { deploymentBlock, jobBlocks, podDetailBlock, podListBlocks, replicaSetBlock, serviceBlocks, type LaneBlock } from './laneGroups';

export { podButtonId } from './laneGroups';

export interface TimelineCallbacks {
  seek(time: number): void;
  selectPod(name: string): void;
  /** The condition rows were shown or hidden. */
  toggleConditions(open: boolean): void;
}

function axisRow(end: number): HTMLElement {
  const track = h('div', { className: 'track axis-track', attrs: { 'aria-hidden': 'true' } });
  for (const tick of axisTicks(end)) {
    const mark = h('span', { className: 'tick' }, h('span', { className: 'tick-label' }, formatClock(tick)));
    placeOnAxis(mark, tick, tick, end);
    track.appendChild(mark);
  }
  return h('div', { className: 'lane axis' }, h('div', { className: 'lane-label' }, h('span', { className: 'lane-title' }, 'Time')), track);
}

function eventMarkers(events: readonly SimulatedEvent[], end: number): HTMLElement {
  const track = h('div', { className: 'track marker-track', attrs: { 'aria-hidden': 'true' } });
  let i = 0;
  while (i < events.length) {
    const at = events[i].at;
    const same: SimulatedEvent[] = [];
    while (i < events.length && events[i].at - at <= EPSILON) same.push(events[i++]);
    const warning = same.some((e) => e.type === 'Warning');
    const title = `${formatClock(at)}: ${same.map((e) => `${e.reason} ${e.object}`).join(', ')}`;
    const marker = h('span', { className: `marker${warning ? ' warning' : ''}`, attrs: { title } });
    placeOnAxis(marker, at, at, end);
    track.appendChild(marker);
  }
  return h('div', { className: 'lane markers' }, h('div', { className: 'lane-label' }, h('span', { className: 'lane-title' }, 'Events')), track);
}

const LEGEND: readonly [string, string][] = [
  ['waiting', 'waiting'],
  ['problem', 'back-off / error'],
  ['running', 'running, not ready'],
  ['ready', 'ready'],
  ['completed', 'completed (exit 0)'],
  ['failed', 'failed (exit ≠ 0)'],
  ['terminating', 'terminating'],
];

function legend(): HTMLElement {
  return h(
    'ul',
    { className: 'legend', attrs: { 'aria-label': 'Colours' } },
    ...LEGEND.map(([tone, text]) => h('li', {}, h('span', { className: `segment swatch tone-${tone}`, attrs: { 'aria-hidden': 'true' } }), text)),
  );
}

export class TimelineView {
  readonly element: HTMLElement;
  private readonly lanes: Lane[] = [];
  private readonly playhead: HTMLElement;

  private readonly body: HTMLElement;
  private readonly resize: ResizeObserver;
  private fitRequest: number | undefined;

  constructor(
    private readonly model: ViewModel,
    selectedPod: string | undefined,
    conditionsOpen: boolean,
    callbacks: TimelineCallbacks,
  ) {
    const { end } = model;
    const body = h('div', { className: 'lanes' }, axisRow(end), eventMarkers(model.result.events, end));
    const selected = model.pods.find((p) => p.name === selectedPod) ?? model.pods[0];

    const blocks: LaneBlock[] = [
      ...jobBlocks(model),
      deploymentBlock(model),
      replicaSetBlock(model),
      ...serviceBlocks(model),
      ...podListBlocks(model, selected, callbacks.selectPod),
      selected
        ? podDetailBlock(selected, end, conditionsOpen, (open) => {
            callbacks.toggleConditions(open);
            this.fit();
          })
        : { lanes: [], elements: [] },
    ];
    for (const block of blocks) {
      this.lanes.push(...block.lanes);
      body.append(...block.elements);
    }

    this.playhead = h('div', { className: 'playhead', attrs: { 'aria-hidden': 'true' } });
    body.appendChild(this.playhead);
    body.addEventListener('click', (event) => {
      const track = (event.target as Element | null)?.closest('.track');
      if (!(track instanceof HTMLElement)) return;
      const box = track.getBoundingClientRect();
      if (box.width <= 0) return;
      callbacks.seek(((event.clientX - box.left) / box.width) * end);
    });

    this.element = h(
      'section',
      { className: 'timeline', attrs: { 'aria-labelledby': 'timeline-heading' } },
      h('h2', { id: 'timeline-heading' }, 'Timeline'),
      body,
      legend(),
    );
    this.body = body;
    this.resize = new ResizeObserver(() => this.fitSoon());
    this.resize.observe(body);
  }

  /** Fits every label to its segment; call once the timeline is in the page. */
  fit(): void {
    fitLabels(this.body);
  }

  private fitSoon(): void {
    if (this.fitRequest !== undefined) return;
    this.fitRequest = requestAnimationFrame(() => {
      this.fitRequest = undefined;
      this.fit();
    });
  }

  dispose(): void {
    this.resize.disconnect();
    if (this.fitRequest !== undefined) cancelAnimationFrame(this.fitRequest);
  }

  update(time: number): void {
    const fraction = this.model.end > 0 ? time / this.model.end : 0;
    this.playhead.style.left = `calc(var(--label-width) + (100% - var(--label-width)) * ${fraction.toFixed(5)})`;
    for (const lane of this.lanes) lane.update(time);
  }
}
