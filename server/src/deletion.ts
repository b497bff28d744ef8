import type { DeletionCounts } from '../../contract/src';
import { removeUserAndAccount, writeAccount, type UserAndAccount } from './account-record';
import { auditSubject, writeAudit, type AuditActor } from './audit';
import { uploadedFileIds } from './avatar-uploads';
import { deleteFiles } from './cloud';
import { onCollection } from './db/collections';
import { releasePhoneClaim } from './deletion-hooks';
import type { Invocation } from './entry';
import { removeAllSessions } from './sessions';

type Context = Pick<Invocation, 'db' | 'config' | 'now' | 'requestId'>;

/**
 * Deletes an account, in an order that is safe to interrupt and to repeat:
 *  0. mark the account record (`deletingAt`), so a retry may go on without a session;
 *  1. every session, so no old token works from that moment;
 *  2. the caller's documents (`_openid`) in each ACCOUNT_DATA_COLLECTIONS collection;
 *  3. every avatar file uploaded to a path this account was given, saved or not (never a
 *     file another account uploaded; avatar-uploads.ts);
 *  4. what other features hold (the phone claim), an audit entry without personal data, and
 *     the user document and account record last.
 * Every step removes what is still there, so a retry after a fault finishes the job; the counts
 * are what this attempt removed.
 */
export async function deleteAccountData(
  context: Context,
  openid: string,
  found: UserAndAccount,
  actor: AuditActor,
): Promise<DeletionCounts> {
  const { db, config, now } = context;
  const { account } = found;
  const startedAt = account?.deletingAt ?? now;
  if (account?.deletingAt === undefined) {
    await writeAccount(db, config, openid, account, { deletingAt: startedAt }, now);
  }
  const sessions = await removeAllSessions(db, config, openid);
  const documents: Record<string, number> = {};
  for (const name of config.accountDataCollections) {
    const result = await onCollection<unknown, { stats: { removed: number } }>(db, name, (c) =>
      c.where({ _openid: openid }).remove(),
    );
    documents[name] = result.stats.removed;
  }
  // Only paths the server handed to this account: `avatarUrl` could name anyone's file.
  const files = await deleteFiles(uploadedFileIds(account));
  await releasePhoneClaim(context, openid);
  // One entry per deletion even when retried: the id is fixed by when the deletion started.
  await writeAudit(
    context,
    'account.deleted',
    openid,
    actor,
    undefined,
    deletedId(openid, startedAt),
  );
  await removeUserAndAccount(db, config, openid);
  return { sessions, documents, files };
}

function deletedId(openid: string, startedAt: number): string {
  return `deleted-${auditSubject(openid).slice(0, 32)}-${startedAt}`;
}
