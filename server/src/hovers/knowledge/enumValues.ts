/**
 * What each value of the enumerations met in Pods, Deployments, Services and PVCs does, for hover and completion.
 * The generated schema lists the values but not their meanings. Written from rules.md, lifecycle.md and the
 * Kubernetes API reference. Keyed by the API type that declares the field (the schema's type names).
 */
type Meanings = Readonly<Record<string, string>>;

const POD_RESTART_POLICY: Meanings = {
  Always: 'The kubelet restarts every container whenever it exits, whatever its exit code (with a growing back-off: CrashLoopBackOff). The only value a Deployment, ReplicaSet, StatefulSet or DaemonSet template accepts.',
  OnFailure: 'A container that exits with a non-zero code is restarted; one that exits with 0 stays terminated. The pod succeeds once every container has exited with 0. A Job accepts this or Never.',
  Never: 'No container is restarted. When all containers have stopped, the pod ends Succeeded (every exit code 0) or Failed. A Job accepts this or OnFailure.',
};

const CONTAINER_RESTART_POLICY: Meanings = {
  Always: 'On an init container, makes it a sidecar: it starts in init order, the next init container does not wait for it to finish, it is restarted whenever it exits, and it is stopped after the regular containers. The only value an init container accepts.',
  OnFailure: 'Only for a regular container, on clusters with the ContainerRestartRules feature gate (alpha since 1.34): restarted after a non-zero exit, whatever the pod\'s restartPolicy. Elsewhere the API server rejects restartPolicy on a regular container.',
  Never: 'Only for a regular container, on clusters with the ContainerRestartRules feature gate (alpha since 1.34): never restarted, whatever the pod\'s restartPolicy. Elsewhere the API server rejects restartPolicy on a regular container.',
};

const IMAGE_PULL_POLICY: Meanings = {
  Always: 'Each time the container starts, the kubelet asks the registry for the image\'s digest and pulls it if the node does not hold that digest. The start fails (ErrImagePull, then ImagePullBackOff) when the registry cannot be reached. The default for a `:latest` or untagged image.',
  IfNotPresent: 'The kubelet pulls the image only when the node does not already have it. The default for any other tag or a digest.',
  Never: 'The kubelet never pulls: the image must already be on the node, otherwise the container waits with ErrImageNeverPull.',
};

const PROTOCOL: Meanings = {
  TCP: 'TCP, the default.',
  UDP: 'UDP (for example DNS on port 53).',
  SCTP: 'SCTP; the cluster\'s network plugin must support it.',
};

const SERVICE_TYPE: Meanings = {
  ClusterIP: 'The default: the Service gets a virtual IP reachable only from inside the cluster.',
  NodePort: 'As ClusterIP, and each port is also opened on every node, on a port from the node-port range (30000-32767 by default; `nodePort` picks one).',
  LoadBalancer: 'As NodePort, and the cloud provider (or a load-balancer controller) provisions an external load balancer that forwards to the Service.',
  ExternalName: 'No proxying and no virtual IP: cluster DNS answers the Service\'s name with a CNAME for `externalName`. The selector and ports are not used for routing.',
};

const TRAFFIC_POLICY_EXTERNAL: Meanings = {
  Cluster: 'The default: traffic arriving at a node port or load balancer may be forwarded to a ready endpoint on any node. Spreads load evenly, but the client\'s source IP is replaced by the node\'s.',
  Local: 'Traffic is sent only to endpoints on the node that received it, so the client\'s source IP is kept. A node with no local endpoint drops it; the load balancer\'s health check (`healthCheckNodePort`) takes such nodes out.',
};

const TRAFFIC_POLICY_INTERNAL: Meanings = {
  Cluster: 'The default: traffic to the ClusterIP from inside the cluster may go to any ready endpoint.',
  Local: 'Traffic from a pod goes only to endpoints on the pod\'s own node; it is dropped when that node has none.',
};

const SESSION_AFFINITY: Meanings = {
  None: 'The default: each connection may go to any endpoint.',
  ClientIP: 'Connections from the same client IP go to the same endpoint, for `sessionAffinityConfig.clientIP.timeoutSeconds` (10800 s, three hours, by default).',
};

const IP_FAMILY_POLICY: Meanings = {
  SingleStack: 'One IP family: the first of `ipFamilies`, or the cluster\'s default. The default when the field is left out.',
  PreferDualStack: 'Both IPv4 and IPv6 cluster IPs when the cluster is dual-stack, one otherwise.',
  RequireDualStack: 'Both IPv4 and IPv6 cluster IPs; creating the Service fails on a single-stack cluster.',
};

const IP_FAMILY: Meanings = {
  IPv4: 'An IPv4 cluster IP.',
  IPv6: 'An IPv6 cluster IP.',
};

const DEPLOYMENT_STRATEGY: Meanings = {
  RollingUpdate: 'The default: a new ReplicaSet is scaled up while the old one is scaled down, within `maxSurge` extra and `maxUnavailable` missing pods (25% each by default). Old and new versions serve side by side during the rollout.',
  Recreate: 'The old ReplicaSet is scaled to zero and its pods must be gone before any new pod is created: a gap with no pods, but two versions never run at once.',
};

const WORKLOAD_UPDATE_STRATEGY: Meanings = {
  RollingUpdate: 'The default: pods are replaced automatically when the template changes.',
  OnDelete: 'Pods are not replaced when the template changes; a pod gets the new template only after you delete it.',
};

const ACCESS_MODE: Meanings = {
  ReadWriteOnce: 'Mounted read-write by one node at a time; several pods on that node may share it.',
  ReadOnlyMany: 'Mounted read-only by many nodes at once.',
  ReadWriteMany: 'Mounted read-write by many nodes at once; only some storage (NFS, CephFS, ...) supports it.',
  ReadWriteOncePod: 'Mounted read-write by a single pod in the whole cluster (CSI volumes only).',
};

const VOLUME_MODE: Meanings = {
  Filesystem: 'The default: the volume is formatted with a filesystem and mounted as a directory (`volumeMounts`).',
  Block: 'The volume is handed to the container as a raw block device, through `volumeDevices`, with no filesystem.',
};

const DNS_POLICY: Meanings = {
  ClusterFirst: 'The default: lookups go to the cluster DNS, which forwards names outside the cluster domain upstream. A pod with `hostNetwork: true` falls back to Default with this policy.',
  ClusterFirstWithHostNet: 'The cluster DNS, even for a pod with `hostNetwork: true` (set this for such pods that must resolve Services).',
  Default: 'The pod takes the node\'s resolver configuration (the kubelet\'s resolv.conf) and does not use the cluster DNS. Despite the name, not the default.',
  None: 'Neither the cluster\'s nor the node\'s DNS settings: everything comes from `dnsConfig`, which must then give at least one nameserver.',
};

const TERMINATION_MESSAGE_POLICY: Meanings = {
  File: 'The default: the termination message is read only from the file at `terminationMessagePath`.',
  FallbackToLogsOnError: 'When that file is empty and the container exited with an error, the end of its log (up to 2048 bytes or 80 lines) becomes the message.',
};

const PREEMPTION_POLICY: Meanings = {
  PreemptLowerPriority: 'The default: when the pod does not fit, the scheduler may evict lower-priority pods to make room.',
  Never: 'The pod waits in the scheduling queue ahead of lower-priority pods but never evicts any pod.',
};

const FS_GROUP_CHANGE_POLICY: Meanings = {
  Always: 'The default: at every mount, the kubelet changes the owner and permissions of every file in the volume to match `fsGroup`; slow on large volumes.',
  OnRootMismatch: 'The ownership and permissions are changed only when the volume\'s root does not already match, which makes later mounts fast.',
};

const SUPPLEMENTAL_GROUPS_POLICY: Meanings = {
  Merge: 'The default: the groups the image\'s /etc/group gives the container\'s user are added to `fsGroup`, `supplementalGroups` and `runAsGroup`.',
  Strict: 'Only `fsGroup`, `supplementalGroups` and `runAsGroup`; the image\'s /etc/group is ignored.',
};

const SELINUX_CHANGE_POLICY: Meanings = {
  MountOption: 'Volumes that support it are mounted with the pod\'s SELinux label as a mount option: fast, with no relabelling.',
  Recursive: 'Every file of every volume is relabelled, one by one; needed when pods with different labels share a volume.',
};

const SECURITY_PROFILE_TYPE: Meanings = {
  RuntimeDefault: 'The container runtime\'s default profile.',
  Unconfined: 'No profile: the container is not confined.',
  Localhost: 'A profile that is already on the node, named by `localhostProfile`.',
};

const HTTP_SCHEME: Meanings = {
  HTTP: 'The default: plain HTTP.',
  HTTPS: 'HTTPS; the kubelet does not verify the certificate.',
};

const TOLERATION_OPERATOR: Meanings = {
  Equal: 'The default: tolerates a taint with this `key` and this `value`.',
  Exists: 'Tolerates a taint with this `key` whatever its value; with no `key`, tolerates every taint.',
  Lt: 'Tolerates a taint with this `key` whose value, read as an integer, is less than `value` (needs the TaintTolerationComparisonOperators feature gate).',
  Gt: 'Tolerates a taint with this `key` whose value, read as an integer, is greater than `value` (needs the TaintTolerationComparisonOperators feature gate).',
};

const TAINT_EFFECT: Meanings = {
  NoSchedule: 'Pods that do not tolerate the taint are not scheduled on the node; pods already there stay.',
  PreferNoSchedule: 'The scheduler avoids the node for pods that do not tolerate the taint, but may still use it.',
  NoExecute: 'Pods that do not tolerate the taint are not scheduled there and are evicted if running (after `tolerationSeconds`, when set).',
};

const WHEN_UNSATISFIABLE: Meanings = {
  DoNotSchedule: 'The default: the pod stays Pending rather than exceed `maxSkew`.',
  ScheduleAnyway: 'The pod is scheduled anyway; the scheduler only prefers nodes that lower the skew.',
};

const NODE_INCLUSION_POLICY: Meanings = {
  Honor: 'Only nodes that pass this filter count when the skew is computed.',
  Ignore: 'All nodes count when the skew is computed, whether or not they pass this filter.',
};

const LABEL_OPERATOR: Meanings = {
  In: 'The label\'s value is one of `values`.',
  NotIn: 'The label is absent or its value is none of `values`.',
  Exists: 'The label is present, whatever its value (`values` must be empty).',
  DoesNotExist: 'The label is absent (`values` must be empty).',
};

const NODE_OPERATOR: Meanings = {
  ...LABEL_OPERATOR,
  Gt: 'The label\'s value, read as an integer, is greater than the single entry of `values`.',
  Lt: 'The label\'s value, read as an integer, is less than the single entry of `values`.',
};

const RESIZE_RESTART_POLICY: Meanings = {
  NotRequired: 'The default: the resource is resized in place, without restarting the container.',
  RestartContainer: 'The container is restarted to apply the new amount (for example memory for a runtime that reads it at start).',
};

const ENUM_MEANINGS: Readonly<Record<string, Readonly<Record<string, Meanings>>>> = {
  V1PodSpec: { restartPolicy: POD_RESTART_POLICY, dnsPolicy: DNS_POLICY, preemptionPolicy: PREEMPTION_POLICY },
  V1Container: { imagePullPolicy: IMAGE_PULL_POLICY, terminationMessagePolicy: TERMINATION_MESSAGE_POLICY, restartPolicy: CONTAINER_RESTART_POLICY },
  V1EphemeralContainer: { imagePullPolicy: IMAGE_PULL_POLICY, terminationMessagePolicy: TERMINATION_MESSAGE_POLICY },
  V1ContainerPort: { protocol: PROTOCOL },
  V1ServicePort: { protocol: PROTOCOL },
  V1ServiceSpec: {
    type: SERVICE_TYPE,
    externalTrafficPolicy: TRAFFIC_POLICY_EXTERNAL,
    internalTrafficPolicy: TRAFFIC_POLICY_INTERNAL,
    sessionAffinity: SESSION_AFFINITY,
    ipFamilyPolicy: IP_FAMILY_POLICY,
    ipFamilies: IP_FAMILY,
  },
  V1DeploymentStrategy: { type: DEPLOYMENT_STRATEGY },
  V1StatefulSetUpdateStrategy: { type: WORKLOAD_UPDATE_STRATEGY },
  V1DaemonSetUpdateStrategy: { type: WORKLOAD_UPDATE_STRATEGY },
  V1PersistentVolumeClaimSpec: { accessModes: ACCESS_MODE, volumeMode: VOLUME_MODE },
  V1PersistentVolumeSpec: { accessModes: ACCESS_MODE, volumeMode: VOLUME_MODE },
  V1PodSecurityContext: {
    fsGroupChangePolicy: FS_GROUP_CHANGE_POLICY,
    supplementalGroupsPolicy: SUPPLEMENTAL_GROUPS_POLICY,
    seLinuxChangePolicy: SELINUX_CHANGE_POLICY,
  },
  V1SeccompProfile: { type: SECURITY_PROFILE_TYPE },
  V1AppArmorProfile: { type: SECURITY_PROFILE_TYPE },
  V1HTTPGetAction: { scheme: HTTP_SCHEME },
  V1Toleration: { operator: TOLERATION_OPERATOR, effect: TAINT_EFFECT },
  V1TopologySpreadConstraint: { whenUnsatisfiable: WHEN_UNSATISFIABLE, nodeAffinityPolicy: NODE_INCLUSION_POLICY, nodeTaintsPolicy: NODE_INCLUSION_POLICY },
  V1LabelSelectorRequirement: { operator: LABEL_OPERATOR },
  V1NodeSelectorRequirement: { operator: NODE_OPERATOR },
  V1ContainerResizePolicy: { restartPolicy: RESIZE_RESTART_POLICY },
};

/** What `value` of the field `field` of the API type `typeName` does, if known. */
export function enumValueMeaning(typeName: string | undefined, field: string, value: string): string | undefined {
  if (!typeName) return undefined;
  const meanings = ENUM_MEANINGS[typeName]?.[field];
  return meanings && Object.hasOwn(meanings, value) ? meanings[value] : undefined;
}

/** Every type/field pair with meanings, for tests that keep this table in step with the schema. */
export function enumMeaningEntries(): Array<{ typeName: string; field: string; values: string[] }> {
  return Object.entries(ENUM_MEANINGS).flatMap(([typeName, fields]) =>
    Object.entries(fields).map(([field, meanings]) => ({ typeName, field, values: Object.keys(meanings) })));
}
