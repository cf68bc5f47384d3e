// The result of the `podlab/simulate` request, as documented in DESIGN.md.
// Everything here crosses a process boundary, so the panel checks it with
// `readSimulationResult` before drawing anything.

export type ContainerRole = 'init' | 'sidecar' | 'app';
export type ContainerStateName = 'waiting' | 'running' | 'terminated';
export type EventType = 'Normal' | 'Warning';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface SimulatedEvent {
  at: number;
  type: EventType;
  reason: string;
  object: string;
  message: string;
  /** The component that reported it (the FROM column of `kubectl describe`). */
  source?: string;
}

export interface SimulatedContainer {
  name: string;
  role: ContainerRole;
  state: ContainerStateName;
  reason?: string;
  message?: string;
  exitCode?: number;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  /** The previous instance's termination. */
  lastState?: { reason: string; exitCode: number };
}

export interface SimulatedPod {
  name: string;
  phase: string;
  /** The STATUS column of `kubectl get pods`, when the engine computes it. */
  status?: string;
  node?: string;
  /** Revision of the ReplicaSet that owns the pod, when the engine says so. */
  revision?: number;
  /** True once the pod has a deletionTimestamp (kubectl shows Terminating). */
  terminating?: boolean;
  /** `kind/name` of the workload that made the pod, when the simulation plays more than one. */
  owner?: string;
  conditions: Record<string, ConditionStatus>;
  containers: SimulatedContainer[];
}

export interface SimulatedReplicaSet {
  revision: number;
  name?: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
}

export type JobConditionType = 'FailureTarget' | 'Failed' | 'SuccessCriteriaMet' | 'Complete' | 'Suspended';

export interface SimulatedJobCondition {
  type: JobConditionType;
  reason?: string;
  message?: string;
  /** lastTransitionTime, in seconds since creation. */
  at?: number;
}

/** A Job's status as the Job controller last wrote it. */
export interface SimulatedJob {
  name: string;
  active: number;
  ready: number;
  succeeded: number;
  failed: number;
  terminating: number;
  conditions: SimulatedJobCondition[];
  /** Indexed Jobs: the completed indexes as intervals (`0-2,4`), empty when none. */
  completedIndexes?: string;
  /** Indexed Jobs with backoffLimitPerIndex: the failed indexes, the same way. */
  failedIndexes?: string;
}

/** One endpoint of a Service's EndpointSlice, with its conditions. */
export interface SimulatedEndpoint {
  pod: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** kube-proxy sends new connections here. */
  traffic: boolean;
}

export interface SimulatedService {
  name: string;
  endpoints: SimulatedEndpoint[];
}

export interface SimulatedDeploymentCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
}

/** A Deployment's status as the Deployment controller last wrote it. */
export interface SimulatedDeployment {
  name: string;
  replicas: number;
  updated: number;
  ready: number;
  available: number;
  unavailable: number;
  conditions: SimulatedDeploymentCondition[];
  /** What `kubectl rollout status` prints at this moment. */
  rolloutStatus: string;
}

export interface SimulationFrame {
  at: number;
  pods: SimulatedPod[];
  replicaSets?: SimulatedReplicaSet[];
  jobs?: SimulatedJob[];
  services?: SimulatedService[];
  deployment?: SimulatedDeployment;
}

/** A place in the document, 0-based like LSP positions. */
export interface SourceRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** An error the API server would answer the create with. */
export interface Refusal {
  message: string;
  range?: SourceRange;
}

export interface SimulationResult {
  resource: { kind: string; name: string };
  events: SimulatedEvent[];
  frames: SimulationFrame[];
  /** The time the simulation ran to, when the engine says. */
  horizon?: number;
  /** The API server would refuse the resource: these errors stop it, and nothing runs. */
  refused?: Refusal[];
}
