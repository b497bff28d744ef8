/**
 * The database actions of wx-server-sdk 1.x and 2.0.x (@cloudbase/database 0.9.x), answered by
 * translating each to the current action and its reply back to the shape the old SDK reads
 * (dist/commonjs/{document,query,aggregate}.js and transaction/document.js of 0.9.22).
 * Error replies (`{code, message}`) are passed through: the old SDK reads them the same way.
 */
import { documentToLegacy, fromLegacy, orderFromLegacy } from './legacy-values';

type Body = Record<string, unknown> & { action: string };
type Reply = Record<string, unknown>;

interface LegacyAction {
  /** The current request for a legacy one. */
  request(body: Body): Body;
  /** The legacy reply for a successful current one. */
  reply(current: Reply, body: Body): Reply;
}

function dataOf(reply: Reply): Record<string, unknown> {
  const data = reply.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function listOf(reply: Reply): string[] {
  const list = dataOf(reply).list;
  return Array.isArray(list) ? (list as string[]) : [];
}

/** `{_id: {$eq: id}}` (transactions) or `{_id: id}` -> `{_id: id}`. */
function docQuery(query: unknown): { _id: unknown } {
  const id = (query as { _id?: unknown } | undefined)?._id;
  const eq = (id as { $eq?: unknown } | undefined)?.$eq;
  return { _id: eq !== undefined ? eq : id };
}

/** A document for insertDocument: the current protocol sends one JSON text per document. */
function insertText(doc: unknown, id: unknown): string {
  const value = fromLegacy(doc) as Record<string, unknown>;
  return JSON.stringify(id === undefined ? value : { _id: id, ...value });
}

function current(body: Body, action: string, fields: Record<string, unknown>): Body {
  const { action: _legacy, ...rest } = body;
  const out: Body = { ...rest, action, ...fields };
  for (const key of ['query', 'data'] as const) {
    if (key in fields) continue;
    if (out[key] !== undefined && typeof out[key] !== 'string') out[key] = fromLegacy(out[key]);
  }
  return out;
}

export const LEGACY_DATABASE_ACTIONS: Readonly<Record<string, LegacyAction>> = {
  'database.addDocument': {
    request: (body) =>
      current(body, 'database.insertDocument', { data: [insertText(body.data, body._id)] }),
    reply: (reply) => ({ ...reply, data: { _id: (dataOf(reply).insertedIds as unknown[])?.[0] } }),
  },
  'database.queryDocument': {
    request: (body) =>
      current(body, 'database.getDocument', { order: orderFromLegacy(body.order) }),
    reply: (reply) => ({
      ...reply,
      data: { ...dataOf(reply), list: listOf(reply).map(documentToLegacy) },
    }),
  },
  'database.countDocument': {
    request: (body) => current(body, 'database.calculateDocument', {}),
    reply: (reply) => reply,
  },
  'database.updateDocument': {
    request: (body) => current(body, 'database.modifyDocument', {}),
    // doc.set() reads `upserted_id`, where().update() `upsert_id`.
    reply: (reply) => {
      const data = dataOf(reply);
      return { ...reply, data: { ...data, upserted_id: data.upsert_id } };
    },
  },
  'database.deleteDocument': {
    request: (body) => current(body, 'database.removeDocument', {}),
    reply: (reply) => reply,
  },
  'database.aggregate': {
    request: (body) => current(body, 'database.aggregateDocuments', {}),
    // The old SDK runs JSON.parse(list).map(EJSON.parse): the list travels as one JSON text.
    reply: (reply) => ({ ...reply, data: { list: JSON.stringify(listOf(reply)) } }),
  },
  'database.getInTransaction': {
    request: (body) =>
      current(body, 'database.getDocument', {
        queryType: 'DOC',
        multi: false,
        query: docQuery(body.query),
      }),
    // One document as Extended JSON text, or the text 'null'.
    reply: (reply) => ({ requestId: reply.requestId, data: listOf(reply)[0] ?? 'null' }),
  },
  'database.updateDocInTransaction': {
    // set() sends upsert: true and a whole document (replace); update() sends operators.
    request: (body) =>
      current(body, 'database.modifyDocument', {
        queryType: 'DOC',
        multi: false,
        query: docQuery(body.query),
        merge: body.upsert !== true,
        upsert: body.upsert === true,
      }),
    reply: (reply) => {
      const { updated, upsert_id: upserted } = dataOf(reply);
      return {
        requestId: reply.requestId,
        updated: JSON.stringify(updated ?? 0),
        ...(upserted !== undefined ? { upserted: JSON.stringify([{ _id: upserted }]) } : {}),
      };
    },
  },
  'database.deleteDocInTransaction': {
    request: (body) =>
      current(body, 'database.removeDocument', {
        queryType: 'DOC',
        multi: false,
        query: docQuery(body.query),
      }),
    reply: (reply) => ({
      requestId: reply.requestId,
      deleted: JSON.stringify(dataOf(reply).deleted ?? 0),
    }),
  },
  'database.insertDocInTransaction': {
    request: (body) => {
      const doc = typeof body.data === 'string' ? (JSON.parse(body.data) as unknown) : body.data;
      return current(body, 'database.insertDocument', { data: [insertText(doc, body._id)] });
    },
    reply: (reply) => {
      const count = ((dataOf(reply).insertedIds as unknown[] | undefined) ?? []).length;
      return { requestId: reply.requestId, inserted: String(count), ok: '1' };
    },
  },
};

/** Runs a legacy action through `run` (the current protocol's handler). */
export async function handleLegacyAction(
  body: Body,
  run: (current: Body) => Promise<Reply>,
): Promise<Reply> {
  const legacy = LEGACY_DATABASE_ACTIONS[body.action];
  if (!legacy) throw new Error(`not a legacy action: ${body.action}`);
  const reply = await run(legacy.request(body));
  return reply.code !== undefined ? reply : legacy.reply(reply, body);
}
