/** Checks of other linters whose exemption annotations Podlab honours, and the Podlab rules they stand for. */

/** kube-linter check names (`ignore-check.kube-linter.io/<check>`). */
export const KUBE_LINTER_CHECKS: Record<string, readonly string[]> = {
  'latest-tag': ['image-tag'],
  'unset-cpu-requirements': ['missing-resources'],
  'unset-memory-requirements': ['missing-resources'],
  'no-readiness-probe': ['missing-readiness-probe'],
  'no-liveness-probe': ['missing-liveness-probe'],
  'privileged-container': ['privileged'],
  'run-as-non-root': ['run-as-root'],
  'privilege-escalation-container': ['privilege-escalation'],
  'host-network': ['host-namespace'],
  'host-pid': ['host-namespace'],
  'host-ipc': ['host-namespace'],
  'sensitive-host-mounts': ['host-path'],
  'docker-sock': ['host-path'],
  'writable-host-mount': ['host-path'],
  'mismatching-selector': ['selector-mismatch'],
  'invalid-target-ports': ['invalid-port-name'],
  'minimum-three-replicas': ['single-replica'],
  'restart-policy': ['invalid-restart-policy'],
  'dangling-service': ['service-no-match'],
  'env-value-from': ['config-ref-not-found'],
};

/** Polaris check ids (`polaris.fairwinds.com/<check>-exempt: "true"`). */
export const POLARIS_CHECKS: Record<string, readonly string[]> = {
  tagNotSpecified: ['image-tag'],
  cpuRequestsMissing: ['missing-resources'],
  memoryRequestsMissing: ['missing-resources'],
  cpuLimitsMissing: ['missing-resources'],
  memoryLimitsMissing: ['missing-resources'],
  readinessProbeMissing: ['missing-readiness-probe'],
  livenessProbeMissing: ['missing-liveness-probe'],
  runAsPrivileged: ['privileged'],
  runAsRootAllowed: ['run-as-root'],
  privilegeEscalationAllowed: ['privilege-escalation'],
  hostNetworkSet: ['host-namespace'],
  hostPIDSet: ['host-namespace'],
  hostIPCSet: ['host-namespace'],
  hostPathSet: ['host-path'],
  deploymentMissingReplicas: ['single-replica'],
};
