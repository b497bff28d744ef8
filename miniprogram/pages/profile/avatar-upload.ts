import { appSession, AVATAR_EXTENSIONS, type AvatarExtension } from 'wx-cloud-login-miniprogram';

/** Extension of a temporary file path, as the server accepts it (`jpg` when unknown). */
function extensionOf(filePath: string): AvatarExtension {
  const match = /\.([a-zA-Z0-9]{1,8})$/.exec(filePath);
  const extension = match?.[1]?.toLowerCase() ?? '';
  return (AVATAR_EXTENSIONS as readonly string[]).includes(extension)
    ? (extension as AvatarExtension)
    : 'jpg';
}

/** wx.cloud.uploadFile failed (the path reservation before it is an ordinary call error). */
export class AvatarUploadError extends Error {
  constructor(readonly original: unknown) {
    super('avatar upload failed');
    this.name = 'AvatarUploadError';
  }
}

/**
 * Uploads the temporary avatar chosen with `open-type="chooseAvatar"` to a path the server hands
 * out (reserveAvatarUpload records it as this account's) and resolves with its file ID. The
 * temporary path stops working after the session, so it is never stored.
 */
export async function uploadAvatar(tempFilePath: string): Promise<string> {
  const { cloudPath } = await appSession().callAuthenticated('reserveAvatarUpload', {
    extension: extensionOf(tempFilePath),
  });
  try {
    const { fileID } = await wx.cloud.uploadFile({ cloudPath, filePath: tempFilePath });
    return fileID;
  } catch (error) {
    throw new AvatarUploadError(error);
  }
}

/**
 * Runs `save` with the picked avatar uploaded right before it: picking again, or leaving the
 * page, uploads nothing. When the save fails, its upload is deleted at once (the server would
 * also delete it with the account or at the next save). `onUploading` drives the page's hint.
 */
export async function saveWithAvatar<T>(
  pendingPath: string,
  save: (avatarUrl: string | undefined) => Promise<T>,
  onUploading: (uploading: boolean) => void,
): Promise<T> {
  if (!pendingPath) return save(undefined);
  onUploading(true);
  let fileID: string;
  try {
    fileID = await uploadAvatar(pendingPath);
  } finally {
    onUploading(false);
  }
  try {
    return await save(fileID);
  } catch (error) {
    wx.cloud.deleteFile({ fileList: [fileID] }).catch((deleteError: unknown) => {
      console.error('[wx-cloud-login] unsaved avatar not deleted', deleteError);
    });
    throw error;
  }
}

function errMsgOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return '';
  const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
  if (typeof errMsg === 'string') return errMsg;
  return typeof message === 'string' ? message : '';
}

export type UploadFailure = 'privacy' | 'too_large' | 'network' | 'other';

/** Why an avatar upload failed, from the errMsg shapes wx.cloud.uploadFile reports. */
export function uploadFailureOf(error: unknown): { kind: UploadFailure; errMsg: string } {
  const errMsg = errMsgOf(error);
  if (/privacy/i.test(errMsg)) return { kind: 'privacy', errMsg };
  if (/exceed|too large|too big|size limit|超过|过大/i.test(errMsg)) {
    return { kind: 'too_large', errMsg };
  }
  if (/request:fail|network|timeout|网络/i.test(errMsg)) return { kind: 'network', errMsg };
  return { kind: 'other', errMsg };
}

/** What the page shows next to the avatar for each failure (privacy has its own notice). */
export const UPLOAD_MESSAGES: Record<Exclude<UploadFailure, 'privacy'>, string> = {
  too_large: '图片太大了，请换一张较小的图片',
  network: '网络不太好，头像没有上传成功，请重试',
  other: '头像上传失败，请重试',
};
