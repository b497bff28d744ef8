import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_BYTES, TOKEN_PATTERN } from '../../contract/src';

/** A fresh 256-bit session token, hex encoded. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('hex');
}

/** SHA-256 of the token, hex: the session document's `_id`. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
