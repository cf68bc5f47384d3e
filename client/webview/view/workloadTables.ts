// The Deployment's status and the Services' endpoints as they would read at the playhead:
// `kubectl get deployment`, its conditions, `kubectl rollout status`, and each EndpointSlice.
import { clear, h, setText } from '../dom';
import { deploymentColumns } from '../deployment';
import type { SimulationFrame } from '../simulationResult';

function rowsInto(body: HTMLTableSectionElement, rows: readonly (readonly string[])[], empty: string, columns: number): void {
  clear(body);
  if (rows.length === 0) body.appendChild(h('tr', {}, h('td', { attrs: { colspan: columns } }, empty)));
  for (const cells of rows) body.appendChild(h('tr', {}, ...cells.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : h('td', {}, c)))));
}

function table(id: string, caption: string, columns: readonly string[], body: HTMLTableSectionElement): HTMLElement {
  return h(
    'div',
    { className: 'status-table' },
    h('table', { id }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { attrs: { scope: 'col' } }, c)))), body),
  );
}

export class DeploymentTable {
  readonly element: HTMLElement;
  private readonly summary = h('tbody', {});
  private readonly conditions = h('tbody', {});
  private readonly rollout = h('pre', { id: 'rollout-status', className: 'terminal', attrs: { tabindex: 0, 'aria-label': 'kubectl rollout status' } });
  private key = '';

  constructor(private readonly name: string) {
    this.element = h(
      'div',
      { className: 'deployment-status' },
      table('deployment', 'kubectl get deployment', ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE'], this.summary),
      table('deployment-conditions', `Conditions (kubectl describe deployment ${name})`, ['TYPE', 'STATUS', 'REASON', 'MESSAGE'], this.conditions),
      this.rollout,
    );
  }

  update(frame: SimulationFrame | undefined): void {
    const d = frame?.deployment;
    const summary = d ? [[d.name, ...deploymentColumns(d)]] : [];
    const conditions = (d?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]);
    const key = JSON.stringify([summary, conditions]);
    setText(this.rollout, `$ kubectl rollout status deployment/${this.name}\n${d?.rolloutStatus.trimEnd() ?? ''}`);
    if (key === this.key) return;
    this.key = key;
    rowsInto(this.summary, summary, 'No Deployment status yet.', 4);
    rowsInto(this.conditions, conditions, 'No conditions yet.', 4);
  }
}

export class ServicesTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody', {});
  private key = '';

  constructor() {
    this.element = table('endpoints', 'Service endpoints (EndpointSlices)', ['SERVICE', 'POD', 'READY', 'SERVING', 'TERMINATING', 'GETS TRAFFIC'], this.body);
  }

  update(frame: SimulationFrame | undefined): void {
    const yes = (value: boolean): string => (value ? 'true' : 'false');
    const rows = (frame?.services ?? []).flatMap((s) =>
      s.endpoints.length === 0 ? [[s.name, '<none>', '', '', '', 'no']] : s.endpoints.map((e) => [s.name, e.pod, yes(e.ready), yes(e.serving), yes(e.terminating), e.traffic ? 'yes' : 'no']),
    );
    const key = JSON.stringify(rows);
    if (key === this.key) return;
    this.key = key;
    rowsInto(this.body, rows, 'No Service selects these pods at this time.', 6);
  }
}
