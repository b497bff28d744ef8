import { ADMIN_ROLE, ROLE_PATTERN } from '../../contract/src';
import type { AccountStatus } from '../../contract/src';
import type { ServerConfig } from './config';

/**
 * Where authority comes from. Collections created on first use get the console's default
 * permission (仅创建者可读写): any user can, straight from the mini program, add documents to
 * any collection and change documents that carry their own `_openid` (the client SDK stamps
 * it on every client write; the server SDK never does). So a document with `_openid` is
 * client-written (or client-writable, like the user's own profile document) and grants
 * nothing: no session, no role, no status, no avatar file to delete. Sessions and account
 * records carry no `_openid`, which also puts them out of every client's reach.
 */
export function isTrustedDoc(doc: object | undefined): boolean {
  return doc !== undefined && !Object.prototype.hasOwnProperty.call(doc, '_openid');
}

interface AuthorityFields {
  _openid?: string;
  roles?: unknown;
  status?: unknown;
}

/**
 * The caller's roles: those stored on their trusted account record, plus `admin` for OPENIDs listed
 * in ADMIN_OPENIDS (the first admin). Sorted, without duplicates or malformed names.
 */
export function rolesOf(
  doc: AuthorityFields | undefined,
  openid: string,
  config: Pick<ServerConfig, 'adminOpenids'>,
): string[] {
  const roles = new Set<string>();
  if (doc && isTrustedDoc(doc) && Array.isArray(doc.roles)) {
    for (const role of doc.roles) {
      if (typeof role === 'string' && ROLE_PATTERN.test(role)) roles.add(role);
    }
  }
  if (openid !== '' && config.adminOpenids.includes(openid)) roles.add(ADMIN_ROLE);
  return [...roles].sort();
}

/** From a trusted account record only; anything else, or no value, is `active`. */
export function statusOf(doc: AuthorityFields | undefined): AccountStatus {
  return doc && isTrustedDoc(doc) && doc.status === 'disabled' ? 'disabled' : 'active';
}
