/**
 * Carried by http/ because more than one capability reads multipart bodies (the SDK's
 * openapi calls and COS PostObject uploads of SDK 2.3 to 3.x).
 *
 * Reads a `multipart/form-data` body with @fastify/busboy (the maintained busboy fork undici uses).
 * The SDK sends `requestData` as an `application/octet-stream` part without a filename; busboy's
 * default treats such a part as a file, so its bytes arrive untouched instead of being decoded
 * as UTF-8 text (which would corrupt the protobuf).
 */
import Busboy, {
  type BusboyFileStream,
  type BusboyHeaders,
  type BusboyInstance,
} from '@fastify/busboy';
import type { IncomingMessage } from 'node:http';

export interface MultipartBody {
  fields: Record<string, string>;
  binaries: Record<string, Buffer>;
}

/** The SDK's parts are tiny; anything near SCF's 6 MB event limit is refused. */
const LIMITS = { fieldSize: 1024 * 1024, fileSize: 6 * 1024 * 1024, fields: 32, files: 8 };

export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** Parses a body the pipeline has already read (within the /admin route's size limit). */
export function readMultipart(
  req: IncomingMessage,
  raw: Buffer,
  limits: typeof LIMITS = LIMITS,
): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    const body: MultipartBody = { fields: {}, binaries: {} };
    let parser: BusboyInstance;
    try {
      parser = new Busboy({ headers: req.headers as BusboyHeaders, limits });
    } catch (error) {
      reject(new MultipartError(`not a multipart body: ${(error as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => {
      body.fields[name] = value;
    });
    parser.on('file', (name: string, stream: BusboyFileStream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.truncated)
          reject(
            new MultipartError(`part ${name} is larger than ${limits.fileSize / 1024 / 1024} MB`),
          );
        body.binaries[name] = Buffer.concat(chunks);
      });
    });
    parser.on('error', (error) => reject(new MultipartError((error as Error).message)));
    parser.on('finish', () => resolve(body));
    parser.end(raw);
  });
}
