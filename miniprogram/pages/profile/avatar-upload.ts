/** Extension of a temporary file path, for a readable cloud path (`.jpg` when unknown). */
function extensionOf(filePath: string): string {
  const match = /\.([a-zA-Z0-9]{1,8})$/.exec(filePath);
  return match ? `.${match[1].toLowerCase()}` : '.jpg';
}

/**
 * Uploads the temporary avatar chosen with `open-type="chooseAvatar"` and resolves with its
 * cloud file ID. The temporary path stops working after the session, so it is never stored.
 */
export async function uploadAvatar(
  tempFilePath: string,
  now: number = Date.now(),
): Promise<string> {
  const random = Math.random().toString(36).slice(2, 10);
  const cloudPath = `avatars/${now}-${random}${extensionOf(tempFilePath)}`;
  const { fileID } = await wx.cloud.uploadFile({ cloudPath, filePath: tempFilePath });
  return fileID;
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
