// Deterministic stand-ins for the random and hashed names Kubernetes generates.

/** The alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no confusable digits). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bit (the pod-template-hash uses FNV-32a). */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString(fmt.Sprint(hash)): how the pod-template-hash label is spelled. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const digits = String(fnv32a(stableJson(template) + (collisionCount ? `#${collisionCount}` : '')));
  let out = '';
  for (const char of digits) out += SAFE_ALPHABET[char.charCodeAt(0) % SAFE_ALPHABET.length];
  return out;
}

/** A deterministic 5-character suffix like the one generateName adds. */
export function nameSuffix(seed: string): string {
  let hash = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SAFE_ALPHABET[hash % SAFE_ALPHABET.length];
    hash = Math.floor(hash / SAFE_ALPHABET.length) ^ fnv32a(`${seed}/${i}`);
    hash >>>= 0;
  }
  return out;
}

/** A deterministic UID in the usual 8-4-4-4-12 hex layout. */
export function fakeUid(seed: string): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i++) hex += fnv32a(`${seed}:${i}`).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** JSON with object keys sorted, so equal templates hash equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
