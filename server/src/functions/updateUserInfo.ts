import type { UpdateUserInfoRequest, UpdateUserInfoResponse } from '../../../contract/src';
import { assertTextIsSafe } from '../content-security';
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
 * Reads session and user in parallel (2 reads), checks a new nickname with security.msgSecCheck
 * (a cloud call, not a database call), then one `doc(OPENID).update` that sets only the
 * validated fields: it can touch nothing but the caller's document.
 */
export const main = withSession<UpdateUserInfoRequest, UpdateUserInfoResponse>(
  async ({ profile }, { db, config, identity, now, user }) => {
    if (!user) throw new AppError('SESSION_INVALID');
    // The nickname is public text: the platform's content check runs before the write.
    if (profile.nickName)
      await assertTextIsSafe(identity.openid, 'profile.nickName', profile.nickName);
    await updateUser(db, config, identity, { ...profile, updatedAt: now });
    return { user: { ...user, ...profile, updatedAt: now } };
  },
  { parse, withUser: true },
);
