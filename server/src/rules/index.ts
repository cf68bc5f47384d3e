import type { Rule } from './types';
import duplicateName from './duplicate-name';
import hostNamespace from './host-namespace';
import hostPath from './host-path';
import imageTag from './image-tag';
import imageTagPlaceholder from './image-tag-placeholder';
import invalidLabel from './invalid-label';
import invalidName from './invalid-name';
import invalidPort from './invalid-port';
import invalidPortName from './invalid-port-name';
import invalidProbe from './invalid-probe';
import invalidQuantity from './invalid-quantity';
import invalidIntOrPercent from './invalid-int-or-percent';
import invalidRestartPolicy from './invalid-restart-policy';
import indexedJobCompletions from './indexed-job-completions';
import missingLivenessProbe from './missing-liveness-probe';
import missingReadinessProbe from './missing-readiness-probe';
import missingResources from './missing-resources';
import nativeSidecar from './native-sidecar';
import privilegeEscalation from './privilege-escalation';
import privileged from './privileged';
import requestsExceedLimits from './requests-exceed-limits';
import runAsRoot from './run-as-root';
import selectorMismatch from './selector-mismatch';
import singleReplica from './single-replica';
import undefinedVolume from './undefined-volume';
import serviceNoMatch from './service-no-match';
import serviceTargetPort from './service-target-port';
import pvcNotFound from './pvc-not-found';
import configRefNotFound from './config-ref-not-found';
import duplicateResource from './duplicate-resource';

/** Every rule, in the order docs/rules.md lists them: what the API server rejects first, then best practice. */
export const RULES: readonly Rule[] = [
  invalidName,
  duplicateName,
  invalidPort,
  invalidPortName,
  selectorMismatch,
  invalidRestartPolicy,
  indexedJobCompletions,
  undefinedVolume,
  invalidLabel,
  invalidProbe,
  invalidQuantity,
  invalidIntOrPercent,
  requestsExceedLimits,
  imageTag,
  imageTagPlaceholder,
  missingResources,
  missingReadinessProbe,
  missingLivenessProbe,
  privileged,
  runAsRoot,
  privilegeEscalation,
  hostNamespace,
  hostPath,
  nativeSidecar,
  singleReplica,
  serviceNoMatch,
  serviceTargetPort,
  pvcNotFound,
  configRefNotFound,
  duplicateResource,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
