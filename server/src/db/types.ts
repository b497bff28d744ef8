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

export interface Query<T> {
  where(filter: Filter | Command): Query<T>;
  limit(max: number): Query<T>;
  get(): Promise<QueryResult<T>>;
  update(options: { data: Filter }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocumentRef {
  update(options: { data: Filter }): Promise<UpdateResult>;
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
  lt(value: unknown): Command;
  gt(value: unknown): Command;
  neq(value: unknown): Command;
  in(values: unknown[]): Command;
  or(...conditions: unknown[]): Command;
  and(...conditions: unknown[]): Command;
}

export interface Database {
  command: Commands;
  collection<T>(name: string): Collection<T>;
  createCollection(name: string): Promise<unknown>;
}
