import type { UpdateUserInfoRequest, UpdateUserInfoResponse } from '../../../contract/src';
import { assertTextIsSafe } from '../content-security';
import { writeAudit } from '../audit';
import { writeAccount } from '../account-record';
import { claimedByAnother, isCloudFile } from '../avatar';
import { deleteFiles } from '../cloud';
import type { Filter } from '../db/types';
import { AppError } from '../errors';
import { withSession } from '../guard';
import { updateUser } from '../users';
import { parseProfile } from '../validation/profile';
import { requireToken } from '../validation/request';

function parse(event: Record<string, unknown>): UpdateUserInfoRequest {
  // Validated before any database access: a bad profile costs no read and writes nothing.
  return { token: requireToken(event), profile: parseProfile(event.profile) };
}

/**
 * updateUserInfo({ token, profile }) -> { user }.
 * Reads session and user (with the account record) in parallel (2 reads), checks a new nickname
 * with security.msgSecCheck (a cloud call, not a database call), then one `doc(OPENID).update`
 * that sets only the validated fields (it can touch nothing but the caller's document) and, in
 * parallel, an audit entry naming the changed fields (never their values). A new `cloud://`
 * avatar costs one more read (is the file another account's? see avatar.ts) and one write (the
 * account record keeps the file this account owns); the avatar it replaces, when this account
 * uploaded it, is deleted from storage.
 */
export const main = withSession<UpdateUserInfoRequest, UpdateUserInfoResponse>(
  async ({ profile }, invocation) => {
    const { db, config, identity, now, user, account } = invocation;
    if (!user) throw new AppError('SESSION_INVALID');
    // The nickname is public text: the platform's content check runs before the write.
    if (profile.nickName)
      await assertTextIsSafe(identity.openid, 'profile.nickName', profile.nickName);
    const ownFile = account?.avatarFileId;
    let replaced: string | undefined;
    let owned: Filter | undefined;
    const next = profile.avatarUrl;
    if (next !== undefined && next !== ownFile) {
      const claim =
        isCloudFile(next) && !(await claimedByAnother(db, config, next, identity.openid));
      if (claim || ownFile) owned = { avatarFileId: claim ? next : db.command.remove() };
      replaced = ownFile;
    }
    await Promise.all([
      updateUser(db, config, identity, { ...profile, updatedAt: now }),
      owned ? writeAccount(db, config, identity.openid, account, owned, now) : undefined,
      writeAudit(invocation, 'profile.updated', identity.openid, 'self', {
        fields: Object.keys(profile).sort(),
      }),
    ]);
    if (replaced) {
      // The profile already points elsewhere; a file left behind is only storage, so a failed
      // delete is logged, not answered as an error.
      await deleteFiles([replaced]).catch((error: unknown) => {
        console.error(
          `[wx-cloud-login] old avatar not deleted requestId=${invocation.requestId}`,
          error,
        );
      });
    }
    return { user: { ...user, ...profile, updatedAt: now } };
  },
  { parse, withUser: true },
);
