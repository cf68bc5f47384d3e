// Everything the page derives from one simulation result, computed once per
// result; moving the playhead only looks things up in it.
import { groupEvents, type EventRow } from './eventRows';
import { buildDeploymentLanes, type DeploymentLanes } from './deployment';
import { buildJobLanes, type JobLane } from './jobs';
import { buildServiceLanes, type ServiceLane } from './services';
import { buildPodLanes, type PodLanes } from './lanes';
import { groupPodsByReplicaSet, type PodGroup } from './replicaSets';
import { SegmentBuilder, type Segment } from './segments';
import type { ContainerRole, SimulatedReplicaSet, SimulationFrame, SimulationResult } from './simulationResult';
import { axisEnd, changeTimes } from './timeline';

export interface ReplicaSetLane {
  revision: number;
  name?: string;
  segments: Segment[];
}

export interface ContainerInfo {
  name: string;
  role: ContainerRole;
}

export interface ViewModel {
  result: SimulationResult;
  end: number;
  changes: number[];
  pods: PodLanes[];
  /** Pods by ReplicaSet for workloads whose frames list ReplicaSets; all pods in one group for other workloads. */
  groups: PodGroup[] | undefined;
  replicaSetLanes: ReplicaSetLane[];
  jobLanes: JobLane[];
  deployment: DeploymentLanes | undefined;
  serviceLanes: ServiceLane[];
  eventRows: EventRow[];
  containers: ContainerInfo[];
}

export function replicaSetLabel(rs: SimulatedReplicaSet): string {
  return `${rs.ready}/${rs.desired} ready`;
}

export function replicaSetDetail(rs: SimulatedReplicaSet): string {
  return `revision ${rs.revision}: desired ${rs.desired}, current ${rs.current}, ready ${rs.ready}, available ${rs.available}`;
}

function buildReplicaSetLanes(frames: readonly SimulationFrame[], end: number): ReplicaSetLane[] {
  const lanes = new Map<number, { name?: string; builder: SegmentBuilder }>();
  for (const frame of frames) {
    const present = new Set<number>();
    for (const rs of frame.replicaSets ?? []) {
      present.add(rs.revision);
      let lane = lanes.get(rs.revision);
      if (!lane) lanes.set(rs.revision, (lane = { builder: new SegmentBuilder() }));
      if (rs.name) lane.name = rs.name;
      if (rs.desired === 0 && rs.current === 0) {
        lane.builder.close(frame.at);
        continue;
      }
      const tone = rs.desired > 0 && rs.available >= rs.desired && rs.current === rs.desired ? 'ready' : rs.desired === 0 ? 'terminating' : 'running';
      lane.builder.enter(frame.at, tone, replicaSetLabel(rs), replicaSetDetail(rs));
    }
    for (const [revision, lane] of lanes) if (!present.has(revision)) lane.builder.close(frame.at);
  }
  return [...lanes]
    .sort(([a], [b]) => a - b)
    .map(([revision, lane]) => ({ revision, ...(lane.name ? { name: lane.name } : {}), segments: lane.builder.finish(end) }));
}

function containerInfos(pods: readonly PodLanes[]): ContainerInfo[] {
  const seen = new Map<string, ContainerRole>();
  for (const pod of pods) for (const c of pod.containers) if (!seen.has(c.name)) seen.set(c.name, c.role);
  return [...seen].map(([name, role]) => ({ name, role }));
}

function podGroups(result: SimulationResult, pods: PodLanes[]): PodGroup[] | undefined {
  const owners = [...new Set(pods.map((p) => p.owner).filter((o): o is string => o !== undefined))];
  // Two workloads played together (a Service switching between them): one group per workload.
  if (owners.length > 1) return owners.map((owner) => ({ title: `Pods of ${owner}`, pods: pods.filter((p) => p.owner === owner) }));
  if (result.frames.some((f) => (f.replicaSets?.length ?? 0) > 0)) return groupPodsByReplicaSet(pods, result.frames);
  const { kind, name } = result.resource;
  if (kind === 'Pod' || pods.length === 0) return undefined;
  return [{ title: `Pods of ${kind.toLowerCase()}/${name}`, pods }];
}

export function buildViewModel(result: SimulationResult): ViewModel {
  const end = axisEnd(result);
  const pods = buildPodLanes(result.frames, end, result.events);
  return {
    result,
    end,
    changes: changeTimes(result),
    pods,
    groups: podGroups(result, pods),
    replicaSetLanes: buildReplicaSetLanes(result.frames, end),
    jobLanes: buildJobLanes(result.frames, end),
    deployment: buildDeploymentLanes(result.frames, end),
    serviceLanes: buildServiceLanes(result.frames, end),
    eventRows: groupEvents(result.events),
    containers: containerInfos(pods),
  };
}
