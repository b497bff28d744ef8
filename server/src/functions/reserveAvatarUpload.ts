import { AVATAR_EXTENSIONS } from '../../../contract/src';
import type {
  AvatarExtension,
  ReserveAvatarUploadRequest,
  ReserveAvatarUploadResponse,
} from '../../../contract/src';
import { writeAccount } from '../account-record';
import { fileIdsOf, MAX_PENDING_SLOTS, newSlot } from '../avatar-uploads';
import { deleteFiles } from '../cloud';
import { invalidArgument } from '../errors';
import { withSession } from '../guard';
import { requireToken } from '../validation/request';

function parse(event: Record<string, unknown>): ReserveAvatarUploadRequest {
  const token = requireToken(event);
  const extension = event.extension ?? 'jpg';
  if (typeof extension !== 'string') throw invalidArgument('extension', 'wrong_type');
  if (!(AVATAR_EXTENSIONS as readonly string[]).includes(extension))
    throw invalidArgument('extension', 'not_allowed');
  return { token, extension: extension as AvatarExtension };
}

/**
 * reserveAvatarUpload({ token, extension? }) -> { cloudPath }.
 * Hands out a fresh path under the caller's avatar folder and records it on the account record
 * before answering, so every file the client uploads there is one the server knows of (and
 * deletes with the account). Two reads in parallel (session, user + account), one write.
 * At most MAX_PENDING_SLOTS unsaved paths are kept: the oldest one's file is deleted first.
 */
export const main = /* @__PURE__ */ withSession<
  ReserveAvatarUploadRequest,
  ReserveAvatarUploadResponse
>(
  async ({ extension }, invocation) => {
    const { db, config, identity, now, account } = invocation;
    const slot = newSlot(identity.openid, extension ?? 'jpg', now);
    const saved = account?.avatarFileId;
    const pending = (account?.avatarUploads ?? []).filter((s) => !saved?.endsWith(`/${s.path}`));
    const _ = db.command;
    if (pending.length >= MAX_PENDING_SLOTS) {
      const oldest = pending.slice(0, pending.length - MAX_PENDING_SLOTS + 1);
      // Unsaved for a while: the client gave up on it. Named only when a bucket is known.
      await deleteFiles(fileIdsOf(oldest, saved));
      await writeAccount(
        db,
        config,
        identity.openid,
        account,
        {
          avatarUploads: _.pullAll(oldest),
        },
        now,
      );
    }
    // `push` on an existing record, so a concurrent reservation is never overwritten.
    const fields = account ? { avatarUploads: _.push([slot]) } : { avatarUploads: [slot] };
    await writeAccount(db, config, identity.openid, account, fields, now);
    return { cloudPath: slot.path };
  },
  { parse, withUser: true },
);
