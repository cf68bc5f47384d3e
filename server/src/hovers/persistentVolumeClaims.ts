import { isMap } from 'yaml';
import { CONCEPTS } from './knowledge/concepts';
import { DOCS } from './knowledge/links';
import type { Resource } from '../parse/model';
import { mapAt, scalarAt, seqAt, stringAt } from '../yaml/nodes';
import type { ClaimSummary } from '../workspace/summary';
import { hoverSection } from './support/format';
import { inPodSpec } from './support/podPath';
import { indexingNote, placesWords } from './support/workspaceWords';
import type { HoverContext, HoverProvider } from './types';

const LINK = { title: 'Persistent volumes: PersistentVolumeClaims', url: DOCS.persistentVolumeClaims };
const CLAIM_FIELDS = new Set(['accessModes', 'resources', 'storageClassName', 'volumeName', 'volumeMode']);

/**
 * On a pod volume's `persistentVolumeClaim` / `claimName`: the claim of the workspace it names, and what an unbound
 * claim does to the pod. On a PersistentVolumeClaim (kind, name, spec): which pods use it.
 */
const persistentVolumeClaimsHover: HoverProvider = {
  id: 'persistent-volume-claims',
  provide(context) {
    const { location } = context;
    if (location.resource.kind === 'PersistentVolumeClaim') return onClaimObject(context);
    const pod = inPodSpec(location);
    if (!pod || pod.rest[0] !== 'volumes' || typeof pod.rest[1] !== 'number' || pod.rest[2] !== 'persistentVolumeClaim') return undefined;
    const volume = seqAt(pod.template.spec, 'volumes')?.items[pod.rest[1]];
    const source = isMap(volume) ? mapAt(volume, 'persistentVolumeClaim') : undefined;
    const name = stringAt(source, 'claimName');
    if (!name) return undefined;
    const facts: string[] = [];
    const { workspace } = context;
    const found = workspace?.index.named('PersistentVolumeClaim', name, location.resource.namespace) ?? [];
    if (found.length > 0 && workspace) {
      facts.push(`Names ${placesWords(found, workspace)}: ${claimWords(found[0].claim)}.`);
      facts.push(...replicaNote(location.resource, found[0].claim));
    } else if (workspace) {
      facts.push(`No PersistentVolumeClaim named \`${name}\` in the workspace${indexingNote(workspace)}: it must exist in the cluster${location.resource.namespace ? ` in namespace ${location.resource.namespace}` : ' in the pod\'s namespace'}, or the pod stays Pending (FailedScheduling: persistentvolumeclaim "${name}" not found).`);
    }
    if (scalarAt(source, 'readOnly') === true) facts.push('Mounted read-only (`readOnly: true`) in every container that mounts it.');
    facts.push('While the claim is unbound (no matching PersistentVolume yet, or provisioning still running), the pod stays Pending; it starts once the claim is Bound.');
    return hoverSection(CONCEPTS.persistentVolumeClaims, facts, LINK);
  },
};

function onClaimObject({ location, workspace }: HoverContext): string | undefined {
  const { path, resource } = location;
  const onHeader = (path.length === 1 && path[0] === 'kind') || (path.length === 2 && path[0] === 'metadata' && path[1] === 'name');
  const onSpec = path[0] === 'spec' && (path.length === 1 || (path.length <= 3 && CLAIM_FIELDS.has(String(path[1]))));
  if (!onHeader && !onSpec) return undefined;
  const spec = mapAt(resource.root, 'spec');
  const claim: ClaimSummary = {
    accessModes: (seqAt(spec, 'accessModes')?.items ?? []).map((item) => String((item as { value?: unknown }).value)),
    storage: scalarAt(mapAt(mapAt(spec, 'resources'), 'requests'), 'storage') as string | undefined,
    storageClassName: stringAt(spec, 'storageClassName') === '' ? null : stringAt(spec, 'storageClassName'),
    volumeName: stringAt(spec, 'volumeName'),
  };
  const facts = [`This claim asks for ${claimWords(claim)}.`];
  if (workspace && resource.name) {
    const users = workspace.index.claimUsers(resource.name, resource.namespace);
    facts.push(users.length > 0
      ? `Used by ${placesWords(users, workspace)}.`
      : `No pod template in the workspace uses it${indexingNote(workspace)}.`);
    if (users.length > 1 && claim.accessModes.every((mode) => mode === 'ReadWriteOnce' || mode === 'ReadWriteOncePod') && claim.accessModes.length > 0) {
      facts.push(`Several pod templates use it but it is ${claim.accessModes.join('/')}: ${claim.accessModes.includes('ReadWriteOncePod') ? 'only one pod at a time can use it; the others stay Pending' : 'their pods can share it only on one node'}.`);
    }
  }
  return hoverSection(CONCEPTS.persistentVolumeClaims, facts, LINK);
}

/** "ReadWriteOnce (mounted read-write by one node), 10Gi, storage class `fast`" */
export function claimWords(claim: ClaimSummary | undefined): string {
  if (!claim) return 'a claim with no readable spec';
  const modes = claim.accessModes.length > 0
    ? claim.accessModes.map((mode) => CONCEPTS.accessModes[mode] ?? `${mode} (not an access mode Kubernetes knows)`).join('; ')
    : 'no access modes (the API server requires at least one)';
  const size = claim.storage ? `${claim.storage} of storage` : 'no storage size (the API server requires resources.requests.storage)';
  let storageClass: string;
  if (claim.volumeName) storageClass = `pre-bound to the PersistentVolume \`${claim.volumeName}\``;
  else if (claim.storageClassName === null) storageClass = 'no storage class (`""`): it binds only to an existing PersistentVolume without a class, nothing is provisioned';
  else if (claim.storageClassName) storageClass = `storage class \`${claim.storageClassName}\``;
  else storageClass = 'the cluster\'s default storage class (none is written)';
  return `${modes}; ${size}; ${storageClass}`;
}

function replicaNote(resource: Resource, claim: ClaimSummary | undefined): string[] {
  const replicas = scalarAt(mapAt(resource.root, 'spec'), 'replicas');
  if (resource.kind !== 'Deployment' || typeof replicas !== 'number' || replicas < 2 || !claim) return [];
  if (claim.accessModes.includes('ReadWriteOncePod')) return [`This Deployment runs ${replicas} replicas, but a ReadWriteOncePod claim serves one pod: the others stay Pending.`];
  if (claim.accessModes.length > 0 && claim.accessModes.every((mode) => mode === 'ReadWriteOnce')) {
    return [`This Deployment runs ${replicas} replicas on one ReadWriteOnce claim: pods scheduled to another node cannot attach the volume and stay ContainerCreating (Multi-Attach error).`];
  }
  return [];
}

export default persistentVolumeClaimsHover;
