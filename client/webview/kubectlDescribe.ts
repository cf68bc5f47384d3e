// `kubectl describe pod` at the playhead: state of each container, conditions, and
// the pod's events so far (with kubectl's ages and repeat counts).
import { lastSeenText, occurrencesAt, type EventRow } from './eventRows';
import { alignColumns, renderDescribe, type DescribeLine } from './kubectlText';
import type { SimulatedContainer, SimulatedPod } from './simulationResult';

function pair(indent: number, key: string, value: string): DescribeLine {
  return { indent, key, value };
}

function stateLines(label: string, state: string, reason: string | undefined, exitCode: number | undefined): DescribeLine[] {
  const lines = [pair(4, label, state)];
  if (reason) lines.push(pair(6, 'Reason', reason));
  if (exitCode !== undefined) lines.push(pair(6, 'Exit Code', String(exitCode)));
  return lines;
}

function containerLines(c: SimulatedContainer): DescribeLine[] {
  const state = c.state === 'running' ? 'Running' : c.state === 'waiting' ? 'Waiting' : 'Terminated';
  const lines: DescribeLine[] = [`  ${c.name}:`, ...stateLines('State', state, c.reason, c.state === 'terminated' ? c.exitCode : undefined)];
  if (c.lastState) lines.push(...stateLines('Last State', 'Terminated', c.lastState.reason, c.lastState.exitCode));
  lines.push(pair(4, 'Ready', c.ready ? 'True' : 'False'), pair(4, 'Restart Count', String(c.restartCount)));
  return lines;
}

function containersBlock(title: string, containers: readonly SimulatedContainer[]): DescribeLine[] {
  return containers.length === 0 ? [] : [`${title}:`, ...containers.flatMap(containerLines)];
}

function eventsBlock(rows: readonly EventRow[], podName: string, time: number): string[] {
  const mine = rows.filter((r) => r.object === `pod/${podName}`).map((r) => ({ row: r, at: occurrencesAt(r, time) })).filter((r) => r.at.count > 0);
  if (mine.length === 0) return ['Events:  <none>'];
  mine.sort((a, b) => a.at.first - b.at.first);
  const table = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']];
  for (const { row, at } of mine) table.push([row.type, row.reason, lastSeenText(at, time), row.source ?? '', row.message]);
  return ['Events:', ...alignColumns(table, 2).map((line) => `  ${line}`)];
}

export function describePod(pod: SimulatedPod, rows: readonly EventRow[], time: number): string {
  const head = [pair(0, 'Name', pod.name)];
  if (pod.node) head.push(pair(0, 'Node', pod.node));
  head.push(pair(0, 'Status', pod.terminating ? 'Terminating' : pod.phase));
  const conditions = Object.entries(pod.conditions);
  const lines: DescribeLine[] = [
    ...head,
    ...containersBlock('Init Containers', pod.containers.filter((c) => c.role !== 'app')),
    ...containersBlock('Containers', pod.containers.filter((c) => c.role === 'app')),
    ...(conditions.length > 0 ? ['Conditions:', ...alignColumns([['Type', 'Status'], ...conditions], 2).map((line) => `  ${line}`)] : []),
    ...eventsBlock(rows, pod.name, time),
  ];
  return renderDescribe(lines).join('\n');
}
