// Image references: default pull policy, the name the node cache uses, what the runtime resolves.

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

interface ImageParts {
  repository: string;
  tag?: string;
  digest?: string;
}

function split(image: string): ImageParts {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { repository: rest, digest };
}

/** The API server's default: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): PullPolicy {
  const { tag, digest } = split(image);
  if (digest) return 'IfNotPresent';
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function pullPolicyOf(value: unknown, image: string): PullPolicy {
  return value === 'Always' || value === 'IfNotPresent' || value === 'Never' ? value : defaultPullPolicy(image);
}

/** The fully qualified reference the runtime pulls (`nginx` -> `docker.io/library/nginx:latest`). */
export function fullReference(image: string): string {
  const { repository, tag, digest } = split(image);
  const first = repository.split('/')[0];
  const hasRegistry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let name = repository;
  if (!hasRegistry) name = `docker.io/${repository.includes('/') ? repository : `library/${repository}`}`;
  if (digest) return `${name}@${digest}`;
  return `${name}:${tag ?? 'latest'}`;
}

/** Two spellings of one image (`nginx`, `docker.io/library/nginx:latest`) share a cache entry. */
export function cacheKey(image: string): string {
  return fullReference(image.trim());
}
