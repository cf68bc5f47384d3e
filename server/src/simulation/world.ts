// What controllers share: the clock's pods, the cluster, the event log and the scenario.
import type { Cluster } from './cluster';
import type { EventLog } from './events';
import { fakeUid, fnv32a } from './names';
import { PodSim } from './pod';
import { behaviourOf } from './scenario';
import { readPodSpec } from './spec';
import { CRASH_BACKOFF_INITIAL, CRASH_BACKOFF_MAX, MAX_PODS } from './defaults';
import type { CronJobFrame, DeploymentFrame, JobFrame, ReplicaSetFrame, Scenario } from './types';

export interface World {
  cluster: Cluster;
  events: EventLog;
  scenario: Scenario;
  namespace: string;
  pullSeconds: number;
  /** Every pod created so far, in creation order. */
  pods: PodSim[];
  /** Runs started so far per container name, across every pod (the `exitCodes` knob counts them). */
  runs: Map<string, number>;
  /** `kind/name` stamped on the pods, when more than one workload is played. */
  owner?: string;
  /** The minor version of podlab.kubernetesVersion (34 for 1.34): feature gates follow it. */
  minorVersion: number;
}

/** The minor version of `1.X`; 34 (Kubernetes 1.34) when it cannot be read. */
export function minorVersionOf(version: unknown): number {
  const match = typeof version === 'string' ? /^1\.(\d+)$/.exec(version.trim()) : null;
  return match ? Number(match[1]) : DEFAULT_MINOR_VERSION;
}

export const DEFAULT_MINOR_VERSION = 34;
/** ContainerRestartRules and DeploymentReplicaSetTerminatingReplicas are beta and on from 1.35. */
export const CONTAINER_RESTART_RULES_SINCE = 35;
export const TERMINATING_REPLICAS_SINCE = 35;
export const CRASH_LOOP_MAX_SINCE = 35;

/** The string-valued labels of a metadata object. */
export function labelsOf(metadata: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof metadata !== 'object' || metadata === null) return out;
  const labels = (metadata as Record<string, unknown>).labels;
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return out;
  for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** A deterministic pod IP, only used in probe failure messages. */
function podIp(name: string): string {
  const hash = fnv32a(name);
  return `10.244.${hash % 3}.${2 + (hash % 250)}`;
}

/** KubeletCrashLoopBackOffMax (beta, on from 1.35): the node's maxContainerRestartPeriod caps the crash back-off. */
function crashBackoffOf(world: World): { crashBackoff?: { initial: number; max: number } } {
  const max = world.scenario.maxContainerRestartPeriod;
  if (max === undefined || world.minorVersion < CRASH_LOOP_MAX_SINCE || max < 1 || max > CRASH_BACKOFF_MAX) return {};
  return { crashBackoff: { initial: Math.min(CRASH_BACKOFF_INITIAL, max), max } };
}

/** Creates a pod from a pod template spec; undefined once the pod cap is reached. */
export function createPod(world: World, name: string, podSpec: unknown, now: number, revision?: number, labels: Record<string, string> = {}): PodSim | undefined {
  if (world.pods.length >= MAX_PODS) return undefined;
  const pod = new PodSim({
    name,
    namespace: world.namespace,
    uid: fakeUid(`${name}@${now}`),
    createdAt: now,
    spec: readPodSpec(podSpec, podIp(name), { containerRestartRules: world.minorVersion >= CONTAINER_RESTART_RULES_SINCE }),
    behaviourOf: (container) => behaviourOf(world.scenario, container, revision ?? 1),
    pullSeconds: world.pullSeconds,
    nextRun: (container) => {
      const run = world.runs.get(container) ?? 0;
      world.runs.set(container, run + 1);
      return run;
    },
    events: world.events,
    ...(revision !== undefined ? { revision } : {}),
    ...crashBackoffOf(world),
  });
  pod.labels = labels;
  pod.rawSpec = podSpec;
  if (world.owner) pod.owner = world.owner;
  world.pods.push(pod);
  return pod;
}

export interface Controller {
  /** Reacts to the current state at `now`; returns true when it changed anything. */
  sync(now: number): boolean;
  /** The next time it needs to look again on its own (Infinity if never). */
  nextWake(now: number): number;
  /** Pods the scenario's deleteAt applies to. */
  livePods(): PodSim[];
  replicaSetFrames?(now: number): ReplicaSetFrame[] | undefined;
  jobFrames?(): JobFrame[] | undefined;
  deploymentFrame?(): DeploymentFrame | undefined;
  cronJobFrame?(now: number): CronJobFrame | undefined;
}
