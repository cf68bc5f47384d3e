import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared corpus of real-world manifests, beside the checkout (../shared/corpus). */
export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');

/** Files the corpus' EXPECTED.md says are meant to be invalid (relative to CORPUS_DIR). */
export const MEANT_TO_BE_BROKEN = new Set([
  'FairwindsOps__polaris/pkg/kube/test_files/test_3/bad.yaml',
  'yannh__kubeconform/fixtures/duplicate_property.yaml',
  'yannh__kubeconform/fixtures/extra_property.yaml',
  'yannh__kubeconform/fixtures/invalid.yaml',
  'yannh__kubeconform/fixtures/list_invalid.yaml',
  'yannh__kubeconform/fixtures/missing_apiversion.yaml',
  'yannh__kubeconform/fixtures/missing_kind_value.yaml',
  'yannh__kubeconform/fixtures/multi_invalid.yaml',
  'yannh__kubeconform/fixtures/multi_invalid_resources.yaml',
  'yannh__kubeconform/fixtures/unconventional_keys.yaml',
]);

export function corpusFiles(): string[] {
  if (!fs.existsSync(CORPUS_DIR)) throw new Error(`The corpus is missing: expected ${CORPUS_DIR} (../shared beside the checkout).`);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path.relative(CORPUS_DIR, full).split(path.sep).join('/'));
    }
  };
  walk(CORPUS_DIR);
  return files.sort();
}

/** One expected error: its code and a part of its message. */
export type ExpectedError = readonly [code: string, messagePart: string];

const POLARIS_CHECKS = 'FairwindsOps__polaris/test/checks';
const ARCHIVED_VOLUMES = 'kubernetes__examples/_archived/volumes';

const servedElsewhere = (kind: string): ExpectedError => ['unknown-kind', `apiVersion v1 does not serve kind ${kind}:`];
const podLevel = (field: string): ExpectedError => ['unknown-field', `Unknown field "${field}" in PodSecurityContext. It is a field of a container's securityContext`];
const noName: ExpectedError = ['missing-required', 'Container is missing the required field "name"'];
const noImage: ExpectedError = ['missing-required', 'Container is missing the required field "image"'];
const noSelector: ExpectedError = ['missing-required', 'DeploymentSpec is missing the required field "selector"'];
const containerLevel = (field: string): ExpectedError => ['unknown-field', `Unknown field "${field}" in Container. It belongs further down, at securityContext.${field}.`];
const unknownIn = (field: string, type: string): ExpectedError => ['unknown-field', `Unknown field "${field}" in ${type}.`];

/**
 * Files EXPECTED.md calls valid that the Kubernetes API server would nevertheless reject (decisions recorded by the
 * lead: these errors are real and stay reported). EXPECTED.md calls them valid because the tools that own them never
 * send them to a server: Polaris' check fixtures are cut down to the fields one policy check reads, and the archived
 * kubernetes/examples were written for releases (or by hand) without strict field validation. Each entry lists the
 * exact errors the file must produce, no more and no fewer, so a new false positive cannot hide behind them.
 */
export const REJECTED_BY_API_SERVER: ReadonlyMap<string, readonly ExpectedError[]> = new Map<string, readonly ExpectedError[]>([
  // `apiVersion: v1` with a kind of another group: the core group serves no Deployment, StatefulSet or PDB.
  ...['deploymentMissingReplicas/failure', 'deploymentMissingReplicas/mutated', 'deploymentMissingReplicas/success',
    'runAsRootAllowed/failure', 'runAsRootAllowed/mutated', 'runAsRootAllowed/success']
    .map((name): [string, ExpectedError[]] => [`${POLARIS_CHECKS}/${name}.yaml`, [servedElsewhere('Deployment')]]),
  ...['oneController/failure', 'oneController/success']
    .map((name): [string, ExpectedError[]] => [`${POLARIS_CHECKS}/${name}.yaml`, [servedElsewhere('StatefulSet')]]),
  ...['failure.either', 'failure.max', 'failure.min', 'success.both', 'success.max', 'success.min', 'success.none']
    .map((name): [string, ExpectedError[]] => [`${POLARIS_CHECKS}/pdbDisruptionsIsZero/${name}.yaml`, [servedElsewhere('PodDisruptionBudget')]]),

  // apps/v1 Deployments with no spec.selector (required since apps/v1, rules.md §5).
  ...['failure-bad-ns', 'failure.bad-name', 'failure.empty-labels', 'failure.no-labels', 'failure.no-metadata', 'failure.wrong-place',
    'failure', 'success.many', 'success']
    .map((name): [string, ExpectedError[]] => [`${POLARIS_CHECKS}/missingPodDisruptionBudget/${name}.yaml`, [noSelector]]),
  [`${POLARIS_CHECKS}/pdbMinAvailableGreaterThanHPAMinReplicas/failure-gt-percent.yaml`,
    [noSelector, ['invalid-int-or-percent', 'minAvailable "150%" is rejected by the API server: must not be greater than 100%']]],
  ...['failure-gt-scalar', 'success-lt-percent', 'success-maxUnavailable', 'success.equals', 'success.hpa-no-match',
    'success.lt', 'success.no-hpa', 'success.no-match', 'success.no-min-replicas', 'success.no-pdb', 'success.pdb-no-match',
    'success.percent-no-replica', 'success']
    .map((name): [string, ExpectedError[]] => [`${POLARIS_CHECKS}/pdbMinAvailableGreaterThanHPAMinReplicas/${name}.yaml`, [noSelector]]),

  // Container-only security fields written in the Pod's securityContext, and containers cut down to a
  // securityContext (no name, no image) or to an image (no name).
  [`${POLARIS_CHECKS}/insecureCapabilities/failure.pod.yaml`, [podLevel('capabilities')]],
  [`${POLARIS_CHECKS}/insecureCapabilities/success.pod.yaml`, [podLevel('capabilities')]],
  [`${POLARIS_CHECKS}/privilegeEscalationAllowed/failure.pod.yaml`, [podLevel('allowPrivilegeEscalation')]],
  [`${POLARIS_CHECKS}/privilegeEscalationAllowed/failure.pod_unspecified.yaml`, [podLevel('allowPrivilegeEscalation')]],
  [`${POLARIS_CHECKS}/privilegeEscalationAllowed/success.pod.yaml`, [podLevel('allowPrivilegeEscalation')]],
  [`${POLARIS_CHECKS}/notReadOnlyRootFilesystem/failure.pod.yaml`, [podLevel('readOnlyRootFilesystem'), noImage, noName, noImage, noName]],
  [`${POLARIS_CHECKS}/notReadOnlyRootFilesystem/failure.two_cont_one_unspecified.yaml`, [podLevel('readOnlyRootFilesystem'), noImage, noImage]],
  [`${POLARIS_CHECKS}/notReadOnlyRootFilesystem/failure.yaml`, [noImage, noName]],
  [`${POLARIS_CHECKS}/notReadOnlyRootFilesystem/success.pod.yaml`, [podLevel('readOnlyRootFilesystem'), noImage, noName]],
  [`${POLARIS_CHECKS}/notReadOnlyRootFilesystem/success.yaml`, [noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/failure.pod.yaml`, [podLevel('privileged'), noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/failure.two_cont.yaml`, [podLevel('privileged'), noImage, noName, noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/failure.two_cont_one_unspecified.yaml`, [podLevel('privileged'), noImage, noName, noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/failure.yaml`, [noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/success.pod.yaml`, [podLevel('privileged'), noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/success.pod_no_cont.yaml`, [podLevel('privileged'), noImage, noName]],
  [`${POLARIS_CHECKS}/runAsPrivileged/success.yaml`, [noImage, noName]],
  [`${POLARIS_CHECKS}/tagNotSpecified/failure.latest.yaml`, [noName]],
  [`${POLARIS_CHECKS}/tagNotSpecified/failure.yaml`, [noName]],
  [`${POLARIS_CHECKS}/tagNotSpecified/success.yaml`, [noName]],

  // Polaris' webhook cases: `hostnames` indented out of its hostAliases item, a port entry with only a hostPort,
  // and container security fields written beside securityContext instead of inside it.
  ['FairwindsOps__polaris/test/webhook_cases/deploy.yaml', [
    ['unknown-field', 'Unknown field "hostnames" in PodSpec. It belongs further down, at hostAliases[].hostnames.'],
    ['missing-required', 'ContainerPort is missing the required field "containerPort"'],
  ]],
  ['FairwindsOps__polaris/test/webhook_cases/failing_test.job.yaml', [
    containerLevel('privileged'), containerLevel('readOnlyRootFilesystem'), containerLevel('runAsNonRoot'), containerLevel('capabilities'),
  ]],

  // Archived kubernetes/examples: a lower-case protocol, a placeholder left in an integer field, StorageClass
  // parameters written into a Pod's volume, a misspelt field, and fields the volume source never had.
  [`${ARCHIVED_VOLUMES}/aws_ebs/aws-ebs-web.yaml`, [['invalid-enum', '"tcp" is not a valid protocol']]],
  [`${ARCHIVED_VOLUMES}/cinder/cinder-web.yaml`, [['invalid-enum', '"tcp" is not a valid protocol']]],
  [`${ARCHIVED_VOLUMES}/fibre_channel/fc.yaml`, [['invalid-type', 'lun must be an integer, not the string "<ADD LUN ID Here>"']]],
  [`${ARCHIVED_VOLUMES}/rbd/rbd.yaml`, [unknownIn('imageformat', 'RBDVolumeSource'), unknownIn('imagefeatures', 'RBDVolumeSource')]],
  [`${ARCHIVED_VOLUMES}/scaleio/pod.yaml`, [['unknown-field', 'Unknown field "protectionDoamin" in ScaleIOVolumeSource. Did you mean "protectionDomain"?']]],
  [`${ARCHIVED_VOLUMES}/storageos/storageos-pod.yaml`, [unknownIn('pool', 'StorageOSVolumeSource')]],
  [`${ARCHIVED_VOLUMES}/storageos/storageos-pv.yaml`, [unknownIn('secretName', 'StorageOSPersistentVolumeSource')]],

  // kubeconform's fixture for its --skip flag: a made-up kind in the core group, which no server serves.
  ['yannh__kubeconform/fixtures/duplicates-skipped-kinds.yaml', [
    ['unknown-kind', 'Kind SkipThisKind is not served by apiVersion v1.'],
    ['unknown-kind', 'Kind SkipThisKind is not served by apiVersion v1.'],
  ]],
]);

/**
 * Matches `errors` (code and message) against `expected` one to one, in any order. Returns what is left over on
 * either side: both lists empty means an exact match.
 */
export function unmatchedErrors(errors: ReadonlyArray<{ code: string; message: string }>, expected: readonly ExpectedError[]): { unexpected: string[]; missing: string[] } {
  const remaining = [...expected];
  const unexpected: string[] = [];
  for (const error of errors) {
    const at = remaining.findIndex(([code, part]) => code === error.code && error.message.includes(part));
    if (at < 0) unexpected.push(`${error.code}: ${error.message}`);
    else remaining.splice(at, 1);
  }
  return { unexpected, missing: remaining.map(([code, part]) => `${code}: …${part}…`) };
}
