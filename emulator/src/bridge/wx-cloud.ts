/**
 * A `wx.cloud` for Node tests of any mini program: the same API and result shapes as the real
 * one, talking to a running emulator as a given OPENID. Assign it to `wx.cloud` in a test setup
 * and the app's own code runs unchanged against the emulator.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ENDPOINTS, errorOf, postJson, putBytes, type EmulatorEndpoint } from './emulator-client';
import { promiseOrCallbacks, wxError, type WxApiError, type WxCallbacks } from './wx-api';

export interface CreateWxCloudOptions {
  /** Base URL of the running emulator (startEmulator(...).url). */
  url: string;
  /** The user the calls come from; cloud functions see it as OPENID. Changeable later. */
  openid: string;
  appid?: string;
}

export interface CallFunctionResult {
  result: unknown;
  requestID: string;
  errMsg: 'cloud.callFunction:ok';
}
export interface UploadFileResult {
  fileID: string;
  statusCode: number;
  errMsg: 'cloud.uploadFile:ok';
}
export interface TempFileItem {
  fileID: string;
  tempFileURL: string;
  maxAge: number;
  status: number;
  errMsg: string;
}
export interface DeleteFileItem {
  fileID: string;
  status: number;
  errMsg: string;
}

export interface BridgeWxCloud {
  /** Changes the caller, e.g. to act as a second user in the same test. */
  openid: string;
  init(config?: { env?: unknown; traceUser?: boolean }): void;
  callFunction(
    options: { name: string; data?: object } & WxCallbacks<CallFunctionResult>,
  ): Promise<CallFunctionResult> | undefined;
  uploadFile(
    options: { cloudPath: string; filePath: string } & WxCallbacks<UploadFileResult>,
  ): Promise<UploadFileResult> | undefined;
  getTempFileURL(
    options: { fileList: Array<string | { fileID: string; maxAge?: number }> } & WxCallbacks<{
      fileList: TempFileItem[];
      errMsg: string;
    }>,
  ): Promise<{ fileList: TempFileItem[]; errMsg: string }> | undefined;
  deleteFile(
    options: { fileList: string[] } & WxCallbacks<{ fileList: DeleteFileItem[]; errMsg: string }>,
  ): Promise<{ fileList: DeleteFileItem[]; errMsg: string }> | undefined;
}

/** errCode of a request that never got an HTTP reply (emulator down, connection reset). */
export const NETWORK_ERR_CODE = -1;

function networkError(api: string): (cause: unknown) => WxApiError {
  return (cause) =>
    wxError(api, NETWORK_ERR_CODE, `request:fail ${(cause as Error)?.message ?? String(cause)}`);
}

/** A non-2xx reply, or a 2xx reply without the expected body, as a wx failure. */
function replyError(api: string, status: number, body: unknown): WxApiError {
  const error = errorOf(body);
  if (error) return wxError(api, error.errCode, `Error: errCode: ${error.errCode} ${error.errMsg}`);
  return wxError(api, -501001, `unexpected reply from the emulator (HTTP ${status})`);
}

export function createWxCloud(options: CreateWxCloudOptions): BridgeWxCloud {
  const endpoint = (): EmulatorEndpoint => ({
    url: options.url,
    openid: cloud.openid,
    appid: options.appid,
  });

  const cloud: BridgeWxCloud = {
    openid: options.openid,

    init() {
      // Nothing to set up: the env is whatever the emulator serves.
    },

    callFunction(opts) {
      const api = 'cloud.callFunction';
      return promiseOrCallbacks(
        opts,
        async () => {
          // POST /functions/<name> takes {data}, answers {result, requestID} (functions/routes.ts).
          const path = ENDPOINTS.callFunction(opts.name);
          const reply = await postJson(endpoint(), path, { data: opts.data ?? {} });
          const body = reply.body as { result?: unknown; requestID?: unknown } | undefined;
          if (reply.status !== 200 || typeof body !== 'object' || body === null) {
            throw replyError(api, reply.status, reply.body);
          }
          const requestID = typeof body.requestID === 'string' ? body.requestID : randomUUID();
          return { result: body.result, requestID, errMsg: 'cloud.callFunction:ok' as const };
        },
        networkError(api),
      );
    },

    uploadFile(opts) {
      const api = 'cloud.uploadFile';
      return promiseOrCallbacks(
        opts,
        async () => {
          let bytes: Buffer;
          try {
            bytes = await readFile(opts.filePath);
          } catch {
            throw wxError(api, -1, `file not found: ${opts.filePath}`);
          }
          const reply = await putBytes(endpoint(), ENDPOINTS.upload(opts.cloudPath), bytes);
          const fileID = (reply.body as { fileID?: unknown } | undefined)?.fileID;
          if (reply.status !== 200 || typeof fileID !== 'string')
            throw replyError(api, reply.status, reply.body);
          return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' as const };
        },
        networkError(api),
      );
    },

    getTempFileURL(opts) {
      const api = 'cloud.getTempFileURL';
      return promiseOrCallbacks(
        opts,
        async () => {
          const reply = await postJson(endpoint(), ENDPOINTS.tempUrls, { fileList: opts.fileList });
          const fileList = (reply.body as { fileList?: TempFileItem[] } | undefined)?.fileList;
          if (reply.status !== 200 || !Array.isArray(fileList))
            throw replyError(api, reply.status, reply.body);
          return { fileList, errMsg: 'cloud.getTempFileURL:ok' };
        },
        networkError(api),
      );
    },

    deleteFile(opts) {
      const api = 'cloud.deleteFile';
      return promiseOrCallbacks(
        opts,
        async () => {
          const reply = await postJson(endpoint(), ENDPOINTS.deleteFiles, {
            fileList: opts.fileList,
          });
          const fileList = (reply.body as { fileList?: DeleteFileItem[] } | undefined)?.fileList;
          if (reply.status !== 200 || !Array.isArray(fileList))
            throw replyError(api, reply.status, reply.body);
          return { fileList, errMsg: 'cloud.deleteFile:ok' };
        },
        networkError(api),
      );
    },
  };
  return cloud;
}
