// Public shapes of the simulation engine. Field names are a contract with the
// preview webview and the `podlab/simulate` request (see shared DESIGN.md).

/** What the processes do: everything the manifest cannot say. All fields optional. */
export interface ContainerScenario {
  /** Each run exits this many seconds after it starts; absent: runs until stopped (init containers: a short run). */
  runSeconds?: number;
  /** Exit code of those exits (default 0). */
  exitCode?: number;
  /** Exit code of each successive run of this container (across the pods of a Job too); the last one repeats. Wins over exitCode. */
  exitCodes?: number[];
  /** The runs end by the OOM killer instead (exit 137, reason OOMKilled). */
  oomKilled?: boolean;
  /** Every pull of the container's image fails. */
  pullFails?: boolean;
  /** The readiness probe fails until this many seconds after each start. */
  readyAfterSeconds?: number;
  /** The liveness probe fails from this many seconds after each start. */
  livenessFailsAfterSeconds?: number;
  /** The startup probe fails until this many seconds after each start. */
  startedAfterSeconds?: number;
  /** Seconds from SIGTERM to exit (default: at once). */
  sigtermExitSeconds?: number;
  /** Exit code when the process ends on SIGTERM (default 143 = 128 + SIGTERM). */
  sigtermExitCode?: number;
  /** Seconds the preStop hook runs (default: read from `lifecycle.preStop`, else 0). */
  preStopSeconds?: number;
}

export interface Scenario {
  /** Seconds to simulate; default: until nothing changes any more, at most 1800. */
  horizon?: number;
  /** Seconds to pull an image that is not on the node. */
  pullSeconds?: number;
  /** Images already on every node at t=0. */
  cachedImages?: string[];
  containers?: Record<string, ContainerScenario>;
  /** The pod (or every pod of the workload) is deleted at this time. */
  deleteAt?: number;
  /** Grace period of that deletion (kubectl delete --grace-period); default: the pod's terminationGracePeriodSeconds. */
  deleteGracePeriodSeconds?: number;
  /** The node that runs the first pod stops reporting at this time. */
  nodeLostAt?: number;
  /** Deployments: a new template revision is applied at this time. */
  rolloutAt?: number;
  /** Image of the first app container in the new revision; absent: same image (like `kubectl rollout restart`). */
  rolloutImage?: string;
  /** Container behaviour in the new revision; overrides `containers` per container name. */
  rolloutContainers?: Record<string, ContainerScenario>;
  /** PersistentVolumeClaim names that never bind. */
  unboundClaims?: string[];
  /** The Services selecting the resource get `serviceSelector` at this time (a blue/green switch). */
  serviceSelectorAt?: number;
  /** The selector those Services switch to at `serviceSelectorAt`. */
  serviceSelector?: Record<string, string>;
  /** The node's kubelet `crashLoopBackOff.maxContainerRestartPeriod` (1-300 s; Kubernetes 1.35+). */
  maxContainerRestartPeriod?: number;
  /** CronJobs: the wall-clock time of t = 0 (RFC 3339); default: a minute before the schedule's first activation in 2026. */
  startTime?: string;
}

export interface SimulationInput {
  /** The manifest object as plain JSON: a Pod or a Pod-making workload. */
  resource: Record<string, unknown>;
  related?: {
    /** PersistentVolumeClaims known in the workspace. */
    persistentVolumeClaims?: Record<string, unknown>[];
    /** Services (same file or workspace); those whose selector picks the simulated pods get endpoints per frame. */
    services?: Record<string, unknown>[];
    /** Other Pod-making resources of the file: played beside the resource when a Service selects both (blue/green). */
    workloads?: Record<string, unknown>[];
  };
  /** `podlab.kubernetesVersion` (`1.34`, `1.35`): decides feature-gated behaviour. Default: 1.34. */
  kubernetesVersion?: string;
}

export type EventType = 'Normal' | 'Warning';

export interface SimEvent {
  /** Seconds since the resource was created. */
  at: number;
  type: EventType;
  reason: string;
  /** `kind/name` as `kubectl get events` prints it, e.g. `pod/web-7d9c6f8b5-x2x4k`. */
  object: string;
  message: string;
  /** Component that reports it (the FROM column of `kubectl describe`). */
  source: string;
}

export type ContainerRole = 'init' | 'sidecar' | 'app';
export type ContainerStateName = 'waiting' | 'running' | 'terminated';
export type ConditionStatus = 'True' | 'False';
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface LastState {
  reason: string;
  exitCode: number;
}

export interface ContainerFrame {
  name: string;
  role: ContainerRole;
  state: ContainerStateName;
  reason?: string;
  message?: string;
  exitCode?: number;
  ready: boolean;
  started: boolean;
  restartCount: number;
  /** The previous instance's termination (`lastState.terminated`). */
  lastState?: LastState;
}

export type PodConditionType = 'PodScheduled' | 'PodReadyToStartContainers' | 'Initialized' | 'ContainersReady' | 'Ready';

export interface PodFrame {
  name: string;
  /** metadata.uid: tells apart two pods of one name (a StatefulSet's replacement). */
  uid: string;
  phase: PodPhase;
  /** What the STATUS column of `kubectl get pods` shows (e.g. `Init:1/2`, `CrashLoopBackOff`, `Terminating`). */
  status: string;
  conditions: Partial<Record<PodConditionType, ConditionStatus>>;
  containers: ContainerFrame[];
  node?: string;
  /** Revision of the ReplicaSet that owns the pod (Deployments). */
  revision?: number;
  /** The pod has a deletionTimestamp. */
  terminating?: boolean;
  /** `kind/name` of the workload that made the pod, when the simulation plays more than one (blue/green). */
  owner?: string;
}

export interface ReplicaSetFrame {
  revision: number;
  name: string;
  /** spec.replicas */
  desired: number;
  /** Pods that are not terminating and not terminal. */
  current: number;
  ready: number;
  available: number;
}

export interface JobCondition {
  type: 'FailureTarget' | 'Failed' | 'SuccessCriteriaMet' | 'Complete' | 'Suspended';
  status: 'True';
  reason?: string;
  message?: string;
  /** lastTransitionTime, in seconds since creation. */
  at: number;
}

/** A Job's status as the Job controller last wrote it. */
export interface JobFrame {
  name: string;
  active: number;
  ready: number;
  succeeded: number;
  failed: number;
  terminating: number;
  conditions: JobCondition[];
  /** Indexed Jobs: status.completedIndexes, as intervals (`0-2,4`); empty when none has succeeded. */
  completedIndexes?: string;
  /** Indexed Jobs with backoffLimitPerIndex: status.failedIndexes, as intervals; empty when none failed. */
  failedIndexes?: string;
}

/** A CronJob's status as the CronJob controller last wrote it; times in seconds since creation. */
export interface CronJobFrame {
  name: string;
  schedule: string;
  timeZone?: string;
  suspend: boolean;
  /** Names of the Jobs in status.active. */
  active: string[];
  lastScheduleTime?: number;
  lastSuccessfulTime?: number;
  /** The next activation the controller will act on (not a status field: what the schedule says). */
  nextScheduleTime?: number;
}

export interface EndpointPort {
  name?: string;
  /** The target port resolved for this pod (a named targetPort is looked up in its containers). */
  port: number;
  protocol: string;
}

/** One endpoint of an EndpointSlice, with its conditions as the EndpointSlice controller writes them. */
export interface EndpointFrame {
  pod: string;
  /** `publishNotReadyAddresses || (serving && !terminating)`. */
  ready: boolean;
  /** The pod's Ready condition is True. */
  serving: boolean;
  /** The pod has a deletionTimestamp. */
  terminating: boolean;
  /** kube-proxy sends new connections here: the ready endpoints, or, when none is ready, the serving terminating ones. */
  traffic: boolean;
  /** Ports of the Service's ports that resolve for this pod (an unresolvable named targetPort is left out). */
  ports: EndpointPort[];
}

export interface ServiceFrame {
  name: string;
  /** The selector in force at this moment (a scenario may switch it). */
  selector: Record<string, string>;
  endpoints: EndpointFrame[];
}

export interface DeploymentCondition {
  type: 'Progressing' | 'Available';
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  /** lastTransitionTime, in seconds since creation. */
  at: number;
  /** lastUpdateTime, in seconds since creation (the progress deadline counts from it). */
  updatedAt: number;
}

/** A Deployment's status as the Deployment controller last wrote it. */
export interface DeploymentFrame {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** status.replicas: pods of every ReplicaSet that are not terminating. */
  current: number;
  updated: number;
  ready: number;
  available: number;
  unavailable: number;
  /** status.terminatingReplicas: pods being deleted (Kubernetes 1.35+, DeploymentReplicaSetTerminatingReplicas). */
  terminating?: number;
  /** In the order `kubectl describe` lists them. */
  conditions: DeploymentCondition[];
  /** What `kubectl rollout status deployment/<name>` prints at this moment. */
  rolloutStatus: string;
}

export interface Frame {
  at: number;
  pods: PodFrame[];
  replicaSets?: ReplicaSetFrame[];
  jobs?: JobFrame[];
  services?: ServiceFrame[];
  deployment?: DeploymentFrame;
  cronJob?: CronJobFrame;
}

export interface SourceRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** An error the API server would answer the create with: the resource is refused, so nothing runs. */
export interface RefusalError {
  /** Field path inside the resource, e.g. `['spec', 'template', 'spec', 'containers']`. */
  path: (string | number)[];
  /** In the API server's words, e.g. `spec.template.spec.containers: Required value`. */
  message: string;
  /** Where to show it in the editor (0-based, LSP style); filled in by the language server. */
  range?: SourceRange;
}

export interface SimulationResult {
  resource: { kind: string; name: string };
  events: SimEvent[];
  frames: Frame[];
  /** The time the simulation ran to. */
  horizon: number;
  /** Present when the API server would refuse the resource: the errors that stop the simulation. */
  refused?: RefusalError[];
  /** The wall-clock time of t = 0 (RFC 3339, UTC), for resources that follow the clock (CronJobs). */
  clockStart?: string;
}
