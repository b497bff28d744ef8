/**
 * The mini program's `wx.cloud.database()` API as the bridge offers it: promise form without
 * callbacks, callback form (returns nothing) with any of success/fail/complete.
 */
import type { Db } from '@cloudbase/database';
import type { NoCallbacks, SomeCallback } from './types';

export type DbDocument = Record<string, unknown>;

export interface DbGetResult<T> {
  data: T;
  errMsg: string;
}
export interface DbCountResult {
  total: number;
  errMsg: string;
}
export interface DbAddResult {
  _id: string | number;
  errMsg: string;
}
export interface DbUpdateResult {
  stats: { updated: number };
  errMsg: string;
}
export interface DbSetResult {
  _id: string | number;
  stats: { updated: number; created: number };
  errMsg: string;
}
export interface DbRemoveResult {
  stats: { removed: number };
  errMsg: string;
}
export interface DbAggregateResult {
  list: DbDocument[];
  errMsg: string;
}

/** A call with optional options (get, count, remove). */
export interface DbCall<R> {
  (options?: NoCallbacks): Promise<R>;
  (options: SomeCallback<R>): void;
}
/** A call that takes `{ data }` (add, update, set). */
export interface DbDataCall<R> {
  (options: { data: object } & NoCallbacks): Promise<R>;
  (options: { data: object } & SomeCallback<R>): void;
}

export type OrderDirection = 'asc' | 'desc';

export interface BridgeQuery {
  where(condition: object): BridgeQuery;
  orderBy(fieldPath: string, direction: OrderDirection): BridgeQuery;
  skip(offset: number): BridgeQuery;
  limit(max: number): BridgeQuery;
  field(projection: Record<string, boolean | 0 | 1>): BridgeQuery;
  get: DbCall<DbGetResult<DbDocument[]>>;
  count: DbCall<DbCountResult>;
  update: DbDataCall<DbUpdateResult>;
  remove: DbCall<DbRemoveResult>;
  /** Not emulated: throws (see docs/emulator.md). */
  watch(options?: unknown): never;
}

export interface BridgeDocumentRef {
  field(projection: Record<string, boolean | 0 | 1>): BridgeDocumentRef;
  get: DbCall<DbGetResult<DbDocument>>;
  update: DbDataCall<DbUpdateResult>;
  set: DbDataCall<DbSetResult>;
  remove: DbCall<DbRemoveResult>;
  watch(options?: unknown): never;
}

type Stage<A> = (argument: A) => BridgeAggregate;

/** Aggregation stages chain; end() runs the pipeline (judged on its first $match). */
export interface BridgeAggregate {
  addFields: Stage<object>;
  bucket: Stage<object>;
  bucketAuto: Stage<object>;
  count: Stage<string>;
  geoNear: Stage<object>;
  group: Stage<object>;
  limit: Stage<number>;
  lookup: Stage<object>;
  match: Stage<object>;
  project: Stage<object>;
  replaceRoot: Stage<object>;
  sample: Stage<{ size: number }>;
  skip: Stage<number>;
  sort: Stage<object>;
  sortByCount: Stage<unknown>;
  unwind: Stage<string | object>;
  end: DbCall<DbAggregateResult>;
}

export interface BridgeCollection extends BridgeQuery {
  doc(id: string | number): BridgeDocumentRef;
  add: DbDataCall<DbAddResult>;
  aggregate(): BridgeAggregate;
}

export interface BridgeDatabase {
  collection(name: string): BridgeCollection;
  /** `db.command` of @cloudbase/database: eq, gt, in, and, or, inc, push, aggregate… */
  readonly command: Db['command'];
  serverDate(options?: { offset?: number }): unknown;
  RegExp(options: { regexp: string; options?: string }): unknown;
  readonly Geo: Db['Geo'];
}
