// The result of the `podlab/simulate` request as the panel reads it: the protocol's types (server/src/protocol),
// with what the panel does without relaxed. Everything here crosses a process boundary, so the panel checks it
// with `readSimulationResult` before drawing anything.
import type * as protocol from '../../server/src/protocol';

export type ContainerRole = protocol.ContainerRole;
export type ContainerStateName = protocol.ContainerStateName;
export type EventType = protocol.EventType;
/** The protocol's, and `Unknown`, which the panel draws too (the Kubernetes API has it). */
export type ConditionStatus = protocol.ConditionStatus | 'Unknown';

/** The panel does not show who reported an event. */
export type SimulatedEvent = Omit<protocol.SimEvent, 'source'>;

/** `started` may be absent (it then follows `state`). */
export type SimulatedContainer = Omit<protocol.ContainerFrame, 'started'> & Partial<Pick<protocol.ContainerFrame, 'started'>>;

/** The panel tells pods apart by name, draws any phase and condition, and computes the STATUS column when it is absent. */
export type SimulatedPod = Omit<protocol.PodFrame, 'uid' | 'phase' | 'status' | 'conditions' | 'containers'> & {
  phase: string;
  status?: string;
  conditions: Record<string, ConditionStatus>;
  containers: SimulatedContainer[];
};

export type SimulatedReplicaSet = Omit<protocol.ReplicaSetFrame, 'name'> & Partial<Pick<protocol.ReplicaSetFrame, 'name'>>;

export type SimulationFrame = Omit<protocol.Frame, 'pods' | 'replicaSets' | 'jobs'> & {
  pods: SimulatedPod[];
  replicaSets?: SimulatedReplicaSet[];
};

/** The panel runs to the last frame, whatever the horizon. */
export type SimulationResult = Omit<protocol.SimulationResult, 'events' | 'frames' | 'horizon'> & {
  events: SimulatedEvent[];
  frames: SimulationFrame[];
};
