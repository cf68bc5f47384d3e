// The blocks of lanes the timeline stacks up: the workload's own rows (Jobs,
// ReplicaSets), one row per pod, and the pod in detail.
import { h } from '../dom';
import type { PodLanes } from '../lanes';
import type { ViewModel } from '../viewModel';
import { buildLane, type Lane } from './lane';

/** Lanes that update with the playhead, and the elements to put in the page in order. */
export interface LaneBlock {
  lanes: Lane[];
  elements: HTMLElement[];
}

const EMPTY: LaneBlock = { lanes: [], elements: [] };
const POD_ABSENT = { before: 'not created yet', after: 'deleted' };

export function podButtonId(podIndex: number): string {
  return `pod-${podIndex}`;
}

function groupHeading(text: string): HTMLElement {
  return h('h3', { className: 'lane-group-heading' }, text);
}

function block(heading: string, lanes: Lane[]): LaneBlock {
  return { lanes, elements: [groupHeading(heading), ...lanes.map((l) => l.element)] };
}

export function jobBlocks(model: ViewModel): LaneBlock[] {
  const { end } = model;
  return model.jobLanes.map((job) =>
    block(`Job ${job.name}`, [
      buildLane({ name: 'Status', segments: job.status, end, className: 'job-status', absent: { before: 'not created yet', after: 'deleted (TTL)' } }),
      buildLane({ name: 'Conditions', segments: job.conditions, end, className: 'job-conditions', absent: 'none yet' }),
    ]),
  );
}

export function deploymentBlock(model: ViewModel): LaneBlock {
  const d = model.deployment;
  if (!d) return EMPTY;
  const { end } = model;
  return block(`Deployment ${d.name}`, [
    buildLane({ name: 'Rollout status', segments: d.rollout, end, className: 'rollout-status' }),
    ...d.conditions.map((c) => buildLane({ name: c.type, segments: c.segments, end, className: 'deployment-condition' })),
  ]);
}

export function serviceBlocks(model: ViewModel): LaneBlock[] {
  const { end } = model;
  return model.serviceLanes.map((service) =>
    block(`Service ${service.name}: endpoints`, [
      buildLane({ name: 'Traffic', segments: service.summary, end, className: 'service-traffic' }),
      ...service.endpoints.map((e) => buildLane({ name: e.pod, segments: e.segments, end, className: 'endpoint', absent: 'not an endpoint' })),
    ]),
  );
}

export function replicaSetBlock(model: ViewModel): LaneBlock {
  if (model.replicaSetLanes.length === 0) return EMPTY;
  const { end } = model;
  const newest = Math.max(...model.replicaSetLanes.map((l) => l.revision));
  const lanes = model.replicaSetLanes.map((rs) => {
    const age = rs.revision === newest ? 'new' : 'old';
    const name = `${rs.name ?? 'ReplicaSet'} · rev ${rs.revision} (${age})`;
    return buildLane({ name, segments: rs.segments, end, className: 'replicaset', absent: 'scaled to 0' });
  });
  return block('ReplicaSets', lanes);
}

/** One row per pod, by group; its name is a button that puts the pod in detail below. */
export function podListBlocks(model: ViewModel, selected: PodLanes | undefined, selectPod: (name: string) => void): LaneBlock[] {
  return (model.groups ?? []).map((group) => {
    const lanes = group.pods.map((pod) => {
      const button = h(
        'button',
        { id: podButtonId(model.pods.indexOf(pod)), className: 'pod-select', attrs: { type: 'button', 'aria-pressed': pod === selected ? 'true' : 'false', title: `Show the containers of ${pod.name}` } },
        pod.name,
      );
      button.addEventListener('click', () => selectPod(pod.name));
      return buildLane({ name: button, segments: pod.status, end: model.end, className: `pod${pod === selected ? ' selected' : ''}`, absent: POD_ABSENT });
    });
    return block(group.title, lanes);
  });
}

/** The pod's conditions as one summary lane; a button shows or hides one lane per condition. */
function conditionLanes(pod: PodLanes, end: number, open: boolean, toggle: (open: boolean) => void): LaneBlock {
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

export function podDetailBlock(pod: PodLanes, end: number, conditionsOpen: boolean, toggle: (open: boolean) => void): LaneBlock {
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
  return { lanes, elements: [groupHeading(`Pod ${pod.name}`), ...elements] };
}
