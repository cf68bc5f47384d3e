// Every number the engine assumes, in one place. Kubernetes' own defaults carry
// their source; the rest are documented choices of this simulator (docs/simulation.md).

/** Longest default horizon (seconds) when the scenario does not set one. */
export const MAX_DEFAULT_HORIZON = 1800;
/** Hard upper bound on any horizon: 7 days. */
export const MAX_HORIZON = 7 * 24 * 3600;
/** Bounds that keep a pathological scenario fast. */
export const MAX_INSTANTS = 50_000;
export const MAX_EVENTS = 20_000;
export const MAX_PODS = 1_000;

// --- cluster (simulator choices) ---
export const NODE_COUNT = 3;
/** Allocatable per node: 4 CPU, 16 GiB, 110 pods (a common small worker). */
export const NODE_CPU_MILLI = 4000;
export const NODE_MEMORY_BYTES = 16 * 1024 ** 3;
export const NODE_MAX_PODS = 110;

// --- kubelet timing (simulator choices) ---
/** Sandbox and network set-up after scheduling. */
export const SANDBOX_SECONDS = 1;
/** Pulling an image that is not on the node. */
export const PULL_SECONDS = 5;
/** A pull that fails (registry answers "not found") fails after this long. */
export const PULL_FAIL_SECONDS = 1;
/** A pull of an image already on the node (pullPolicy Always: registry check only). */
export const REPULL_SECONDS = 1;
/** Default run of a regular init container when the scenario does not say. */
export const INIT_RUN_SECONDS = 2;
/** PLEG relists containers this often; a change it sees re-syncs the pod (kubelet plegRelistPeriod). */
export const PLEG_RELIST_SECONDS = 1;
/** The pod worker re-syncs this long after a failed sync (kubelet workerBackOffPeriod, jitter left out). */
export const SYNC_ERROR_RETRY_SECONDS = 10;
/** Exit code of a process that ends on SIGTERM (128 + 15). */
export const SIGTERM_EXIT_CODE = 143;
/** Exit code of a SIGKILLed or OOM-killed process (128 + 9). */
export const SIGKILL_EXIT_CODE = 137;

// --- kubelet (the API server's defaults are in k8s/defaults.ts) ---
/** The runtime always gets at least this much grace (kubelet minimumGracePeriodInSeconds). */
export const MIN_GRACE_SECONDS = 2;
/** Crash loop back-off: first wait 10 s, doubling, at most 300 s; an entry older than 600 s is forgotten. */
export const CRASH_BACKOFF_INITIAL = 10;
export const CRASH_BACKOFF_MAX = 300;
export const CRASH_BACKOFF_RESET = 600;
/** Image pull back-off: 10 s doubling to 300 s; entries expire after 2 x max. */
export const IMAGE_BACKOFF_INITIAL = 10;
export const IMAGE_BACKOFF_MAX = 300;
export const IMAGE_BACKOFF_RESET = 600;

// --- node lifecycle (kube-controller-manager) ---
/** node-monitor-grace-period: the node is marked NotReady this long after it stops reporting (40 s; 50 s in newer releases). */
export const NODE_MONITOR_GRACE_SECONDS = 40;
/** DefaultTolerationSeconds for node.kubernetes.io/unreachable: pods are evicted this long after NotReady. */
export const UNREACHABLE_TOLERATION_SECONDS = 300;

// --- Job controller (pkg/controller/job/job_controller.go) ---
/** Pod events and status-only updates are synced after syncJobBatchPeriod. */
export const JOB_SYNC_BATCH_SECONDS = 1;
/** Pod-failure back-off: DefaultJobPodFailureBackOff 10 s doubling, MaxJobPodFailureBackOff 10 min. */
export const JOB_FAILURE_BACKOFF_INITIAL = 10;
export const JOB_FAILURE_BACKOFF_MAX = 600;
