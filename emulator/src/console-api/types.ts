/**
 * Request and response shapes of the console HTTP API (`/api/...`).
 * Shared by the server (emulator/src/console-api) and the browser console (emulator/console),
 * which imports this file type-only, so both sides drift together or fail to compile.
 *
 * Documents travel as relaxed Extended JSON objects: dates are `{"$date":"<ISO>"}`, plain numbers
 * stay numbers, ObjectIds are `{"$oid":"..."}`. That is readable in the UI and round-trips.
 */

import type { InvocationEvent } from '../functions/invocation-event';

/** A JSON value as it travels over HTTP. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Every non-2xx answer (the emulator's one error shape; the console reads code/message). */
export type { ErrorBody as ApiError } from '../http/http-error';

export interface CollectionInfo {
  name: string;
  count: number;
}
export interface CollectionsResponse {
  collections: CollectionInfo[];
}
export interface CreateCollectionRequest {
  name: string;
}

/** GET /api/collections/:name/documents?filter=&offset=&limit=&sort=&order= */
export interface DocumentsResponse {
  total: number;
  offset: number;
  limit: number;
  documents: JsonObject[];
}
export interface DocumentResponse {
  document: JsonObject;
}
export interface UpdatedResponse {
  updated: number;
}
export interface DeletedResponse {
  deleted: number;
}
export interface InsertedResponse {
  id: JsonValue;
}

/** One function found in cloudbaserc.json, with its merged configuration. */
export interface FunctionInfo {
  name: string;
  config: JsonObject;
}
export interface FunctionsResponse {
  functions: FunctionInfo[];
}

/**
 * One finished function call as the console shows it: the host's InvocationEvent made JSON
 * (event, result and log lines as they travel), with `seq` to order the console's log.
 */
export type InvocationRecord = Omit<InvocationEvent, 'errCode' | 'event' | 'result' | 'logs'> & {
  seq: number;
  errCode?: number | string;
  event: JsonValue;
  result?: JsonValue;
  logs: JsonValue[];
};
export interface InvocationsResponse {
  invocations: InvocationRecord[];
  /** Largest seq handed out so far; pass it back as `after` to poll for newer ones. */
  lastSeq: number;
}

/** POST /api/functions/:name/call */
export interface CallRequest {
  openid: string;
  data: JsonValue;
}
export interface CallResponse {
  ok: boolean;
  requestId?: string;
  result?: JsonValue;
  errCode?: number | string;
  errMsg?: string;
  durationMs: number;
}

export interface KnownOpenid {
  openid: string;
  /** Where it was seen: a user record or a recent invocation. */
  source: 'users' | 'invocations';
  nickName?: string;
}
export interface OpenidsResponse {
  openids: KnownOpenid[];
}

export interface StorageFileInfo {
  fileID: string;
  path: string;
  size: number;
  contentType?: string;
  uploadedAt?: number;
  /** OPENID of the uploader (empty for uploads by functions). */
  owner?: string;
  /** A URL the browser can load (for image previews), when the storage module offers one. */
  url?: string;
}
export interface StorageResponse {
  /** False when this emulator has no storage module. */
  available: boolean;
  files: StorageFileInfo[];
}

/** Exports live in `<project>/.cloudbase/exports/<name>`; a name is one folder name. */
export interface ExportRequest {
  /** Default: the current time (`2026-11-21T20-58-16-123Z`). */
  name?: string;
}
export interface ExportResponse {
  /** `.cloudbase/exports/<name>`, relative to the project. */
  dir: string;
  name: string;
  collections: CollectionInfo[];
}
export interface ImportRequest {
  name: string;
}

export interface Faults {
  /** Added before every database call. */
  latencyMs: number;
  /** Fraction (0..1) of database calls answered with SYS_ERR. */
  faultRate: number;
}

/**
 * Database statistics (calls per action, and per function invocation by requestId): the
 * database's own shape, served as is. Type-only, so the browser bundle takes no code from it.
 */
export type { DatabaseStats as StatsResponse, InvocationStats } from '../database/stats';

export interface OkResponse {
  ok: true;
}

export type * from './rules-types';
export type * from './storage-rules-types';
