/**
 * What the mini program side (wx.cloud.uploadFile / getTempFileURL / deleteFile, through the
 * bridge) talks to. The caller's OPENID comes in the `x-wx-openid` header, as the bridge sends it.
 * Replies use the wx shapes (`status`/`errMsg` per file) so the bridge passes them through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, readJsonBody } from '../http/body';
import { HttpError } from '../http/http-error';
import { sendJson } from '../http/reply';
import type { Route } from '../http/route-types';
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

/** Runs a handler and turns its failure into `{ errCode, errMsg }` (the bridge's fail shape). */
function guarded(
  work: (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => Promise<void>,
): Route['handler'] {
  return async (req, res, match) => {
    try {
      await work(req, res, match.query);
    } catch (error) {
      if (error instanceof HttpError) sendJson(res, error.status, error.toBody());
      else if (error instanceof StorageError) {
        sendJson(res, 400, { errCode: STORAGE_CODES[error.code], errMsg: error.message });
      } else sendJson(res, 500, { errCode: -501001, errMsg: (error as Error).message });
    }
  };
}

export function clientRoutes(service: StorageService): Route[] {
  return [
    {
      method: 'PUT',
      path: '/storage/upload',
      handler: guarded(async (req, res, query) => {
        const openid = openidOf(req);
        const content = await readBody(req, UPLOAD_LIMIT_BYTES);
        const fileID = await service.upload(query.get('cloudPath') ?? '', content, openid);
        sendJson(res, 200, { fileID, statusCode: 200 });
      }),
    },
    {
      method: 'POST',
      path: '/storage/temp-urls',
      handler: guarded(async (req, res) => {
        openidOf(req);
        const items = fileList(await readJsonBody(req)).map((entry) => {
          if (typeof entry === 'string') return { fileID: entry };
          const { fileID, maxAge } = (entry ?? {}) as { fileID?: unknown; maxAge?: unknown };
          if (typeof fileID !== 'string')
            throw new StorageError('INVALID_PARAM', 'bad fileList item');
          return typeof maxAge === 'number' ? { fileID, maxAge } : { fileID };
        });
        const list = (await service.tempUrls(items)).map((item) => ({
          fileID: item.fileID,
          tempFileURL: item.tempFileURL,
          maxAge: item.maxAge,
          status: STORAGE_CODES[item.code],
          errMsg: statusText(item.code),
        }));
        sendJson(res, 200, { fileList: list });
      }),
    },
    {
      method: 'POST',
      path: '/storage/delete',
      handler: guarded(async (req, res) => {
        const openid = openidOf(req);
        const ids = fileList(await readJsonBody(req));
        if (!ids.every((id) => typeof id === 'string')) {
          throw new StorageError('INVALID_PARAM', 'fileList must hold file ID strings');
        }
        const list = (await service.delete(ids as string[], { openid })).map((item) => ({
          fileID: item.fileID,
          status: STORAGE_CODES[item.code],
          errMsg: statusText(item.code),
        }));
        sendJson(res, 200, { fileList: list });
      }),
    },
  ];
}
