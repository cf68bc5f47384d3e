// `kubectl get pods` and `kubectl get rs` as they would read at the playhead.
import { clear, h } from '../dom';
import { formatAge } from '../format';
import type { PodLanes } from '../lanes';
import { podDisplayStatus, podReadyColumn, podRestarts } from '../podStatus';
import { conditionText, jobStatus, podsStatuses } from '../jobs';
import type { SimulationFrame } from '../simulationResult';

function table(id: string, caption: string, columns: readonly string[], body: HTMLTableSectionElement): HTMLTableElement {
  return h(
    'table',
    { id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
    body,
  );
}

export class PodsTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody', {});
  private key = '';
  private readonly firstSeen: Map<string, number>;

  constructor(pods: readonly PodLanes[]) {
    this.firstSeen = new Map(pods.map((p) => [p.name, p.firstSeen]));
    this.element = h('div', { className: 'status-table' }, table('pods', 'kubectl get pods', ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], this.body));
  }

  update(frame: SimulationFrame | undefined, time: number): void {
    const rows = (frame?.pods ?? []).map((pod) => {
      const firstSeen = this.firstSeen.get(pod.name) ?? frame?.at ?? 0;
      return [pod.name, podReadyColumn(pod), podDisplayStatus(pod), String(podRestarts(pod)), formatAge(time - firstSeen)];
    });
    const key = JSON.stringify(rows);
    if (key === this.key) return;
    this.key = key;
    clear(this.body);
    if (rows.length === 0) this.body.appendChild(h('tr', {}, h('td', { attrs: { colspan: 5 } }, 'No pods at this time.')));
    for (const cells of rows) this.body.appendChild(h('tr', {}, ...cells.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : h('td', {}, c)))));
  }
}

export class ReplicaSetsTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody', {});
  private key = '';

  constructor() {
    this.element = h('div', { className: 'status-table' }, table('replicasets', 'kubectl get replicasets', ['NAME', 'REVISION', 'DESIRED', 'CURRENT', 'READY', 'AVAILABLE'], this.body));
  }

  update(frame: SimulationFrame | undefined): void {
    const replicaSets = [...(frame?.replicaSets ?? [])].sort((a, b) => b.revision - a.revision);
    const rows = replicaSets.map((rs) => [rs.name ?? `revision ${rs.revision}`, String(rs.revision), String(rs.desired), String(rs.current), String(rs.ready), String(rs.available)]);
    const key = JSON.stringify(rows);
    if (key === this.key) return;
    this.key = key;
    clear(this.body);
    for (const cells of rows) this.body.appendChild(h('tr', {}, ...cells.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : h('td', {}, c)))));
  }
}

/** Each Job at the playhead: the STATUS of `kubectl get jobs`, the Pods Statuses of `kubectl describe job`, its conditions. */
export class JobsTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody', {});
  private key = '';

  constructor() {
    this.element = h('div', { className: 'status-table' }, table('jobs', 'Job status (kubectl get jobs, kubectl describe job)', ['NAME', 'STATUS', 'PODS STATUSES', 'CONDITIONS'], this.body));
  }

  update(frame: SimulationFrame | undefined): void {
    const rows = (frame?.jobs ?? []).map((job) => [job.name, jobStatus(job), podsStatuses(job), job.conditions.map(conditionText).join('; ') || '—']);
    const key = JSON.stringify(rows);
    if (key === this.key) return;
    this.key = key;
    clear(this.body);
    if (rows.length === 0) this.body.appendChild(h('tr', {}, h('td', { attrs: { colspan: 4 } }, 'No Job at this time.')));
    for (const cells of rows) this.body.appendChild(h('tr', {}, ...cells.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : h('td', {}, c)))));
  }
}
