/**
 * Links to the Kubernetes API reference. Stable kinds have a page of their own under
 * https://kubernetes.io/docs/reference/kubernetes-api/<section>/<kind-in-kebab-case>-<version>/; the section is
 * not in the OpenAPI data, so this small table places the kinds (as the reference's own table of contents does).
 * Other kinds and versions link to the one-page reference, whose anchors follow `<kind>-<version>-<group>`.
 */
const SECTIONS: Record<string, string[]> = {
  'workload-resources': ['Pod', 'PodTemplate', 'ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'ControllerRevision', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'PriorityClass', 'DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
  'service-resources': ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'],
  'config-and-storage-resources': ['ConfigMap', 'Secret', 'CSIDriver', 'CSINode', 'CSIStorageCapacity', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass'],
  'authentication-resources': ['ServiceAccount', 'TokenRequest', 'TokenReview', 'CertificateSigningRequest', 'SelfSubjectReview'],
  'authorization-resources': ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'policy-resources': ['FlowSchema', 'LimitRange', 'ResourceQuota', 'NetworkPolicy', 'PodDisruptionBudget', 'PriorityLevelConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'],
  'extend-resources': ['CustomResourceDefinition', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'cluster-resources': ['APIService', 'ComponentStatus', 'Event', 'IPAddress', 'Lease', 'Namespace', 'Node', 'RuntimeClass', 'ServiceCIDR'],
};

const SECTION_OF = new Map<string, string>();
for (const [section, kinds] of Object.entries(SECTIONS)) for (const kind of kinds) SECTION_OF.set(kind, section);

export function apiReferenceUrl(apiVersion: string, kind: string, kubernetesVersion: string): string {
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : 'core';
  const section = SECTION_OF.get(kind);
  if (section && /^v\d+$/.test(version)) {
    return `https://kubernetes.io/docs/reference/kubernetes-api/${section}/${kebab(kind)}-${version}/`;
  }
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${kubernetesVersion}/#${kind.toLowerCase()}-${version}-${group.replace(/\./g, '-')}`;
}

/** `PersistentVolumeClaim` -> `persistent-volume-claim`, `CSIDriver` -> `csi-driver`, `APIService` -> `api-service`. */
export function kebab(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}
