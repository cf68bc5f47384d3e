// The scenario knobs, one descriptor each: its type (which decides validation), its annotation name, its
// form field in the preview and its row in docs/simulation.md. Adding a knob is a row here and a field in
// types.ts (the compiler asks for the row); the engine reads the validated value where it acts.
// Pure data with type-only imports, so the preview's webview may bundle it.
import type { ContainerScenario, Scenario } from './types';

export type KnobType = 'seconds' | 'exitCode' | 'exitCodes' | 'flag' | 'names' | 'image' | 'labels' | 'time' | 'containers';

/** How the preview's form shows the knob. `group` says for which resources it is offered. */
export interface KnobFormField {
  label: string;
  hint: string;
  group: 'pod' | 'deployment' | 'service' | 'container';
  min?: number;
  max?: number;
}

export interface KnobDescriptor {
  type: KnobType;
  /** `podlab.dev/<annotation>` (top-level) or `podlab.dev/<annotation>.<container>`; absent: not written as an annotation. */
  annotation?: string;
  /** The docs row: what the knob means, and what holds without it. */
  meaning: string;
  default: string;
  form?: KnobFormField;
}

/** What a well-formed value of each type looks like, for the InvalidScenario message. */
export const KNOB_EXPECTATIONS: Record<KnobType, string> = {
  seconds: 'seconds (a number >= 0)',
  exitCode: 'an exit code (an integer 0-255)',
  exitCodes: 'a non-empty list of exit codes (integers 0-255)',
  flag: 'true or false',
  names: 'a list of strings',
  image: 'an image reference',
  labels: 'labels (an object of strings, or key=value pairs separated by commas)',
  time: 'a time (RFC 3339, e.g. 2026-01-01T09:00:00Z)',
  containers: 'an object keyed by container name',
};

export const SCENARIO_KNOBS: { readonly [K in keyof Required<Scenario>]: KnobDescriptor } = {
  horizon: {
    type: 'seconds', annotation: 'horizon', meaning: 'seconds to simulate', default: 'until nothing changes any more, at most 1800',
    form: { group: 'pod', label: 'Simulate for (s)', hint: 'how long to simulate; empty: until nothing changes any more', min: 1 },
  },
  pullSeconds: {
    type: 'seconds', annotation: 'pull-seconds', meaning: 'time to pull an image that is not on the node', default: '5',
    form: { group: 'pod', label: 'Image pull takes (s)', hint: 'time to pull an image that is not on the node' },
  },
  cachedImages: {
    type: 'names', annotation: 'cached-images', meaning: 'images on every node at t = 0', default: 'none',
    form: { group: 'pod', label: 'Images already on the node', hint: 'image references, separated by commas or spaces: no pull needed at t=0' },
  },
  deleteAt: {
    type: 'seconds', annotation: 'delete-at', meaning: 'the pod, or every pod of the workload, is deleted at this time', default: 'never',
    form: { group: 'pod', label: 'Delete pod at (s)', hint: 'kubectl delete at this time: preStop, SIGTERM, grace period, SIGKILL' },
  },
  deleteGracePeriodSeconds: {
    type: 'seconds', annotation: 'delete-grace-period-seconds', meaning: 'the grace period of that deletion (`kubectl delete --grace-period`)',
    default: 'the pod\'s terminationGracePeriodSeconds',
    form: { group: 'pod', label: 'with grace period (s)', hint: 'kubectl delete --grace-period; empty: the pod\'s terminationGracePeriodSeconds' },
  },
  nodeLostAt: {
    type: 'seconds', annotation: 'node-lost-at', meaning: 'the node running the first pod stops reporting at this time', default: 'never',
    form: { group: 'pod', label: 'Lose node at (s)', hint: 'the node stops reporting at this time' },
  },
  rolloutAt: {
    type: 'seconds', annotation: 'rollout-at', meaning: 'Deployments: a new template revision is applied at this time (must be after 0)', default: 'never',
    form: { group: 'deployment', label: 'Roll out new revision at (s)', hint: 'a new pod template revision is applied at this time' },
  },
  rolloutImage: {
    type: 'image', annotation: 'rollout-image', meaning: 'the new revision\'s image for the first app container', default: 'same image (a restart)',
    form: { group: 'deployment', label: 'New image', hint: 'image of the first app container in the new revision; empty: same image, like kubectl rollout restart' },
  },
  rolloutContainers: {
    type: 'containers', meaning: 'per-container behaviour of the new revision, over `containers`', default: 'same as `containers`',
  },
  unboundClaims: {
    type: 'names', annotation: 'unbound-claims', meaning: 'claim names that never bind', default: 'none',
    form: { group: 'pod', label: 'Claims that never bind', hint: 'PersistentVolumeClaim names, separated by commas or spaces' },
  },
  serviceSelectorAt: {
    type: 'seconds', annotation: 'service-selector-at', meaning: 'the Services that select the resource switch to `serviceSelector` at this time (blue/green)', default: 'never',
    form: { group: 'service', label: 'Switch Service selector at (s)', hint: 'kubectl patch service at this time: its selector becomes the one below' },
  },
  serviceSelector: {
    type: 'labels', annotation: 'service-selector', meaning: 'the selector they switch to, e.g. `app=web,version=green`', default: '—',
    form: { group: 'service', label: 'New selector', hint: 'key=value pairs separated by commas, e.g. app=web,version=green' },
  },
  maxContainerRestartPeriod: {
    type: 'seconds', annotation: 'max-container-restart-period',
    meaning: 'Kubernetes 1.35+: the node\'s kubelet `crashLoopBackOff.maxContainerRestartPeriod` (1 to 300 s) caps the crash back-off', default: '300',
    form: { group: 'pod', label: 'Crash back-off at most (s)', hint: 'kubelet maxContainerRestartPeriod, 1-300; Kubernetes 1.35+', min: 1, max: 300 },
  },
  startTime: {
    type: 'time', annotation: 'start-time', meaning: 'CronJobs: the wall-clock time at t = 0 (RFC 3339)', default: 'a minute before the schedule\'s first activation from 2026-01-01T00:00:00Z',
    form: { group: 'pod', label: 'Clock at t = 0', hint: 'CronJobs: RFC 3339 time, e.g. 2026-01-01T08:59:00Z' },
  },
  containers: {
    type: 'containers', meaning: 'per-container behaviour, keyed by container name (below)', default: '—',
  },
};

export const CONTAINER_KNOBS: { readonly [K in keyof Required<ContainerScenario>]: KnobDescriptor } = {
  runSeconds: {
    type: 'seconds', annotation: 'run-seconds', meaning: 'each run exits this many seconds after it starts', default: 'runs until stopped; regular init containers 2 s',
    form: { group: 'container', label: 'Exits after (s)', hint: 'each run of the container exits this many seconds after it starts' },
  },
  exitCode: {
    type: 'exitCode', annotation: 'exit-code', meaning: 'exit code of those exits', default: '0',
    form: { group: 'container', label: 'with exit code', hint: 'exit code of those exits (default 0)', min: 0, max: 255 },
  },
  exitCodes: {
    type: 'exitCodes', annotation: 'exit-codes',
    meaning: 'exit code of each successive run of the container, e.g. `[1, 1, 0]`; the last repeats. Runs are counted across the workload\'s pods, so a Job\'s third pod gets the third code. Wins over `exitCode`',
    default: '—',
    form: { group: 'container', label: 'Exit codes of the runs', hint: 'exit code of each run in turn, e.g. 1, 1, 0 (the last one repeats); takes the place of the exit code above' },
  },
  oomKilled: {
    type: 'flag', annotation: 'oom-killed', meaning: 'those exits are OOM kills (137, `OOMKilled`)', default: 'false',
    form: { group: 'container', label: 'Runs end OOMKilled', hint: 'the exits are by the OOM killer (exit 137, reason OOMKilled)' },
  },
  pullFails: {
    type: 'flag', annotation: 'pull-fails', meaning: 'every pull of the container\'s image fails', default: 'false',
    form: { group: 'container', label: 'Image pull fails', hint: 'every pull of the image fails' },
  },
  readyAfterSeconds: {
    type: 'seconds', annotation: 'ready-after-seconds', meaning: 'the readiness probe fails until this many seconds after each start', default: 'passes at once',
    form: { group: 'container', label: 'Readiness fails until (s)', hint: 'the readiness probe fails until this many seconds after start' },
  },
  livenessFailsAfterSeconds: {
    type: 'seconds', annotation: 'liveness-fails-after-seconds', meaning: 'the liveness probe fails from this many seconds after each start', default: 'never fails',
    form: { group: 'container', label: 'Liveness fails from (s)', hint: 'the liveness probe fails from this many seconds after start' },
  },
  startedAfterSeconds: {
    type: 'seconds', annotation: 'started-after-seconds', meaning: 'the startup probe fails until this many seconds after each start', default: 'passes at once',
    form: { group: 'container', label: 'Startup probe fails until (s)', hint: 'the startup probe fails until this many seconds after start' },
  },
  sigtermExitSeconds: {
    type: 'seconds', annotation: 'sigterm-exit-seconds', meaning: 'seconds from SIGTERM to exit', default: 'at once',
    form: { group: 'container', label: 'Exits after SIGTERM (s)', hint: 'seconds from SIGTERM to exit (default: at once)' },
  },
  sigtermExitCode: {
    type: 'exitCode', annotation: 'sigterm-exit-code', meaning: 'exit code of that exit', default: '143',
    form: { group: 'container', label: 'SIGTERM exit code', hint: 'exit code when the process ends on SIGTERM (default 143)', min: 0, max: 255 },
  },
  preStopSeconds: {
    type: 'seconds', annotation: 'prestop-seconds', meaning: 'how long the preStop hook runs', default: 'read from the manifest, else 0',
    form: { group: 'container', label: 'preStop hook runs for (s)', hint: 'default: read from lifecycle.preStop, else 0' },
  },
};
