// The node's image cache: which spellings of an image share an entry, and a made-up size for the Pulled message.
import { fullReference } from '../k8s/image';

/** Two spellings of one image (`nginx`, `docker.io/library/nginx:latest`) share a cache entry. */
export function cacheKey(image: string): string {
  return fullReference(image.trim());
}

/** A stable made-up size for the Pulled message. */
export function imageSizeBytes(image: string, hash: (text: string) => number): number {
  return 20_000_000 + (hash(cacheKey(image)) % 180_000_000);
}
