/**
 * A `wx.cloud` for Node tests of any mini program: the same API and result shapes as the real
 * one, talking to a running emulator as a given OPENID. Assign it to `wx.cloud` in a test setup
 * and the app's own code runs unchanged against the emulator.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ENDPOINTS, errorOf, postJson, putBytes, type EmulatorEndpoint } from './emulator-client';
import type {
  BridgeWxCloud,
  CallFunctionOptions,
  CallFunctionResult,
  DeleteFileItem,
  DeleteFileResult,
  FileListOptions,
  TempFileItem,
  TempFileResult,
  UploadFileOptions,
  UploadFileResult,
} from './types';
import { createBridgeDatabase } from './database';
import { createUploadTask } from './upload-task';
import { promiseOrCallbacks, wxError, type WxApiError, type WxCallbacks } from './wx-api';

export interface CreateWxCloudOptions {
  /** Base URL of the running emulator (startEmulator(...).url). */
  url: string;
  /** The user the calls come from; cloud functions see it as OPENID. Changeable later. */
  openid: string;
  appid?: string;
  /**
   * The env id the emulator serves (`RunningEmulator.project.envId`). With it, `init({ env })`
   * naming another env makes every call fail with -501000 `env not exists`, as on a phone.
   */
  envId?: string;
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

/** How each API is implemented: one signature, a promise or undefined (callback form). */
type Impl<O, R> = (options: O & WxCallbacks<R>) => Promise<R> | undefined;

/** The env `init` names: a string, or the `{ functions, database, storage }` object form. */
function initEnvs(env: unknown): string[] {
  if (typeof env === 'string') return [env];
  if (typeof env !== 'object' || env === null) return [];
  return Object.values(env).filter((value): value is string => typeof value === 'string');
}

export function createWxCloud(options: CreateWxCloudOptions): BridgeWxCloud {
  const state = { openid: options.openid, envs: [] as string[] };
  /** Rejects a call when init named an env the emulator does not serve (checked per call). */
  const checkEnv = (api: string): void => {
    const wrong = state.envs.find((env) => options.envId !== undefined && env !== options.envId);
    if (wrong !== undefined) throw wxError(api, -501000, `env not exists (env: ${wrong})`);
  };
  const endpoint = (): EmulatorEndpoint => ({
    url: options.url,
    openid: state.openid,
    appid: options.appid,
  });

  const callFunction: Impl<CallFunctionOptions, CallFunctionResult> = (opts) => {
    const api = 'cloud.callFunction';
    return promiseOrCallbacks(
      opts,
      async () => {
        checkEnv(api);
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
  };

  const uploadFile = (opts: UploadFileOptions & WxCallbacks<UploadFileResult>) => {
    const api = 'cloud.uploadFile';
    const { task, signal, finished } = createUploadTask();
    const aborted = () => wxError(api, NETWORK_ERR_CODE, 'abort');
    const settled = promiseOrCallbacks(
      opts,
      async () => {
        checkEnv(api);
        let bytes: Buffer;
        try {
          bytes = await readFile(opts.filePath);
        } catch {
          throw wxError(api, -1, `file not found: ${opts.filePath}`);
        }
        if (signal.aborted) throw aborted();
        const reply = await putBytes(
          endpoint(),
          ENDPOINTS.upload(opts.cloudPath),
          bytes,
          signal,
        ).catch((error: unknown) => {
          throw signal.aborted ? aborted() : error;
        });
        const fileID = (reply.body as { fileID?: unknown } | undefined)?.fileID;
        if (reply.status !== 200 || typeof fileID !== 'string') {
          throw replyError(api, reply.status, reply.body);
        }
        finished(bytes.length);
        return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' as const };
      },
      networkError(api),
    );
    // The callback form returns an upload task, as wx does.
    return settled ?? task;
  };

  const getTempFileURL: Impl<
    FileListOptions<string | { fileID: string; maxAge?: number }>,
    TempFileResult
  > = (opts) => {
    const api = 'cloud.getTempFileURL';
    return promiseOrCallbacks(
      opts,
      async () => {
        checkEnv(api);
        const reply = await postJson(endpoint(), ENDPOINTS.tempUrls, { fileList: opts.fileList });
        const fileList = (reply.body as { fileList?: TempFileItem[] } | undefined)?.fileList;
        if (reply.status !== 200 || !Array.isArray(fileList)) {
          throw replyError(api, reply.status, reply.body);
        }
        return { fileList, errMsg: 'cloud.getTempFileURL:ok' };
      },
      networkError(api),
    );
  };

  const deleteFile: Impl<FileListOptions<string>, DeleteFileResult> = (opts) => {
    const api = 'cloud.deleteFile';
    return promiseOrCallbacks(
      opts,
      async () => {
        checkEnv(api);
        const reply = await postJson(endpoint(), ENDPOINTS.deleteFiles, {
          fileList: opts.fileList,
        });
        const fileList = (reply.body as { fileList?: DeleteFileItem[] } | undefined)?.fileList;
        if (reply.status !== 200 || !Array.isArray(fileList)) {
          throw replyError(api, reply.status, reply.body);
        }
        return { fileList, errMsg: 'cloud.deleteFile:ok' };
      },
      networkError(api),
    );
  };

  const cloud = {
    get openid() {
      return state.openid;
    },
    set openid(value: string) {
      state.openid = value;
    },
    init(config?: { env?: unknown }) {
      // Like wx: init never fails itself; a wrong env shows on the first call.
      state.envs = initEnvs(config?.env);
    },
    callFunction,
    uploadFile,
    getTempFileURL,
    deleteFile,
    // The client database, judged by the emulator's security rules (database.ts).
    database: () => createBridgeDatabase(endpoint),
    // A top-level CloudID in callFunction data reaches the function as { cloudID, data }.
    CloudID: (cloudID: string) => ({ cloudID }),
  };
  // One implementation per API serves both overloads (promise and callback form); TypeScript
  // cannot check an object literal against overloads, so the shape is asserted here once.
  return cloud as unknown as BridgeWxCloud;
}
