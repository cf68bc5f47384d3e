/**
 * Manifests whose inputs to a check come through an alias (`*name`) or a merge key (`<<`). `rule` is the check that
 * reads them (a rule id or a schema code); `atAlias`: one of its findings is on what an alias stands for.
 */
export interface AnchorCase {
  name: string;
  rule: string;
  text: string;
  /** The check reports nothing on it (a false finding before aliases were resolved). */
  silent?: boolean;
  atAlias?: boolean;
}

const pod = (spec: string, metadata = '  name: web\n') => `apiVersion: v1\nkind: Pod\nmetadata:\n${metadata}spec:\n${spec}`;
const deployment = (spec: string, labels = '{app: shop}', name = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: &labels ${labels}
spec:
${spec}`;
const SAFE = 'securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}';
const RESOURCES = 'resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}';
const PROBES = 'readinessProbe: &probe {httpGet: {path: /, port: 80}}\n      livenessProbe: *probe';

export const ISSUE_EXAMPLE = deployment(`  selector:
    matchLabels: *labels
  template:
    metadata: {labels: *labels}
    spec:
      containers:
        - &base {name: api, image: ghcr.io/acme/api:1.2.3}
        - <<: *base
          name: worker
`);

export const ANCHOR_CASES: AnchorCase[] = [
  { name: 'the issue example: a selector through an alias', rule: 'selector-mismatch', text: ISSUE_EXAMPLE, silent: true },
  { name: 'the issue example: an image through a merge key', rule: 'missing-required', text: ISSUE_EXAMPLE, silent: true },
  {
    name: 'a selector alias that wants a label the template lacks',
    rule: 'selector-mismatch',
    atAlias: true,
    text: deployment('  selector:\n    matchLabels: *labels\n  template:\n    metadata: {labels: {app: shop}}\n    spec:\n      containers: [{name: api, image: nginx:1.27}]\n', '{app: shop, tier: db}'),
  },
  {
    name: 'a container merged from one with no tag',
    rule: 'image-tag',
    atAlias: true,
    text: pod(`  containers:\n    - &base {name: a, image: nginx, ${SAFE}}\n    - <<: *base\n      name: b\n`),
  },
  {
    name: 'a merged image with a pinned tag, overridden by a local one without',
    rule: 'image-tag',
    text: pod(`  containers:\n    - &base {name: a, image: nginx:1.27}\n    - <<: *base\n      name: b\n      image: busybox\n`),
  },
  { name: 'two merges: the first map wins', rule: 'image-tag', atAlias: true, text: pod(`  containers:\n    - &a {name: a, image: nginx}\n    - &b {name: b, image: nginx:1.27}\n    - <<: [*a, *b]\n      name: c\n`) },
  { name: 'a container merged without a new name', rule: 'duplicate-name', atAlias: true, text: pod(`  containers:\n    - &base {name: api, image: nginx:1.27}\n    - <<: *base\n      args: [worker]\n`) },
  {
    name: 'a name through an alias, in a second document',
    rule: 'duplicate-resource',
    text: `${pod('  containers: [{name: a, image: nginx:1.27}]\n')}---\n${pod('  containers: [{name: a, image: nginx:1.27}]\n', '  labels: {app: &n web}\n  name: *n\n')}`,
  },
  { name: 'host namespaces through an alias of a scalar', rule: 'host-namespace', text: pod('  hostNetwork: &yes true\n  hostPID: *yes\n  containers: [{name: a, image: nginx:1.27}]\n') },
  { name: 'a hostPath volume merged into another', rule: 'host-path', atAlias: true, text: pod('  containers: [{name: a, image: nginx:1.27}]\n  volumes:\n    - &v {name: logs, hostPath: {path: /var/log}}\n    - <<: *v\n      name: more\n') },
  { name: 'labels reused as a selector and template labels', rule: 'invalid-label', atAlias: true, text: deployment('  selector: {matchLabels: *labels}\n  template:\n    metadata: {labels: *labels}\n    spec:\n      containers: [{name: a, image: nginx:1.27}]\n', '{"app!": shop}') },
  { name: 'an invalid container name inherited', rule: 'invalid-name', atAlias: true, text: pod(`  containers:\n    - &base {name: API_1, image: nginx:1.27}\n    - <<: *base\n      image: busybox:1.36\n`) },
  { name: 'ports shared by two containers', rule: 'invalid-port-name', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, ports: &ports [{name: http_port, containerPort: 8080}]}\n    - {name: b, image: nginx:1.27, ports: *ports}\n') },
  { name: 'a port number through an alias', rule: 'invalid-port', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, ports: [{containerPort: &p 70000}]}\n    - {name: b, image: nginx:1.27, ports: [{containerPort: *p, name: other}]}\n') },
  { name: 'a probe without a handler reused', rule: 'invalid-probe', text: pod('  containers:\n    - name: a\n      image: nginx:1.27\n      readinessProbe: &probe {periodSeconds: 5}\n      livenessProbe: *probe\n') },
  { name: 'resources shared by two containers', rule: 'invalid-quantity', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, resources: &r {limits: {cpu: lots}}}\n    - {name: b, image: nginx:1.27, resources: *r}\n') },
  { name: 'requests over limits in shared resources', rule: 'requests-exceed-limits', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, resources: &r {requests: {cpu: "2"}, limits: {cpu: "1"}}}\n    - {name: b, image: nginx:1.27, resources: *r}\n') },
  { name: 'a restart policy through an alias', rule: 'invalid-restart-policy', atAlias: true, text: deployment('  selector: {matchLabels: *labels}\n  template:\n    metadata: {labels: {app: shop, policy: &rp Never}}\n    spec:\n      restartPolicy: *rp\n      containers: [{name: a, image: nginx:1.27}]\n') },
  { name: 'probes inherited through a merge key', rule: 'missing-liveness-probe', silent: true, text: pod(`  containers:\n    - &base\n      name: a\n      image: nginx:1.27\n      ports: [{containerPort: 80}]\n      ${PROBES}\n    - <<: *base\n      name: b\n`) },
  { name: 'readiness inherited through a merge key', rule: 'missing-readiness-probe', silent: true, text: pod(`  containers:\n    - &base\n      name: a\n      image: nginx:1.27\n      ports: [{containerPort: 80}]\n      ${PROBES}\n    - <<: *base\n      name: b\n`) },
  { name: 'no probes on the merged container either', rule: 'missing-readiness-probe', text: pod('  containers:\n    - &base {name: a, image: nginx:1.27, ports: [{containerPort: 80}]}\n    - <<: *base\n      name: b\n') },
  { name: 'resources inherited through a merge key', rule: 'missing-resources', silent: true, text: pod(`  containers:\n    - &base {name: a, image: nginx:1.27, ${RESOURCES}}\n    - <<: *base\n      name: b\n`) },
  { name: 'a log shipper image through an alias', rule: 'native-sidecar', text: pod('  containers:\n    - {name: app, image: nginx:1.27}\n    - {name: logs, image: *fb}\n', '  name: web\n  annotations: {shipper: &fb "fluent/fluent-bit:3.1"}\n') },
  { name: 'a security context shared by two containers', rule: 'privilege-escalation', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, securityContext: &sc {allowPrivilegeEscalation: true}}\n    - {name: b, image: nginx:1.27, securityContext: *sc}\n') },
  { name: 'privileged through an alias', rule: 'privileged', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, securityContext: &sc {privileged: true}}\n    - {name: b, image: nginx:1.27, securityContext: *sc}\n') },
  { name: 'root through an alias', rule: 'run-as-root', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, securityContext: &sc {runAsUser: 0}}\n    - {name: b, image: nginx:1.27, securityContext: *sc}\n') },
  { name: 'non-root inherited through a merge key', rule: 'run-as-root', silent: true, text: pod(`  containers:\n    - &base {name: a, image: nginx:1.27, ${SAFE}}\n    - <<: *base\n      name: b\n`) },
  { name: 'one replica and Recreate through aliases', rule: 'single-replica', atAlias: true, text: deployment('  revisionHistoryLimit: &one 1\n  replicas: *one\n  strategy: {type: *rec}\n  selector: {matchLabels: *labels}\n  template:\n    metadata: {labels: *labels}\n    spec:\n      containers: [{name: a, image: nginx:1.27}]\n', '{app: shop, strategy: &rec Recreate}') },
  { name: 'mounts shared by two containers', rule: 'undefined-volume', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, volumeMounts: &m [{name: data, mountPath: /data}]}\n    - {name: b, image: nginx:1.27, volumeMounts: *m}\n') },
  { name: 'a field the type does not have, through an alias', rule: 'unknown-field', atAlias: true, text: pod('  containers:\n    - {name: a, image: nginx:1.27, resources: &r {limits: {cpu: 100m}, limit: {cpu: 1}}}\n    - {name: b, image: nginx:1.27, resources: *r}\n') },
  { name: 'a string where a number goes, through an alias', rule: 'invalid-type', atAlias: true, text: deployment('  replicas: *name\n  selector: {matchLabels: *labels}\n  template:\n    metadata: {labels: *labels}\n    spec:\n      containers: [{name: a, image: nginx:1.27}]\n', '{app: shop}', '&name shop') },
  { name: 'a number where a string goes, through an alias', rule: 'invalid-type', atAlias: true, text: deployment('  replicas: &n 2\n  selector: {matchLabels: *labels}\n  template:\n    metadata: {labels: *labels}\n    spec:\n      containers: [{name: a, image: nginx:1.27, args: [*n]}]\n') },
];
