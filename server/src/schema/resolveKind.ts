import { BUILTIN_SCHEMA, groupOf, type KindInfo } from './builtin';
import type { CrdSource } from './crd';
import type { ObjectType } from './model';
import { isAtOrAfter, removedApi, type RemovedApi } from './removedApis';

export type KindResolution =
  | { status: 'builtin'; type: ObjectType; info: KindInfo }
  | { status: 'custom'; type: ObjectType }
  /** `apiVersion: v1`, `kind: List`: its items are resources of their own. */
  | { status: 'list' }
  | { status: 'removed'; removed: RemovedApi }
  /** A built-in group that does not serve this kind at this version. */
  | { status: 'unknown' }
  /** Nothing to check against: a custom resource without a known CRD, or a kind or apiVersion not written yet. */
  | { status: 'unchecked' };

export function resolveKind(apiVersion: string | undefined, kind: string | undefined, kubernetesVersion: string, crds: readonly CrdSource[]): KindResolution {
  if (!apiVersion || !kind) return { status: 'unchecked' };
  const removed = removedApi(apiVersion, kind);
  if (removed) return isAtOrAfter(kubernetesVersion, removed.removedIn) ? { status: 'removed', removed } : { status: 'unchecked' };
  const info = BUILTIN_SCHEMA.kind(apiVersion, kind);
  if (info) return { status: 'builtin', type: info.type, info };
  for (const source of crds) {
    const type = source.lookup(apiVersion, kind);
    if (type) return { status: 'custom', type };
  }
  if (apiVersion === 'v1' && kind === 'List') return { status: 'list' };
  return BUILTIN_SCHEMA.isBuiltinGroup(groupOf(apiVersion)) ? { status: 'unknown' } : { status: 'unchecked' };
}

/** The apiVersion that serves `kind` best: a stable version first, then beta, then alpha; the newest of each. */
export function preferredVersionOf(kind: string): KindInfo | undefined {
  const rank = (apiVersion: string): number => {
    const version = /v(\d+)(alpha|beta)?(\d*)$/.exec(apiVersion);
    if (!version) return 0;
    const stability = version[2] === 'alpha' ? 0 : version[2] === 'beta' ? 1 : 2;
    return stability * 1_000_000 + Number(version[1]) * 1000 + Number(version[3] || 0);
  };
  return [...BUILTIN_SCHEMA.versionsOf(kind)].sort((a, b) => rank(b.apiVersion) - rank(a.apiVersion))[0];
}
