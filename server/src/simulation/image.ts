// The node's image cache: which spellings of an image share an entry.
import { fullReference } from '../k8s/image';

/** Two spellings of one image (`nginx`, `docker.io/library/nginx:latest`) share a cache entry. */
export function cacheKey(image: string): string {
  return fullReference(image.trim());
}
