import { EJSON } from 'bson';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database, type DatabaseOptions } from '../../../emulator/src/database';

/** Canonical Extended JSON, as wx-server-sdk sends documents and queries. */
export const ejson = (value: unknown): string => EJSON.stringify(value, { relaxed: false });

export const tempDir = (prefix = 'db-test-'): string => mkdtempSync(join(tmpdir(), prefix));

export type Reply = Record<string, unknown> & {
  data?: Record<string, unknown>;
  code?: string;
  message?: string;
};

/** A database plus a terse way to send one admin action. */
export function testDatabase(options: DatabaseOptions = { inMemory: true }) {
  const db: Database = openDatabase(options);
  const call = async (action: string, fields: Record<string, unknown> = {}): Promise<Reply> =>
    (await db.handle({ action: `database.${action}`, ...fields })) as Reply;
  /** The documents of a getDocument/aggregate reply, parsed as the SDK parses them. */
  const list = (reply: Reply): Record<string, unknown>[] => {
    if (!reply.data) throw new Error(`error reply: ${JSON.stringify(reply)}`);
    return (reply.data.list as string[]).map(
      (item) => EJSON.parse(item) as Record<string, unknown>,
    );
  };
  const insert = (collection: string, docs: unknown[], extra: Record<string, unknown> = {}) =>
    call('insertDocument', { collectionName: collection, data: docs.map(ejson), ...extra });
  const where = (collection: string, query?: unknown, extra: Record<string, unknown> = {}) =>
    call('getDocument', {
      collectionName: collection,
      queryType: 'WHERE',
      ...(query === undefined ? {} : { query: ejson(query) }),
      ...extra,
    });
  const doc = (collection: string, id: unknown, extra: Record<string, unknown> = {}) =>
    call('getDocument', {
      collectionName: collection,
      queryType: 'DOC',
      query: ejson({ _id: id }),
      multi: false,
      ...extra,
    });
  return { db, call, list, insert, where, doc };
}
