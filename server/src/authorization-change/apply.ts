import type { DeletionCounts } from '../../../contract/src';
import { findUserAndAccount, writeAccount, type UserAndAccount } from '../account-record';
import { writeAudit } from '../audit';
import { uploadedFileIds } from '../avatar-uploads';
import { deleteFiles } from '../cloud';
import { deleteAccountData } from '../deletion';
import type { Invocation } from '../entry';
import { releasePhoneClaims } from '../phone';
import { phoneOf, setAccountPhone } from '../phone/account-phone';
import { updateUser } from '../users';
import type { AuthorizationChange, RevokedScope } from './event';

type Context = Pick<Invocation, 'db' | 'config' | 'now' | 'requestId'>;

export type AuthorizationChangeResult =
  | { event: 'user_authorization_cancellation'; deleted: DeletionCounts }
  | { event: 'user_authorization_revoke' | 'user_info_modified'; cleared: RevokedScope[] };

function nothingDeleted(collections: string[]): DeletionCounts {
  return { sessions: 0, documents: Object.fromEntries(collections.map((c) => [c, 0])), files: 0 };
}

/** 注销 on WeChat: the same cascade as deleteAccount, recorded with the actor `wechat`. */
async function cancel(context: Context, openid: string, found: UserAndAccount) {
  if (!found.user && !found.account) return nothingDeleted(context.config.accountDataCollections);
  return deleteAccountData(context, openid, found, 'wechat');
}

/**
 * Nickname and/or avatar: cleared in the user document; every avatar file this account uploaded
 * (avatar-uploads.ts) is deleted like a replaced avatar, never anyone else's.
 */
async function clearProfile(
  context: Context,
  openid: string,
  found: UserAndAccount,
  scopes: RevokedScope[],
): Promise<RevokedScope[]> {
  const { db, config, now } = context;
  const { user, account } = found;
  const fields: Record<string, string> = {};
  if (scopes.includes('nickName') && user?.nickName) fields.nickName = '';
  if (scopes.includes('avatar') && user?.avatarUrl) fields.avatarUrl = '';
  const files = scopes.includes('avatar') ? uploadedFileIds(account) : [];
  const cleared = Object.keys(fields).sort();
  if (cleared.length === 0 && files.length === 0) return [];
  await Promise.all([
    cleared.length > 0 ? updateUser(db, config, { openid }, { ...fields, updatedAt: now }) : null,
    writeAudit(context, 'profile.updated', openid, 'wechat', { fields: cleared }),
  ]);
  // The profile no longer points at them: a file left behind is only storage (logged, as in
  // updateUserInfo), and the push must not fail after the data it names is gone. The paths are
  // forgotten only once their files are gone, so the account's deletion can try again.
  if (files.length > 0 && account) {
    try {
      await deleteFiles(files);
      const forget = {
        avatarFileId: db.command.remove(),
        avatarUploads: db.command.pullAll(account.avatarUploads ?? []),
      };
      await writeAccount(db, config, openid, account, forget, now);
    } catch (error) {
      console.error(
        `[wx-cloud-login] revoked avatar not deleted requestId=${context.requestId}`,
        error,
      );
    }
  }
  return cleared.map((field) => (field === 'avatarUrl' ? 'avatar' : 'nickName'));
}

/** The bound number leaves the account record and its claim is released (a new account may bind it). */
async function clearPhone(context: Context, openid: string, found: UserAndAccount) {
  const { db, config, now } = context;
  const bound = phoneOf(found.account);
  if (bound) await setAccountPhone(db, config, { openid }, found.account, null, now);
  const released = await releasePhoneClaims(db, config, openid);
  if (!bound && released === 0) return false;
  await writeAudit(context, 'phone.changed', openid, 'wechat', { change: 'unbound' });
  return true;
}

export async function applyAuthorizationChange(
  context: Context,
  change: AuthorizationChange,
): Promise<AuthorizationChangeResult> {
  const { openid } = change;
  const found = await findUserAndAccount(context.db, context.config, openid);
  if (change.event === 'user_authorization_cancellation')
    return { event: change.event, deleted: await cancel(context, openid, found) };
  const cleared: RevokedScope[] = [];
  const profileScopes = change.scopes.filter((scope) => scope !== 'phone');
  if (profileScopes.length > 0)
    cleared.push(...(await clearProfile(context, openid, found, profileScopes)));
  if (change.scopes.includes('phone') && (await clearPhone(context, openid, found)))
    cleared.push('phone');
  return { event: change.event, cleared };
}
