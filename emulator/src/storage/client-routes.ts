/**
 * What the mini program side (wx.cloud.uploadFile / getTempFileURL / deleteFile, through the
 * bridge) talks to. The caller's OPENID comes in the `x-wx-openid` header, as the bridge sends it.
 * Replies use the wx shapes (`status`/`errMsg` per file) so the bridge passes them through.
 */
import type { IncomingMessage } from 'node:http';
import { JSON_BODY_LIMIT_BYTES } from '../http/body';
import { HttpError } from '../http/http-error';
import type { Route, RouteInput } from '../http/route-types';
import { STORAGE_CODES, StorageError, type StorageService } from './storage-service';

/** Uploads through the mini program are capped here (the real limit depends on the plan). */
const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

function openidOf(req: IncomingMessage): string {
  const value = req.headers['x-wx-openid'];
  const openid = typeof value === 'string' ? value.trim() : '';
  if (!openid) throw new StorageError('INVALID_PARAM', 'x-wx-openid header is required');
  return openid;
}

function statusText(code: keyof typeof STORAGE_CODES): string {
  return code === 'SUCCESS' ? 'ok' : code;
}

function fileList(body: unknown): unknown[] {
  const list = (body as { fileList?: unknown } | null)?.fileList;
  if (!Array.isArray(list) || list.length === 0) {
    throw new StorageError('INVALID_PARAM', 'fileList must be a non-empty array');
  }
  return list;
}

/** A storage failure in the one error shape, with the wx errCode the bridge passes on. */
function guarded(work: (input: RouteInput) => Promise<unknown>): Route['handler'] {
  return async (input) => {
    try {
      return await work(input);
    } catch (error) {
      if (error instanceof StorageError) {
        throw new HttpError(400, error.code, error.message, STORAGE_CODES[error.code]);
      }
      throw error;
    }
  };
}

const jsonBody = {
  limit: JSON_BODY_LIMIT_BYTES,
  parse: 'json',
  types: ['application/json'],
} as const;

export function clientRoutes(service: StorageService): Route[] {
  return [
    {
      method: 'PUT',
      path: '/storage/upload',
      body: { limit: UPLOAD_LIMIT_BYTES, parse: 'bytes' },
      handler: guarded(async ({ req, raw, query }) => {
        const openid = openidOf(req);
        const fileID = await service.upload(query.get('cloudPath') ?? '', raw, { openid });
        return { fileID, statusCode: 200 };
      }),
    },
    {
      method: 'POST',
      path: '/storage/temp-urls',
      body: jsonBody,
      handler: guarded(async ({ req, body }) => {
        const openid = openidOf(req);
        const items = fileList(body).map((entry) => {
          if (typeof entry === 'string') return { fileID: entry };
          const { fileID, maxAge } = (entry ?? {}) as { fileID?: unknown; maxAge?: unknown };
          if (typeof fileID !== 'string')
            throw new StorageError('INVALID_PARAM', 'bad fileList item');
          return typeof maxAge === 'number' ? { fileID, maxAge } : { fileID };
        });
        const list = (await service.tempUrls(items, { openid })).map((item) => ({
          fileID: item.fileID,
          tempFileURL: item.tempFileURL,
          maxAge: item.maxAge,
          status: STORAGE_CODES[item.code],
          errMsg: statusText(item.code),
        }));
        return { fileList: list };
      }),
    },
    {
      method: 'POST',
      path: '/storage/delete',
      body: jsonBody,
      handler: guarded(async ({ req, body }) => {
        const openid = openidOf(req);
        const ids = fileList(body);
        if (!ids.every((id) => typeof id === 'string')) {
          throw new StorageError('INVALID_PARAM', 'fileList must hold file ID strings');
        }
        const list = (await service.delete(ids as string[], { openid })).map((item) => ({
          fileID: item.fileID,
          status: STORAGE_CODES[item.code],
          errMsg: statusText(item.code),
        }));
        return { fileList: list };
      }),
    },
  ];
}
