import { randomBytes } from 'node:crypto';

/** A fresh CSP nonce: 128 random bits, base64 without characters that need quoting. */
export function createNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}
