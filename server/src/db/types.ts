/**
 * The slice of the wx-server-sdk database API this server uses, typed. The SDK's own typings
 * return `Promise | void | string` and `any` everywhere; cloud.ts casts once to this shape.
 */
export type Filter = Record<string, unknown>;

export interface QueryResult<T> {
  data: T[];
}
export interface UpdateResult {
  stats: { updated: number };
}
export interface RemoveResult {
  stats: { removed: number };
}
export interface AddResult {
  _id: string;
}

export interface CountResult {
  total: number;
}

export interface Query<T> {
  where(filter: Filter | Command): Query<T>;
  limit(max: number): Query<T>;
  skip(n: number): Query<T>;
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>;
  get(): Promise<QueryResult<T>>;
  count(): Promise<CountResult>;
  update(options: { data: Filter }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocumentRef {
  update(options: { data: Filter }): Promise<UpdateResult>;
  /** Replaces the document, or creates it with this `_id`. */
  set(options: { data: Filter }): Promise<unknown>;
  remove(): Promise<RemoveResult>;
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef;
  add(options: { data: T }): Promise<AddResult>;
}

/** An opaque query/update operator built by `db.command`. */
export interface Command {
  readonly __command?: never;
  and(...conditions: unknown[]): Command;
}

export interface Commands {
  inc(n: number): Command;
  remove(): Command;
  set(value: unknown): Command;
  push(values: unknown[]): Command;
  pullAll(values: unknown[]): Command;
  lt(value: unknown): Command;
  gt(value: unknown): Command;
  lte(value: unknown): Command;
  neq(value: unknown): Command;
  in(values: unknown[]): Command;
  nin(values: unknown[]): Command;
  exists(value: boolean): Command;
  or(...conditions: unknown[]): Command;
  and(...conditions: unknown[]): Command;
}

export interface Database {
  command: Commands;
  /** A regular-expression query value (`db.RegExp({ regexp, options })`). */
  RegExp(options: { regexp: string; options?: string }): unknown;
  collection<T>(name: string): Collection<T>;
  createCollection(name: string): Promise<unknown>;
}
