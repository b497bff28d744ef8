/**
 * What both upload routes (SDK 4's PUT and the PostObject of SDK 1.x to 3.x) share: the file a
 * signed upload URL names, whether the signature holds, and the XML error COS answers with.
 */
import type { RouteInput } from '../http/route-types';
import { checkCloudPath } from './file-id';
import type { StorageService } from './storage-service';

export interface UrlTarget {
  env: string;
  cloudPath: string;
}

/** The env and cloud path of a `/:env/*` storage URL, or null when the path is not a valid one. */
export function urlTarget({ params }: RouteInput): UrlTarget | null {
  const env = params.env ?? '';
  const cloudPath = params['*'] ?? '';
  return env && checkCloudPath(cloudPath) === null ? { env, cloudPath } : null;
}

/** The file a signed upload URL names, or why the URL is refused. */
export function signedUploadTarget(
  service: StorageService,
  input: RouteInput,
): { file: UrlTarget } | { refused: string } {
  const file = urlTarget(input);
  const verdict = file
    ? service.signer.verify('upload', file, input.query, service.now())
    : 'bad-signature';
  if (!file || verdict !== 'ok' || file.env !== service.env) return { refused: verdict };
  return { file };
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The XML error body COS sends, which the SDKs turn into `STORAGE_REQUEST_FAIL: <Message>`. */
export function cosErrorXml(code: string, message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${xmlEscape(code)}</Code>` +
    `<Message>${xmlEscape(message)}</Message><RequestId>emulator</RequestId></Error>`
  );
}
