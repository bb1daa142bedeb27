import { createHash, randomBytes } from 'node:crypto';

/** `cbz_` + 256 random bits in base64url (43 characters). */
export const API_KEY_PATTERN = /^cbz_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): { key: string; sha256: string; prefix: string } {
  const key = `cbz_${randomBytes(32).toString('base64url')}`;
  return { key, sha256: sha256Hex(key), prefix: key.slice(0, 12) };
}

/**
 * A fast hash suffices: the key has 256 random bits, so nothing can be guessed from its hash,
 * and a slow password hash would add tens of milliseconds to every request.
 */
export function sha256Hex(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
