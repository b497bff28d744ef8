/**
 * A client request body (as the @cloudbase/database builder sends it) turned into what the
 * rules judge (ClientOperation) and the body the database then gets, with the client's
 * differences from the admin path applied.
 */
import {
  ClientInputError,
  parseEjsonField,
  requestDataOf,
  resolveServerDates,
  substituteOpenid,
  toEjson,
  writesOpenid,
  type Doc,
} from './client-values';
import { foreignReads } from './aggregate-reads';
import type { ClientOperation } from './judge';
import { isRecord } from './values';

type Reader = (collection: string, id: unknown) => Promise<Doc | null>;

export interface ClientPlan {
  action: string;
  collection: string;
  /** Set for `doc(id)` requests. */
  docId?: unknown;
  /** A reason to refuse before any rule is consulted (e.g. the client writes `_openid`). */
  refused?: string;
  operations(read: Reader): Promise<ClientOperation[]>;
  finalBody(read: Reader): Promise<Doc>;
}

const CLIENT_GET_LIMIT = 20;
const ACTIONS = new Set([
  'database.getDocument',
  'database.calculateDocument',
  'database.aggregateDocuments',
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
]);

export function planRequest(body: unknown, openid: string, now: number): ClientPlan {
  if (!isRecord(body)) throw new ClientInputError('request body must be a JSON object');
  const action = body.action;
  if (typeof action !== 'string' || !ACTIONS.has(action)) {
    throw new ClientInputError(
      `action ${JSON.stringify(action)} is not available to the client database`,
    );
  }
  if (
    body.transactionId !== undefined &&
    body.transactionId !== null &&
    body.transactionId !== ''
  ) {
    throw new ClientInputError(
      'transactions are not available to the client database (use a cloud function)',
    );
  }
  const collection = body.collectionName;
  if (typeof collection !== 'string' || collection === '')
    throw new ClientInputError('collectionName is required');
  const sub = (value: unknown) => substituteOpenid(value, openid);
  const query = sub(parseEjsonField(body.query, 'query')) as Doc | undefined;
  if (query !== undefined && !isRecord(query))
    throw new ClientInputError('query must be an object');
  const isDoc = body.queryType === 'DOC';
  const docId = isDoc ? query?._id : undefined;
  if (isDoc && docId === undefined) throw new ClientInputError('a doc() request needs query._id');
  // doc(id) names one document. An operator (`{ $in: [...] }`) would be judged as a missing
  // document yet applied as a query; the builder only ever sends a string or a number.
  if (isDoc && typeof docId !== 'string' && typeof docId !== 'number') {
    throw new ClientInputError('a doc() id must be a string or a number');
  }
  const withQuery: Doc = query === undefined ? { ...body } : { ...body, query: toEjson(query) };
  const base = { action, collection, docId };
  const byQuery = (
    operation: 'read' | 'update' | 'delete',
    requestData?: unknown,
  ): ClientOperation =>
    isDoc
      ? { kind: 'doc', operation, id: docId, requestData, stored: () => Promise.resolve(null) }
      : { kind: 'query', operation, query, requestData };
  const withStored = (op: ClientOperation, read: Reader): ClientOperation =>
    op.kind === 'doc' ? { ...op, stored: () => read(collection, docId) } : op;

  switch (action) {
    case 'database.getDocument': {
      const requested =
        typeof body.limit === 'number' && body.limit > 0 ? body.limit : CLIENT_GET_LIMIT;
      const final = { ...withQuery, limit: Math.min(requested, CLIENT_GET_LIMIT) };
      return {
        ...base,
        operations: async (read) => [withStored(byQuery('read'), read)],
        finalBody: async () => final,
      };
    }
    case 'database.calculateDocument':
      return {
        ...base,
        operations: async () => [byQuery('read')],
        finalBody: async () => withQuery,
      };
    case 'database.aggregateDocuments':
      return planAggregate(body, base, sub);
    case 'database.removeDocument':
      return {
        ...base,
        operations: async (read) => [withStored(byQuery('delete'), read)],
        finalBody: async () => withQuery,
      };
    case 'database.insertDocument':
      return planInsert(body, base, openid, now, sub);
    default:
      return planModify(withQuery, base, { openid, now, isDoc, sub, byQuery, withStored });
  }
}

function planAggregate(
  body: Doc,
  base: Omit<ClientPlan, 'operations' | 'finalBody'>,
  sub: (v: unknown) => unknown,
): ClientPlan {
  if (!Array.isArray(body.stages)) throw new ClientInputError('stages must be an array');
  // Every stage, sub-pipelines included, gets '{openid}' replaced and is judged from its value.
  const stages = (body.stages as unknown[]).map((stage, i) => {
    if (!isRecord(stage) || typeof stage.stageKey !== 'string')
      throw new ClientInputError(`stages[${i}] must be { stageKey, stageValue }`);
    return { [stage.stageKey]: sub(parseEjsonField(stage.stageValue, `stages[${i}]`)) };
  });
  // aggregate() is judged on its first $match stage; without one it reads the whole collection.
  const first = stages[0]?.$match;
  if (first !== undefined && !isRecord(first))
    throw new ClientInputError('the $match stage must be an object');
  const query = first as Doc | undefined;
  const reads = foreignReads(stages);
  const foreign: ClientOperation[] =
    'reads' in reads
      ? reads.reads.map((read) => ({
          kind: 'query',
          operation: 'read',
          query: read.query,
          foreign: read,
        }))
      : [];
  return {
    ...base,
    refused: 'refused' in reads ? reads.refused : undefined,
    operations: async () => [{ kind: 'query', operation: 'read', query }, ...foreign],
    // Serialized when asked: judging may have narrowed a stage (a PRIVATE foreign collection).
    finalBody: async () => ({
      ...body,
      stages: stages.map((stage) => {
        const [stageKey, value] = Object.entries(stage)[0] as [string, unknown];
        return { stageKey, stageValue: toEjson(value) };
      }),
    }),
  };
}

function planInsert(
  body: Doc,
  base: Omit<ClientPlan, 'operations' | 'finalBody'>,
  openid: string,
  now: number,
  sub: (v: unknown) => unknown,
): ClientPlan {
  const items = Array.isArray(body.data) ? body.data : [body.data];
  const docs = items.map((item, i) => {
    const doc = sub(parseEjsonField(item, `data[${i}]`));
    if (!isRecord(doc)) throw new ClientInputError(`data[${i}] must be a document`);
    return doc;
  });
  const refused = docs.some((doc) => writesOpenid(doc))
    ? "the client may not set _openid (it is the caller's OPENID)"
    : undefined;
  // _openid is the caller's, set by the server on every client add.
  const written = docs.map((doc) => ({ ...doc, _openid: openid }));
  return {
    ...base,
    refused,
    operations: async () =>
      written.map((doc) => ({
        kind: 'create' as const,
        document: resolveServerDates(doc, now) as Doc,
      })),
    finalBody: async () => ({ ...body, data: written.map(toEjson) }),
  };
}

interface ModifyHelpers {
  openid: string;
  now: number;
  isDoc: boolean;
  sub: (v: unknown) => unknown;
  byQuery: (operation: 'update', requestData?: unknown) => ClientOperation;
  withStored: (op: ClientOperation, read: Reader) => ClientOperation;
}

function planModify(
  body: Doc,
  base: Omit<ClientPlan, 'operations' | 'finalBody'>,
  h: ModifyHelpers,
): ClientPlan {
  const data = h.sub(parseEjsonField(body.data, 'data'));
  if (!isRecord(data)) throw new ClientInputError('data must be an object');
  const replaces = body.merge === false;
  const refused = modifyRefusal(data, replaces, h.isDoc, body.upsert === true);
  const requestData = resolveServerDates(replaces ? data : requestDataOf(data), h.now);
  const withData = { ...body, data: toEjson(data) };
  if (!(h.isDoc && replaces)) {
    return {
      ...base,
      refused,
      operations: async (read) => [h.withStored(h.byQuery('update', requestData), read)],
      finalBody: async () => withData,
    };
  }
  // doc(id).set(): judged by `update` when the document exists, by `create` when set() creates it;
  // the replacement keeps the stored `_openid` (or the caller's for a new document).
  return {
    ...base,
    refused,
    async operations(read) {
      const stored = await read(base.collection, base.docId);
      if (!stored)
        return [
          {
            kind: 'create',
            document: { ...(requestData as Doc), _id: base.docId, _openid: h.openid },
          },
        ];
      return [h.withStored(h.byQuery('update', requestData), read)];
    },
    async finalBody(read) {
      // A new document is the caller's; a replaced one keeps its owner, or its lack of one (a
      // document a function wrote has no client owner, and set() must not give it one).
      const stored = await read(base.collection, base.docId);
      const owner = stored ? stored._openid : h.openid;
      return {
        ...withData,
        data: toEjson(owner === undefined ? data : { ...data, _openid: owner }),
      };
    },
  };
}

/**
 * Update shapes the builder never sends and that would move, strip or skip `_openid`: writing
 * it (or `_id`), a replacing where().update() (it would drop `_openid` from every match), and
 * `upsert` anywhere but doc().set() (the created document would carry no `_openid`, and no
 * `create` rule would have judged it).
 */
function modifyRefusal(
  data: Doc,
  replaces: boolean,
  isDoc: boolean,
  upsert: boolean,
): string | undefined {
  if (writesOpenid(data) || (!replaces && '_id' in requestDataOf(data)))
    return 'the client may not set or change _openid or _id';
  if (replaces && !isDoc) return 'a where().update() may not replace documents (merge: false)';
  if (upsert && !(isDoc && replaces)) return 'only doc().set() may create a document (upsert)';
  return undefined;
}
