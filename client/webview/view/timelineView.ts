// The time axis with every lane: ReplicaSets and pods (for workloads), then the
// selected pod's status, phase, conditions and containers, and the playhead.
import { h, placeOnAxis } from '../dom';
import { axisTicks, formatClock } from '../format';
import type { PodLanes } from '../lanes';
import type { SimulatedEvent } from '../simulationResult';
import { EPSILON } from '../timeline';
import type { ViewModel } from '../viewModel';
import { fitLabels } from './fitLabels';
import { buildLane, type Lane } from './lane';

const POD_ABSENT = { before: 'not created yet', after: 'deleted' };

export function podButtonId(podIndex: number): string {
  return `pod-${podIndex}`;
}

export interface TimelineCallbacks {
  seek(time: number): void;
  selectPod(name: string): void;
  /** The condition rows were shown or hidden. */
  toggleConditions(open: boolean): void;
}

function groupHeading(text: string): HTMLElement {
  return h('h3', { className: 'lane-group-heading' }, text);
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

/** The pod's conditions as one summary lane; a button shows or hides one lane per condition. */
function conditionLanes(pod: PodLanes, end: number, open: boolean, toggle: (open: boolean) => void): { lanes: Lane[]; elements: HTMLElement[] } {
  const group = h('div', { id: 'condition-lanes', className: 'condition-lanes', attrs: { role: 'group', 'aria-label': `Conditions of ${pod.name}` } });
  group.hidden = !open;
  const button = h(
    'button',
    { id: 'conditions-toggle', className: 'disclosure', attrs: { type: 'button', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': 'condition-lanes', title: 'Show or hide one row per condition' } },
    `Conditions (${pod.conditions.length})`,
  );
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-expanded') !== 'true';
    group.hidden = !next;
    button.setAttribute('aria-expanded', next ? 'true' : 'false');
    toggle(next);
  });
  const summary = buildLane({ name: button, segments: pod.conditionSummary, end, className: 'condition-summary' });
  const lanes = [summary];
  for (const condition of pod.conditions) {
    const lane = buildLane({ name: condition.name, segments: condition.segments, end, className: 'condition' });
    lanes.push(lane);
    group.appendChild(lane.element);
  }
  return { lanes, elements: [summary.element, group] };
}

function podDetailLanes(pod: PodLanes, end: number, conditionsOpen: boolean, toggle: (open: boolean) => void): { lanes: Lane[]; elements: HTMLElement[] } {
  const status = buildLane({ name: 'Status', segments: pod.status, end, className: 'pod-status', absent: POD_ABSENT });
  const phase = buildLane({ name: 'Phase', segments: pod.phase, end, className: 'pod-phase' });
  const lanes: Lane[] = [status, phase];
  const elements: HTMLElement[] = [status.element, phase.element];
  if (pod.conditions.length > 0) {
    const conditions = conditionLanes(pod, end, conditionsOpen, toggle);
    lanes.push(...conditions.lanes);
    elements.push(...conditions.elements);
  }
  for (const container of pod.containers) {
    const lane = buildLane({ name: container.name, badge: container.role, segments: container.segments, end, className: 'container' });
    lanes.push(lane);
    elements.push(lane.element);
  }
  return { lanes, elements };
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

    if (model.groups) {
      if (model.replicaSetLanes.length > 0) {
        body.appendChild(groupHeading('ReplicaSets'));
        const newest = Math.max(...model.replicaSetLanes.map((l) => l.revision));
        for (const rs of model.replicaSetLanes) {
          const age = rs.revision === newest ? 'new' : 'old';
          const name = `${rs.name ?? 'ReplicaSet'} · rev ${rs.revision} (${age})`;
          const lane = buildLane({ name, segments: rs.segments, end, className: 'replicaset', absent: 'scaled to 0' });
          this.lanes.push(lane);
          body.appendChild(lane.element);
        }
      }
      for (const group of model.groups) {
        body.appendChild(groupHeading(`Pods of ${group.name ?? 'ReplicaSet'} (revision ${group.revision})`));
        for (const pod of group.pods) {
          const button = h('button', { id: podButtonId(model.pods.indexOf(pod)), className: 'pod-select', attrs: { type: 'button', 'aria-pressed': pod === selected ? 'true' : 'false', title: `Show the containers of ${pod.name}` } }, pod.name);
          button.addEventListener('click', () => callbacks.selectPod(pod.name));
          const lane = buildLane({ name: button, segments: pod.status, end, className: `pod${pod === selected ? ' selected' : ''}`, absent: POD_ABSENT });
          this.lanes.push(lane);
          body.appendChild(lane.element);
        }
      }
    }

    if (selected) {
      body.appendChild(groupHeading(`Pod ${selected.name}`));
      const detail = podDetailLanes(selected, end, conditionsOpen, (open) => {
        callbacks.toggleConditions(open);
        this.fit();
      });
      this.lanes.push(...detail.lanes);
      body.append(...detail.elements);
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
