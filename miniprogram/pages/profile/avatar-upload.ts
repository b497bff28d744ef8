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
