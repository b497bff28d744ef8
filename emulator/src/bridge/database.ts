/**
 * `createWxCloud(...).database()`: the mini program's client database on top of the real
 * query builder (@cloudbase/database). The builder's objects are wrapped only to give the
 * client's call shapes (`add({ data })`, callbacks) and result shapes (`errMsg: 'collection.get:ok'`,
 * `stats.updated`, `document.get` returning one document); everything the builder serialises
 * (queries, commands, serverDate, RegExp, Geo) goes over the wire unchanged.
 */
import { CollectionReference, DocumentReference, Query } from '@cloudbase/database';
import { createBuilderDb } from './database-transport';
import type { BridgeDatabase } from './database-types';
import type { EmulatorEndpoint } from './emulator-client';
import { promiseOrCallbacks, wxError, type WxCallbacks } from './wx-api';

type Options = WxCallbacks<unknown> & { data?: unknown };
type AnyResult = Record<string, unknown>;
type Terminal = (target: unknown, options: Options) => Promise<unknown>;

const call = (target: unknown, method: string, ...args: unknown[]): Promise<AnyResult> =>
  (target as Record<string, (...a: unknown[]) => Promise<AnyResult>>)[method]!(...args);

/** Client API name → how it maps onto the builder and back. */
const QUERY_TERMINALS: Record<string, Terminal> = {
  get: async (q) => ({ data: (await call(q, 'get')).data, errMsg: 'collection.get:ok' }),
  count: async (q) => ({ total: (await call(q, 'count')).total, errMsg: 'collection.count:ok' }),
  update: async (q, o) => ({
    stats: { updated: (await call(q, 'update', dataOf(o, 'collection.update'))).updated },
    errMsg: 'collection.update:ok',
  }),
  remove: async (q) => ({
    stats: { removed: (await call(q, 'remove')).deleted },
    errMsg: 'collection.remove:ok',
  }),
};
const COLLECTION_TERMINALS: Record<string, Terminal> = {
  ...QUERY_TERMINALS,
  add: async (c, o) => ({
    _id: (await call(c, 'add', dataOf(o, 'collection.add'))).id,
    errMsg: 'collection.add:ok',
  }),
};
const DOCUMENT_TERMINALS: Record<string, Terminal> = {
  get: async (d) => {
    const result = await call(d, 'get');
    const list = result.data as unknown[];
    if (!list || list.length === 0) {
      const id = (d as { id?: unknown }).id;
      throw wxError('document.get', -1, `document with _id ${String(id)} does not exist`);
    }
    return { data: list[0], errMsg: 'document.get:ok' };
  },
  update: async (d, o) => ({
    stats: { updated: (await call(d, 'update', dataOf(o, 'document.update'))).updated },
    errMsg: 'document.update:ok',
  }),
  set: async (d, o) => {
    const result = await call(d, 'set', dataOf(o, 'document.set'));
    const created = result.upsertedId !== undefined ? 1 : 0;
    const id = result.upsertedId ?? (d as { id?: unknown }).id;
    return {
      _id: id,
      stats: { updated: created ? 0 : Number(result.updated ?? 0), created },
      errMsg: 'document.set:ok',
    };
  },
  remove: async (d) => ({
    stats: { removed: (await call(d, 'remove')).deleted },
    errMsg: 'document.remove:ok',
  }),
};
const AGGREGATE_TERMINALS: Record<string, Terminal> = {
  end: async (a) => ({ list: (await call(a, 'end')).data, errMsg: 'collection.aggregate:ok' }),
};

function dataOf(options: Options, api: string): unknown {
  if (!options || typeof options.data !== 'object' || options.data === null) {
    throw wxError(api, -1, 'parameter.data should be Object instead of ' + typeof options?.data);
  }
  return options.data;
}

function terminalsOf(target: object): Record<string, Terminal> {
  if (target instanceof CollectionReference) return COLLECTION_TERMINALS;
  if (target instanceof DocumentReference) return DOCUMENT_TERMINALS;
  if (target instanceof Query) return QUERY_TERMINALS;
  return AGGREGATE_TERMINALS;
}

/** The builder result of a chained call, wrapped when it is another builder object. */
function wrapIfBuilder(value: unknown): unknown {
  if (value instanceof Query || value instanceof DocumentReference) return wrap(value);
  const isAggregate =
    value && typeof value === 'object' && typeof (value as { end?: unknown }).end === 'function';
  return isAggregate ? wrap(value as object) : value;
}

function wrap(target: object): unknown {
  const terminals = terminalsOf(target);
  return new Proxy(target, {
    get(object, key) {
      if (typeof key !== 'string') return Reflect.get(object, key);
      if (key === 'watch') {
        return () => {
          throw wxError('watch', -1, 'watch() is not emulated (see docs/emulator.md)');
        };
      }
      const terminal = Object.hasOwn(terminals, key) ? terminals[key] : undefined;
      if (terminal) {
        return (options: Options = {}) => {
          const api = `${object instanceof DocumentReference ? 'document' : 'collection'}.${key}`;
          return promiseOrCallbacks(
            options,
            () => terminal(object, options),
            (cause) => wxError(api, -1, (cause as Error)?.message ?? String(cause)),
          );
        };
      }
      const value: unknown = Reflect.get(object, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        wrapIfBuilder((value as (...a: unknown[]) => unknown).apply(object, args));
    },
  });
}

export function createBridgeDatabase(endpoint: () => EmulatorEndpoint): BridgeDatabase {
  const db = createBuilderDb(endpoint);
  return {
    collection: (name: string) =>
      wrap(db.collection(name)) as ReturnType<BridgeDatabase['collection']>,
    command: db.command,
    serverDate: (options?: { offset?: number }) => db.serverDate(options),
    RegExp: (options: { regexp: string; options?: string }) => db.RegExp(options),
    Geo: db.Geo,
  };
}
