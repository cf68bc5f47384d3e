// Facts about the Kubernetes API that @kubernetes/client-node does not carry, kept by hand and small.
// Source of each: /work/shared/knowledge/rules.md (cited per table). The generator merges them into the schema.

/**
 * Fields whose OpenAPI type is resource.Quantity. The client's generator erases that type to `string`, but the API
 * server decodes a quantity from a YAML number too (`cpu: 1`, `memory: 0.5`). rules.md §1 F15 gives the grammar.
 * `{}` marks a map of quantities.
 */
export const QUANTITY_FIELDS = {
  V1ResourceRequirements: { limits: '{}', requests: '{}' },
  V1VolumeResourceRequirements: { limits: '{}', requests: '{}' },
  V1LimitRangeItem: { default: '{}', defaultRequest: '{}', max: '{}', min: '{}', maxLimitRequestRatio: '{}' },
  V1ResourceQuotaSpec: { hard: '{}' },
  V1ResourceQuotaStatus: { hard: '{}', used: '{}' },
  V1EmptyDirVolumeSource: { sizeLimit: '' },
  V1ResourceFieldSelector: { divisor: '' },
  V1PodSpec: { overhead: '{}' },
  V1Overhead: { podFixed: '{}' },
  V1PersistentVolumeSpec: { capacity: '{}' },
  V1PersistentVolumeClaimStatus: { capacity: '{}', allocatedResources: '{}' },
  V1NodeStatus: { capacity: '{}', allocatable: '{}' },
  V1ContainerStatus: { allocatedResources: '{}' },
  V1CSIStorageCapacity: { capacity: '', maximumVolumeSize: '' },
  V2MetricTarget: { value: '', averageValue: '' },
  V2MetricValueStatus: { value: '', averageValue: '' },
  V1DeviceCapacity: { value: '' },
};

/**
 * Required by the API server's validation although the OpenAPI marks them optional (rules.md §2.2: a container's
 * image is required in Pods and templates; §2.13: a PVC needs access modes and a storage request).
 */
export const VALIDATION_REQUIRED = {
  V1Container: ['image'],
  V1PersistentVolumeClaimSpec: ['accessModes', 'resources'],
  V1VolumeResourceRequirements: ['requests'],
};

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const PROFILE_TYPES = ['RuntimeDefault', 'Localhost', 'Unconfined'];
const INCLUSION_POLICIES = ['Honor', 'Ignore'];

/**
 * Closed sets of values the API server's validation accepts but the descriptions do not list in a form the generator
 * reads (rules.md §2.13 PVC access modes, §2.3 protocols; the others from the API reference's enum markers).
 */
export const EXTRA_ENUMS = {
  V1PersistentVolumeClaimSpec: { accessModes: ACCESS_MODES, volumeMode: ['Filesystem', 'Block'] },
  V1PersistentVolumeSpec: { accessModes: ACCESS_MODES, volumeMode: ['Filesystem', 'Block'] },
  V1Container: { terminationMessagePolicy: ['File', 'FallbackToLogsOnError'], restartPolicy: ['Always', 'OnFailure', 'Never'] },
  V1EphemeralContainer: { terminationMessagePolicy: ['File', 'FallbackToLogsOnError'] },
  V1ServiceSpec: {
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ipFamilies: ['IPv4', 'IPv6'],
  },
  V1StatefulSetUpdateStrategy: { type: ['RollingUpdate', 'OnDelete'] },
  V1SeccompProfile: { type: PROFILE_TYPES },
  V1AppArmorProfile: { type: PROFILE_TYPES },
  V1HTTPGetAction: { scheme: ['HTTP', 'HTTPS'] },
  V1Toleration: { operator: ['Equal', 'Exists', 'Lt', 'Gt'] },
  V1TopologySpreadConstraint: { whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'], nodeAffinityPolicy: INCLUSION_POLICIES, nodeTaintsPolicy: INCLUSION_POLICIES },
  V1LabelSelectorRequirement: { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  V1NodeSelectorRequirement: { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] },
  V1ContainerResizePolicy: { restartPolicy: ['NotRequired', 'RestartContainer'] },
};

/**
 * What the API server fills in before validation (rules.md §3): never reported as missing, and shown on hover.
 */
export const SERVER_DEFAULTS = {
  V1ContainerPort: { protocol: 'TCP' },
  V1ServicePort: { protocol: 'TCP', targetPort: 'the value of `port`' },
  V1Container: {
    imagePullPolicy: '`Always` when the image tag is `latest` or missing, otherwise `IfNotPresent`',
    terminationMessagePolicy: 'File',
    terminationMessagePath: '/dev/termination-log',
  },
  V1PodSpec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: '30', schedulerName: 'default-scheduler' },
  V1Probe: { timeoutSeconds: '1', periodSeconds: '10', successThreshold: '1', failureThreshold: '3' },
  V1HTTPGetAction: { path: '/', scheme: 'HTTP' },
  V1ServiceSpec: { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' },
  V1DeploymentSpec: {
    replicas: '1',
    strategy: 'RollingUpdate with maxSurge 25% and maxUnavailable 25%',
    revisionHistoryLimit: '10',
    progressDeadlineSeconds: '600',
  },
  V1DeploymentStrategy: { type: 'RollingUpdate' },
  V1RollingUpdateDeployment: { maxSurge: '25%', maxUnavailable: '25%' },
};
