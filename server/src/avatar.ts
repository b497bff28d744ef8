import { isTrustedDoc } from './authority';
import type { ServerConfig } from './config';
import { onCollection } from './db/collections';
import type { Database } from './db/types';
import { accountIdPattern, openidOfAccount, type AccountDoc } from './account-record';

/**
 * Which uploaded avatar file belongs to which account. `avatarUrl` is whatever string a client
 * sent, so pointing it at a file says nothing about who uploaded it, and the server SDK cannot
 * ask storage for a file's uploader. The rule: the first account to set a `cloud://` file as its
 * avatar owns it (kept as `avatarFileId` on its account record), and no later account
 * can claim a file another account already holds. A file's ID is random and only becomes known
 * to others once its uploader shows it as their avatar, i.e. after the uploader claimed it.
 * A deletion removes only the account's own `avatarFileId`; replacing it removes the old one.
 */
export async function claimedByAnother(
  db: Database,
  config: ServerConfig,
  fileId: string,
  openid: string,
): Promise<boolean> {
  const result = await onCollection<AccountDoc, { data: AccountDoc[] }>(
    db,
    config.usersCollection,
    (users) =>
      users
        .where({ avatarFileId: fileId, _id: accountIdPattern(db) })
        .limit(10)
        .get(),
  );
  return result.data.some((doc) => openidOfAccount(doc) !== openid && isTrustedDoc(doc));
}

export function isCloudFile(url: string): boolean {
  return url.startsWith('cloud://');
}
