/**
 * The multipart POST upload of wx-server-sdk 1.x to 3.x (tcb-admin-node, @cloudbase/node-sdk
 * 2.x): after `storage.getUploadMetadata` they POST a COS PostObject form (`key`, `Signature`,
 * `x-cos-security-token`, `x-cos-meta-fileid`, `file`) to the returned URL and parse the reply
 * as XML. COS answers success with 204 and no body, failures with an XML `<Error>`, so that is
 * what this route answers. The signed URL is the permission, as for SDK 4's PUT; the form's
 * `key` must name the same path. The file is stored through StorageService.upload, the one
 * upload path every route shares.
 */
import type { Route, RouteInput } from '../http/route-types';
import { MultipartError, readMultipart } from '../http/multipart';
import { cosErrorXml, signedUploadTarget } from './signed-upload';
import { UPLOAD_PREFIX } from './signed-url';
import { StorageError, type StorageService } from './storage-service';

/** COS PostObject accepts up to 5 GB; the emulator keeps SDK 4's PUT limit. */
const POST_OBJECT_LIMIT_BYTES = 50 * 1024 * 1024;
const FORM_LIMITS = {
  fieldSize: 64 * 1024,
  fileSize: POST_OBJECT_LIMIT_BYTES,
  fields: 32,
  files: 1,
};

function replyXml({ res }: RouteInput, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(cosErrorXml(code, message));
}

async function postObject(service: StorageService, input: RouteInput): Promise<void> {
  const { req, res, raw } = input;
  const signed = signedUploadTarget(service, input);
  if ('refused' in signed) {
    return replyXml(input, 403, 'AccessDenied', `upload URL refused: ${signed.refused}`);
  }
  const { cloudPath } = signed.file;
  let form;
  try {
    form = await readMultipart(req, raw, FORM_LIMITS);
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    return replyXml(input, 400, 'MalformedPOSTRequest', error.message);
  }
  if (form.fields.key !== cloudPath) {
    return replyXml(input, 400, 'InvalidArgument', `form key must be ${cloudPath}`);
  }
  const content =
    form.binaries.file ??
    (form.fields.file !== undefined ? Buffer.from(form.fields.file) : undefined);
  if (!content) return replyXml(input, 400, 'InvalidArgument', 'the form has no file part');
  try {
    // A signed PostObject URL is issued to server SDKs only (functions, admin): no client owner.
    await service.upload(cloudPath, content, 'admin');
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    return replyXml(
      input,
      error.code === 'STORAGE_EXCEED_AUTHORITY' ? 403 : 400,
      error.code,
      error.message,
    );
  }
  res.writeHead(204);
  res.end();
}

export function postObjectRoutes(service: StorageService): Route[] {
  return [
    {
      method: 'POST',
      path: `${UPLOAD_PREFIX}/:env/*`,
      callers: 'no-browser',
      body: {
        limit: POST_OBJECT_LIMIT_BYTES + 64 * 1024,
        parse: 'bytes',
        types: ['multipart/form-data'],
      },
      handler: (input) => postObject(service, input),
    },
  ];
}
