/**
 * apiVersions Kubernetes stopped serving, by kind, with the release that removed them and the replacement.
 * Kept by hand: @kubernetes/client-node describes only what the current API serves.
 * Source: /work/shared/knowledge/rules.md §5 (Deprecations), and for the kinds it does not list, the Kubernetes
 * "Deprecated API Migration Guide" (the same removals, per release).
 */
export interface RemovedApi {
  apiVersion: string;
  kind: string;
  /** The first release that no longer serves it, as `major.minor`. */
  removedIn: string;
  /** The apiVersion to use instead; absent when there is none (PodSecurityPolicy). */
  replacement?: string;
  /** Moving to the replacement only needs the apiVersion changed (plus, for apps/v1 workloads, a selector). */
  mechanical: boolean;
  note?: string;
}

const ROWS: Array<[string, string[], string, string | undefined, boolean, string?]> = [
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.16', 'apps/v1', true],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1', true],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1', true],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1', true],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.16', undefined, false, 'PodSecurityPolicy moved to policy/v1beta1, itself removed in 1.25; use Pod Security Admission.'],
  ['admissionregistration.k8s.io/v1alpha1', ['InitializerConfiguration'], '1.14', undefined, false, 'Initializers were dropped; use admission webhooks.'],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', false, 'The backend fields changed shape (serviceName/servicePort became service.name/service.port) and pathType is required.'],
  ['networking.k8s.io/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', false, 'The backend fields changed shape (serviceName/servicePort became service.name/service.port) and pathType is required.'],
  ['networking.k8s.io/v1beta1', ['IngressClass'], '1.22', 'networking.k8s.io/v1', true],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1', false, 'v1 requires sideEffects and admissionReviewVersions on each webhook.'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1', false, 'v1 requires a structural schema per version (spec.versions[*].schema.openAPIV3Schema).'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1', true],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1', true],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.22', 'authorization.k8s.io/v1', true],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1', false, 'v1 requires spec.signerName.'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1', true],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1', true],
  ['rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1', true],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1', true],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1', true],
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1', true],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1', false, 'topology became deprecatedTopology, and each endpoint\'s zone a field of its own.'],
  ['events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1', true],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2', false, 'The metric targets changed shape (targetAverageUtilization became target.averageUtilization).'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1', true],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', undefined, false, 'PodSecurityPolicy has no replacement API; use Pod Security Admission (namespace labels).'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1', true],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1', true],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2', true],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1', true],
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1', true],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.32', 'flowcontrol.apiserver.k8s.io/v1', true],
];

const REMOVED = new Map<string, RemovedApi>();
for (const [apiVersion, kinds, removedIn, replacement, mechanical, note] of ROWS) {
  for (const kind of kinds) REMOVED.set(`${apiVersion} ${kind}`, { apiVersion, kind, removedIn, replacement, mechanical, note });
}

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED.get(`${apiVersion} ${kind}`);
}

/** Whether release `version` ("1.34") is at or past `removedIn` ("1.16"). */
export function isAtOrAfter(version: string, removedIn: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  const [removedMajor, removedMinor] = removedIn.split('.').map(Number);
  return major > removedMajor || (major === removedMajor && minor >= removedMinor);
}
