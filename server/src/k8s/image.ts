/** Image references (`registry:5000/team/app:1.2@sha256:...`) and the pull policy the API server fills in. */

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
export const PULL_POLICIES: readonly PullPolicy[] = ['Always', 'IfNotPresent', 'Never'];

export interface ImageReference {
  /** Everything before the tag and digest: `registry:5000/team/app`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** The parts of a reference as written: the digest after `@`, the tag after the last `:` that follows the last `/`. */
export function splitImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const parts: ImageReference = colon > slash ? { repository: rest.slice(0, colon), tag: rest.slice(colon + 1) } : { repository: rest };
  if (digest !== undefined) parts.digest = digest;
  return parts;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** Whether the reference parses as the runtime's reference grammar reads it (lower-case path, tag, digest). */
export function isValidImageReference(image: string): boolean {
  return image.length <= 255 + 128 + 80 && REFERENCE.test(image);
}

/**
 * The tag parsers.ParseImageName gives: the written tag; `latest` when neither a tag nor a digest is written;
 * none for a digest alone; none when the reference does not parse (the error is ignored by defaulting).
 */
export function effectiveTag(image: string): string | undefined {
  if (!isValidImageReference(image)) return undefined;
  const { tag, digest } = splitImage(image);
  if (tag !== undefined) return tag;
  return digest === undefined ? 'latest' : undefined;
}

export interface DefaultPullPolicy {
  policy: 'Always' | 'IfNotPresent';
  why: 'latest-tag' | 'no-tag' | 'tag' | 'digest' | 'unparseable';
}

/**
 * SetDefaults_Container (pkg/apis/core/v1/defaults.go): Always when ParseImageName's tag is `latest`, else IfNotPresent.
 * So `nginx` and `nginx:latest@sha256:...` are Always; `nginx@sha256:...` and `nginx:1.27` are IfNotPresent.
 */
export function defaultPullPolicy(image: string): DefaultPullPolicy {
  const trimmed = image.trim();
  if (!isValidImageReference(trimmed)) return { policy: 'IfNotPresent', why: 'unparseable' };
  const { tag, digest } = splitImage(trimmed);
  if (tag === 'latest') return { policy: 'Always', why: 'latest-tag' };
  if (tag === undefined && digest === undefined) return { policy: 'Always', why: 'no-tag' };
  return { policy: 'IfNotPresent', why: tag === undefined ? 'digest' : 'tag' };
}

/** The policy a container pulls with: the written one when it is one of the three, else the default. */
export function pullPolicyOf(written: unknown, image: string): PullPolicy {
  return PULL_POLICIES.includes(written as PullPolicy) ? (written as PullPolicy) : defaultPullPolicy(image).policy;
}

/** The fully qualified reference the runtime pulls (`nginx` -> `docker.io/library/nginx:latest`). */
export function fullReference(image: string): string {
  const { repository, tag, digest } = splitImage(image);
  const first = repository.split('/')[0];
  const hasRegistry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let name = repository;
  if (!hasRegistry) name = `docker.io/${repository.includes('/') ? repository : `library/${repository}`}`;
  if (digest) return `${name}@${digest}`;
  return `${name}:${tag ?? 'latest'}`;
}
