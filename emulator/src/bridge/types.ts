/**
 * The bridge's wx.cloud API, typed like the real one: without success/fail/complete a call
 * returns a promise; with any of them it reports through the callbacks (uploadFile then
 * returns an upload task, the others nothing).
 */
import type { BridgeDatabase } from './database-types';
import type { WxApiError, WxCallbacks } from './wx-api';

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
export interface TempFileResult {
  fileList: TempFileItem[];
  errMsg: string;
}
export interface DeleteFileItem {
  fileID: string;
  status: number;
  errMsg: string;
}
export interface DeleteFileResult {
  fileList: DeleteFileItem[];
  errMsg: string;
}

export interface UploadProgress {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}

/** What uploadFile returns in the callback form, like WechatMiniprogram.UploadTask. */
export interface BridgeUploadTask {
  onProgressUpdate(listener: (progress: UploadProgress) => void): void;
  offProgressUpdate(listener?: (progress: UploadProgress) => void): void;
  /** Stops the upload (not stored) and fails it with `cloud.uploadFile:fail abort`, as wx does. */
  abort(): void;
}

export interface CallFunctionOptions {
  name: string;
  data?: object;
}
export interface UploadFileOptions {
  cloudPath: string;
  filePath: string;
}
export interface FileListOptions<Item> {
  fileList: Item[];
}

/** Options without callbacks: the API returns a promise. */
export interface NoCallbacks {
  success?: undefined;
  fail?: undefined;
  complete?: undefined;
}
/** Options with at least one callback: the API reports through them. */
export type SomeCallback<T> = WxCallbacks<T> &
  (
    | { success: (result: T) => void }
    | { fail: (error: WxApiError) => void }
    | { complete: (result: T | WxApiError) => void }
  );

type TempFileRequest = string | { fileID: string; maxAge?: number };

export interface BridgeWxCloud {
  /** Changes the caller, e.g. to act as a second user in the same test. */
  openid: string;
  init(config?: { env?: unknown; traceUser?: boolean }): void;

  callFunction(options: CallFunctionOptions & NoCallbacks): Promise<CallFunctionResult>;
  callFunction(options: CallFunctionOptions & SomeCallback<CallFunctionResult>): void;

  uploadFile(options: UploadFileOptions & NoCallbacks): Promise<UploadFileResult>;
  uploadFile(options: UploadFileOptions & SomeCallback<UploadFileResult>): BridgeUploadTask;

  getTempFileURL(options: FileListOptions<TempFileRequest> & NoCallbacks): Promise<TempFileResult>;
  getTempFileURL(options: FileListOptions<TempFileRequest> & SomeCallback<TempFileResult>): void;

  deleteFile(options: FileListOptions<string> & NoCallbacks): Promise<DeleteFileResult>;
  deleteFile(options: FileListOptions<string> & SomeCallback<DeleteFileResult>): void;

  /** The client database as this OPENID, judged by security rules (`POST /client/database`). */
  database(config?: { env?: unknown }): BridgeDatabase;

  /**
   * Marks an open-data cloud ID (from wx.getWeRunData...; here issued by the emulator): as a
   * top-level field of callFunction data it arrives in the function as `{ cloudID, data }`.
   */
  CloudID(cloudID: string): { cloudID: string };
}
