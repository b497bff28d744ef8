import { createHash, randomBytes } from 'node:crypto';
import type { AvatarExtension } from '../../contract/src';
import type { AccountDoc } from './account-record';
import { invalidArgument } from './errors';

/**
 * Who uploaded which avatar file. Storage cannot tell a cloud function a file's uploader, and
 * `avatarUrl` is whatever string a client sent, so ownership comes from the server itself: a
 * client asks reserveAvatarUpload for a path, the server records it on the caller's account
 * record (out of every client's reach) and hands it out; updateUserInfo accepts a `cloud://`
 * avatar only when its path is one of the caller's recorded ones and its env/bucket are this
 * environment's. Deletion, replacement and the revoke push delete every recorded path of the
 * account, saved or never saved, and nothing else. See docs/functions.md, "Trust model".
 */
export interface AvatarSlot {
  path: string;
  at: number;
}

/** Unsaved paths kept per account; past that the oldest is deleted (or forgotten, see below). */
export const MAX_PENDING_SLOTS = 10;

/** A stable, non-reversible folder per account: avatar URLs may be shown to others. */
export function avatarFolderOf(openid: string): string {
  const key = createHash('sha256').update(`wx-cloud-login:avatar:${openid}`).digest('hex');
  return `avatars/${key.slice(0, 32)}`;
}

export function newSlot(openid: string, extension: AvatarExtension, now: number): AvatarSlot {
  return {
    path: `${avatarFolderOf(openid)}/${randomBytes(12).toString('hex')}.${extension}`,
    at: now,
  };
}

export function isCloudFile(url: string): boolean {
  return url.startsWith('cloud://');
}

interface CloudFile {
  env: string;
  bucket: string;
  path: string;
}

export function parseCloudFile(fileId: string): CloudFile | null {
  const match = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileId);
  if (!match) return null;
  const [, env = '', bucket = '', path = ''] = match;
  return { env, bucket, path };
}

/**
 * The bucket name of a CloudBase environment: `<hex of the env id's first two bytes>-<env id>-
 * <the Tencent Cloud account's APPID>` (as real file IDs show it). The APPID cannot be read
 * here, so the rest must match exactly and it must be digits. Assumed, not checked against
 * production (docs/functions.md).
 */
function isBucketOf(bucket: string, env: string): boolean {
  const prefix = `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-`;
  return bucket.startsWith(prefix) && /^\d{1,20}$/.test(bucket.slice(prefix.length));
}

/**
 * The slot a new `cloud://` avatar was uploaded to, or INVALID_ARGUMENT `profile.avatarUrl`
 * `not_owned`: another environment or bucket, or a path this account was never given.
 */
export function ownSlotOf(
  account: AccountDoc | undefined,
  fileId: string,
  env: string,
): AvatarSlot {
  const file = parseCloudFile(fileId);
  const slot = account?.avatarUploads?.find((s) => s.path === file?.path);
  const saved = account?.avatarFileId ? parseCloudFile(account.avatarFileId) : null;
  const sameBucket = saved ? saved.bucket === file?.bucket : true;
  if (!file || !slot || file.env !== env || !isBucketOf(file.bucket, env) || !sameBucket)
    throw invalidArgument('profile.avatarUrl', 'not_owned');
  return slot;
}

/**
 * The file IDs of recorded slots. A saved avatar's file ID gives the environment's bucket; a
 * slot is turned into a file ID with it (every slot of an account lives in the same bucket).
 * Without any known file ID nothing can be named: see docs/functions.md for that gap.
 */
export function fileIdsOf(slots: AvatarSlot[], knownFileId: string | undefined): string[] {
  const known = knownFileId ? parseCloudFile(knownFileId) : null;
  if (!known) return [];
  return slots.map((slot) => `cloud://${known.env}.${known.bucket}/${slot.path}`);
}

/** Every file this account uploaded an avatar to that can be named (saved or not). */
export function uploadedFileIds(account: AccountDoc | undefined): string[] {
  return fileIdsOf(account?.avatarUploads ?? [], account?.avatarFileId);
}
