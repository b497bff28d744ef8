import type { UpdateUserInfoRequest, UpdateUserInfoResponse } from '../../../contract/src';
import { assertTextIsSafe } from '../content-security';
import { writeAudit } from '../audit';
import { writeAccount } from '../account-record';
import { fileIdsOf, isCloudFile, ownSlotOf, type AvatarSlot } from '../avatar-uploads';
import { deleteFiles } from '../cloud';
import type { Filter } from '../db/types';
import { AppError } from '../errors';
import { withSession, type SessionContext } from '../guard';
import { updateUser } from '../users';
import { parseProfile } from '../validation/profile';
import { requireToken } from '../validation/request';

function parse(event: Record<string, unknown>): UpdateUserInfoRequest {
  // Validated before any database access: a bad profile costs no read and writes nothing.
  return { token: requireToken(event), profile: parseProfile(event.profile) };
}

interface AvatarChange {
  fields: Filter;
  /** This account's other upload paths: their files are deleted once the profile is saved. */
  others: AvatarSlot[];
  obsolete: string[];
}

/**
 * A new avatar: a `cloud://` one must have been uploaded to a path this account was given
 * (avatar-uploads.ts), else INVALID_ARGUMENT before anything is written. Saving one keeps its
 * path and deletes the replaced avatar and every upload path handed out before it (never
 * saved); an https avatar, or none, deletes them all.
 */
function avatarChange(context: SessionContext, next: string): AvatarChange | undefined {
  const { account, caller, db } = context;
  const ownFile = account?.avatarFileId;
  if (next === ownFile) return undefined;
  const slots = account?.avatarUploads ?? [];
  const _ = db.command;
  if (isCloudFile(next)) {
    const kept = ownSlotOf(account, next, caller.env);
    // Paths handed out after this one may be uploads in flight (another device): they stay
    // until the next save or the account's deletion.
    const keptAt = slots.indexOf(kept);
    const others: AvatarSlot[] = slots.filter(
      (slot, i) => i < keptAt || (ownFile !== undefined && ownFile.endsWith(`/${slot.path}`)),
    );
    return { fields: { avatarFileId: next }, others, obsolete: fileIdsOf(others, next) };
  }
  if (!account || (!ownFile && slots.length === 0)) return undefined;
  return {
    fields: { avatarFileId: _.remove() },
    others: slots,
    obsolete: fileIdsOf(slots, ownFile),
  };
}

/**
 * updateUserInfo({ token, profile }) -> { user }.
 * Reads session and user (with the account record) in parallel (2 reads), checks a new nickname
 * with security.msgSecCheck (a cloud call, not a database call), then one `doc(OPENID).update`
 * that sets only the validated fields (it can touch nothing but the caller's document) and, in
 * parallel, an audit entry naming the changed fields (never their values). A new avatar costs
 * one more write (the account record keeps the saved file); the files of this account's other
 * upload paths are then deleted and the paths forgotten (one more write).
 */
export const main = /* @__PURE__ */ withSession<UpdateUserInfoRequest, UpdateUserInfoResponse>(
  async ({ profile }, invocation) => {
    const { db, config, identity, now, user, account } = invocation;
    if (!user) throw new AppError('SESSION_INVALID');
    const avatar =
      profile.avatarUrl === undefined ? undefined : avatarChange(invocation, profile.avatarUrl);
    // The nickname is public text: the platform's content check runs before the write.
    if (profile.nickName)
      await assertTextIsSafe(identity.openid, 'profile.nickName', profile.nickName);
    await Promise.all([
      updateUser(db, config, identity, { ...profile, updatedAt: now }),
      avatar ? writeAccount(db, config, identity.openid, account, avatar.fields, now) : undefined,
      writeAudit(invocation, 'profile.updated', identity.openid, 'self', {
        fields: Object.keys(profile).sort(),
      }),
    ]);
    if (avatar && avatar.obsolete.length > 0) {
      // The profile already points elsewhere, so a failed delete is logged, not answered as an
      // error; the paths are forgotten only once their files are gone, so a later save or the
      // account's deletion tries again.
      try {
        await deleteFiles(avatar.obsolete);
        const forget = { avatarUploads: db.command.pullAll(avatar.others) };
        await writeAccount(db, config, identity.openid, account, forget, now);
      } catch (error) {
        console.error(
          `[wx-cloud-login] old avatar not deleted requestId=${invocation.requestId}`,
          error,
        );
      }
    }
    return { user: { ...user, ...profile, updatedAt: now } };
  },
  { parse, withUser: true },
);
