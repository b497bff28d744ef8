import { EJSON } from 'bson';
import type { EmulatorContext } from '../app/context';
import { badRequest, notFound } from '../http/http-error';
import type { Route } from '../http/route-types';
import { isPlainObject } from '../shared/plain-object';
import { callDatabase } from './database-call';
import {
  documentFromBody,
  encodeOrder,
  encodeWhere,
  fromProtocol,
  toProtocol,
} from './document-codec';
import { consoleRoute } from '../http/console-route';
import type {
  CollectionsResponse,
  DeletedResponse,
  DocumentResponse,
  DocumentsResponse,
  InsertedResponse,
  OkResponse,
  UpdatedResponse,
} from './types';

/** The protocol's largest page (`limit` max 1000); the console asks for far fewer. */
const MAX_PAGE = 1000;
const DEFAULT_PAGE = 50;

/** Collections and documents. Every document operation is an admin protocol call. */
export function dataRoutes({ database }: EmulatorContext): Route[] {
  return [
    consoleRoute('GET', '/api/collections', async (): Promise<CollectionsResponse> => {
      const collections = await database.listCollections();
      return { collections: [...collections].sort((a, b) => a.name.localeCompare(b.name)) };
    }),

    consoleRoute('POST', '/api/collections', async ({ body }): Promise<OkResponse> => {
      const name = isPlainObject(body) ? body.name : undefined;
      if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required');
      await callDatabase(database, {
        action: 'database.addCollection',
        collectionName: name.trim(),
      });
      return { ok: true };
    }),

    consoleRoute('DELETE', '/api/collections/:name', async ({ params }): Promise<OkResponse> => {
      await database.dropCollection(params.name as string);
      return { ok: true };
    }),

    consoleRoute('GET', '/api/collections/:name/documents', async ({ params, query }) => {
      const collectionName = params.name as string;
      const where = encodeWhere(query.get('filter') ?? '');
      const offset = toInt(query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = toInt(query.get('limit'), DEFAULT_PAGE, 1, MAX_PAGE);
      const order = encodeOrder(query.get('sort'), query.get('order'));
      const selection = { collectionName, queryType: 'WHERE', ...(where ? { query: where } : {}) };
      const counted = await callDatabase(database, {
        action: 'database.calculateDocument',
        ...selection,
      });
      const page = await callDatabase(database, {
        action: 'database.getDocument',
        ...selection,
        multi: true,
        offset,
        limit,
        ...(order ? { order } : {}),
      });
      const list = Array.isArray(page.list) ? page.list : [];
      const response: DocumentsResponse = {
        total: typeof counted.total === 'number' ? counted.total : list.length,
        offset,
        limit,
        documents: list.map(fromProtocol),
      };
      return response;
    }),

    consoleRoute('POST', '/api/collections/:name/documents', async ({ params, body }) => {
      const data = await callDatabase(database, {
        action: 'database.insertDocument',
        collectionName: params.name,
        data: [toProtocol(documentFromBody(body))],
      });
      const ids = Array.isArray(data.insertedIds) ? data.insertedIds : [];
      const response: InsertedResponse = { id: ids[0] ?? null };
      return response;
    }),

    consoleRoute('GET', '/api/collections/:name/documents/:id', async ({ params }) => {
      const data = await callDatabase(database, {
        action: 'database.getDocument',
        ...byId(params),
      });
      const item: unknown = Array.isArray(data.list) ? data.list[0] : undefined;
      if (item === undefined) throw notFound(`document ${params.id} does not exist`);
      const response: DocumentResponse = { document: fromProtocol(item) };
      return response;
    }),

    // Replaces the whole document, as `doc(id).set(data)` does.
    consoleRoute('PUT', '/api/collections/:name/documents/:id', async ({ params, body }) => {
      const document = documentFromBody(body);
      delete document._id;
      const data = await callDatabase(database, {
        action: 'database.modifyDocument',
        ...byId(params),
        data: toProtocol(document),
        merge: false,
        upsert: true,
      });
      const response: UpdatedResponse = { updated: Number(data.updated ?? 0) };
      return response;
    }),

    consoleRoute('DELETE', '/api/collections/:name/documents/:id', async ({ params }) => {
      const data = await callDatabase(database, {
        action: 'database.removeDocument',
        ...byId(params),
      });
      const response: DeletedResponse = { deleted: Number(data.deleted ?? 0) };
      return response;
    }),
  ];
}

/** The DOC-query fields of `doc(id)`. An id given as EJSON text (`{"$oid":...}`) is decoded. */
function byId(params: Record<string, string>): Record<string, unknown> {
  const raw = params.id as string;
  let id: unknown = raw;
  if (raw.startsWith('{')) {
    try {
      id = EJSON.parse(raw, { relaxed: true });
    } catch {
      id = raw;
    }
  }
  return {
    collectionName: params.name,
    queryType: 'DOC',
    query: toProtocol({ _id: id }),
    multi: false,
  };
}

function toInt(text: string | null, fallback: number, min: number, max: number): number {
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) throw badRequest(`not an integer: ${text}`);
  return Math.min(max, Math.max(min, value));
}
