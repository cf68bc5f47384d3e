/**
 * The plain-words part of each concept hover: what the concept is, said once, as data. The hovers add the facts
 * they compute from the manifest under the cursor.
 */
export const CONCEPTS = {
  nativeSidecar:
    'A **native sidecar** is an init container with `restartPolicy: Always`. It starts before the app containers and keeps running beside them: '
    + 'the next init container (and then the app) waits only until it has *started* (its startupProbe, if any, has passed), not until it exits. '
    + 'It is restarted whenever it exits, whatever the pod\'s restartPolicy, it does not keep a Job\'s pod from completing, '
    + 'and on shutdown it is stopped after the app containers, sidecars in reverse order of declaration.',
  classicSidecar:
    'A second entry in `containers` is a **classic sidecar**: every app container starts at the same time, in no guaranteed order, and they all stop together. '
    + 'A helper written this way may not be up when the app starts, is stopped while the app may still need it, and in a Job keeps the pod from completing. '
    + 'As a native sidecar (moved to `initContainers` with `restartPolicy: Always`) it would start before the app containers and stop after them.',
  initContainers:
    '**Init containers** run one at a time, in order, each to completion (exit 0), before any app container starts. '
    + 'Use them for set-up that must finish first: migrations, waiting for a dependency, fetching configuration. '
    + 'They take no readiness, liveness or startup probes (sidecars, `restartPolicy: Always`, are the exception).',
  podPhases:
    'A **pod\'s phase** is a summary of where it is in its life: **Pending** (accepted, but not all containers have started: scheduling, image pulls, init containers), '
    + '**Running** (bound to a node, at least one container running or restarting), **Succeeded** (every app container exited 0 and none will restart), '
    + '**Failed** (every app container has stopped and at least one failed and will not restart). Succeeded and Failed are final.',
  probes: {
    livenessProbe: 'A **liveness probe** checks that the container still works. When it fails `failureThreshold` times in a row, the kubelet kills the container and restarts it (following the restart policy and back-off).',
    readinessProbe: 'A **readiness probe** checks that the container can take traffic. While it fails, the pod is not Ready and Services send it no traffic; the container is not restarted. Until its first success the container counts as not ready.',
    startupProbe: 'A **startup probe** gives a slow container time to start. Until it succeeds, liveness and readiness probes do not run; if it fails `failureThreshold` times, the container is killed and restarted.',
  },
  resources:
    '**Requests** are what the scheduler reserves on a node for the container; **limits** are the most it may use. '
    + 'Above its CPU limit a container is throttled; above its memory limit it is killed (OOMKilled). A limit without a request makes the request equal to the limit.',
  qos: {
    Guaranteed: '**Guaranteed**: every container has CPU and memory limits equal to its requests. These pods are the last to be evicted when the node runs short of memory.',
    Burstable: '**Burstable**: some requests or limits are set, but not equal limits on every container. Evicted after BestEffort pods, by how far they exceed their requests.',
    BestEffort: '**BestEffort**: no container sets any CPU or memory request or limit. The scheduler reserves nothing for it, and it is the first to be evicted under memory pressure.',
  },
  persistentVolumeClaims:
    'A **PersistentVolumeClaim** asks for storage (a size, access modes, a storage class); Kubernetes binds it to a PersistentVolume, provisioning one if the class allows. '
    + 'A pod that uses a claim is not started until the claim is bound: while it is unbound the pod stays **Pending** '
    + '(with `volumeBindingMode: WaitForFirstConsumer` the volume is provisioned once the pod is scheduled; a claim that does not exist keeps the pod unschedulable).',
  accessModes: {
    ReadWriteOnce: 'ReadWriteOnce: mounted read-write by one node (pods on that node may share it)',
    ReadOnlyMany: 'ReadOnlyMany: mounted read-only by many nodes',
    ReadWriteMany: 'ReadWriteMany: mounted read-write by many nodes',
    ReadWriteOncePod: 'ReadWriteOncePod: mounted read-write by a single pod',
  } as Record<string, string>,
  serviceSelector:
    'A **Service** gives a stable name and virtual IP to a set of pods. Its `selector` picks the pods: every pod whose labels include all of these pairs '
    + '(from any Deployment, StatefulSet, Job or bare Pod in the namespace) becomes an endpoint, once it is Ready.',
  servicePorts:
    'A Service `port` is what clients connect to; `targetPort` is where the traffic lands on the selected pods: a number, or the **name** of a container port, '
    + 'resolved pod by pod (so pods can use different numbers). Without `targetPort`, it is the same as `port`.',
  podLabelsSelectedBy:
    'These **pod labels** are what Services and controllers select pods by.',
  strategy: {
    RollingUpdate: 'A **RollingUpdate** replaces pods gradually: new pods are created (up to `maxSurge` above `replicas`) while old ones are removed (keeping at most `maxUnavailable` below `replicas`).',
    Recreate: 'A **Recreate** rollout stops every old pod first, waits until they are gone, and only then creates the new ones: there is a gap with no pod serving.',
  } as Record<string, string>,
  deploymentSelector:
    'A Deployment\'s **selector** says which pods it owns. It must match the template\'s labels (the API server rejects it otherwise), '
    + 'it cannot be changed after creation in apps/v1, and it should not overlap another controller\'s selector, or they fight over the same pods.',
  imagePull:
    'Before starting a container, the kubelet makes sure its image is on the node. **imagePullPolicy** says when it asks the registry: '
    + 'when it is not written, the API server fills it in from the tag (Always for `:latest` or no tag, IfNotPresent otherwise), and it cannot be changed on a running pod.',
  imagePullPolicy: {
    Always: '**Always**: the kubelet asks the registry for the image digest every time it starts the container (the layers are downloaded only when they changed).',
    IfNotPresent: '**IfNotPresent**: the image is pulled only when it is not already on the node.',
    Never: '**Never**: the image is never pulled; it must already be on the node, or the container fails with ErrImageNeverPull.',
  } as Record<string, string>,
  volumes:
    'A **volume** is storage that the pod\'s containers can mount; it is declared once under `volumes` and mounted by name with `volumeMounts` in each container that needs it.',
  volumeTypes: {
    emptyDir: 'an empty directory created when the pod starts on a node and deleted with the pod; containers of the pod share it',
    configMap: 'files from a ConfigMap (updated in place when the ConfigMap changes, except with subPath)',
    secret: 'files from a Secret, kept in memory (tmpfs) on the node',
    persistentVolumeClaim: 'storage bound through a PersistentVolumeClaim; it outlives the pod',
    hostPath: 'a path on the node itself; what it holds depends on the node the pod lands on',
    projected: 'several sources (ConfigMaps, Secrets, the service account token, downward API) in one directory',
    downwardAPI: 'files with the pod\'s own fields (labels, annotations, resources)',
    ephemeral: 'a PersistentVolumeClaim created for this pod and deleted with it',
    csi: 'a volume provided inline by a CSI driver',
    nfs: 'an NFS share, mounted from the server',
  } as Record<string, string>,
  labels:
    '**Labels** are key/value pairs that identify objects; **selectors** pick objects by their labels. '
    + 'Services, Deployments, ReplicaSets and NetworkPolicies all find their pods this way, so a pod template\'s labels decide who it belongs to and who sends it traffic.',
  terminationGracePeriod:
    'When a pod is deleted, each container first runs its `preStop` hook, then receives SIGTERM; whatever is still running when '
    + '**terminationGracePeriodSeconds** is over is killed with SIGKILL (exit code 137). The default is 30 seconds; `kubectl delete --grace-period` overrides it for one deletion.',
} as const;
