/**
 * What the API server fills in when a field is not written (kubernetes/kubernetes pkg/apis/core/v1/defaults.go,
 * pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go), and the restart policies each kind accepts
 * (pkg/apis/core/validation, apps and batch validation).
 */

/** SetDefaults_PodSpec: v1.DefaultTerminationGracePeriodSeconds. */
export const TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** SetDefaults_Probe (initialDelaySeconds stays 0). */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

export type ProbeTiming = keyof typeof PROBE_DEFAULTS;

export const DEFAULT_REPLICAS = 1;
/** SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go). */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_NAMESPACE = 'default';

/** SetDefaults_Job (pkg/apis/batch/v1/defaults.go): 6, or MaxInt32 when backoffLimitPerIndex is set. */
export function defaultBackoffLimit(perIndexLimitSet: boolean): number {
  return perIndexLimitSet ? 2147483647 : 6;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export const RESTART_POLICIES: readonly RestartPolicy[] = ['Always', 'OnFailure', 'Never'];

/** Kinds whose pods run to completion (a Job's, or a CronJob's Jobs'): `Always` is rejected there. */
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);
/** Controllers that replace pods instead of letting them finish: only `Always` is accepted in their templates. */
const ALWAYS_ONLY = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet']);

export function runsToCompletion(kind: string | undefined): boolean {
  return RUN_TO_COMPLETION.has(kind ?? '');
}

/** The pod restartPolicy values the API server accepts for a kind's pods. */
export function allowedRestartPolicies(kind: string | undefined): readonly RestartPolicy[] {
  if (ALWAYS_ONLY.has(kind ?? '')) return ['Always'];
  if (runsToCompletion(kind)) return ['OnFailure', 'Never'];
  return RESTART_POLICIES;
}

/**
 * The restartPolicy a kind's pods get when none is written: SetDefaults_PodSpec gives Always, so a Job or CronJob
 * must write one (its `Always` default is then rejected); undefined there.
 */
export function defaultRestartPolicy(kind: string | undefined): RestartPolicy | undefined {
  return runsToCompletion(kind) ? undefined : 'Always';
}

/** The only restartPolicy an init container may have: it makes the container a native sidecar. */
export const INIT_CONTAINER_RESTART_POLICY = 'Always';

