/**
 * A playground question (OPENID, operation, query or document) as the request body the client
 * SDK would send for it, so the playground judges exactly what the client path judges.
 */
import { ClientInputError, toEjson } from './client-values';
import { isRecord } from './values';

export const PLAYGROUND_OPERATIONS = [
  'get',
  'count',
  'add',
  'update',
  'set',
  'remove',
  'aggregate',
] as const;
export type PlaygroundOperation = (typeof PLAYGROUND_OPERATIONS)[number];

export interface PlaygroundInput {
  openid: string;
  collection: string;
  operation: PlaygroundOperation;
  /** doc(id) form when set (get, update, set, remove). */
  docId?: string;
  /** where() condition (get, count, update, remove) or the aggregate's first $match. */
  query?: unknown;
  /** add/update/set data. */
  data?: unknown;
}

const ACTION: Record<PlaygroundOperation, string> = {
  get: 'database.getDocument',
  count: 'database.calculateDocument',
  add: 'database.insertDocument',
  update: 'database.modifyDocument',
  set: 'database.modifyDocument',
  remove: 'database.removeDocument',
  aggregate: 'database.aggregateDocuments',
};

export function playgroundBody(input: PlaygroundInput): Record<string, unknown> {
  if (!isRecord(input)) throw new ClientInputError('the question must be an object');
  if (typeof input.openid !== 'string' || input.openid.trim() === '')
    throw new ClientInputError('openid is required');
  if (typeof input.collection !== 'string' || input.collection === '')
    throw new ClientInputError('collection is required');
  const operation = input.operation;
  if (!(PLAYGROUND_OPERATIONS as readonly string[]).includes(operation)) {
    throw new ClientInputError(`operation must be one of ${PLAYGROUND_OPERATIONS.join(', ')}`);
  }
  const body: Record<string, unknown> = {
    action: ACTION[operation],
    collectionName: input.collection,
  };
  const query = input.query ?? {};
  if (!isRecord(query)) throw new ClientInputError('query must be an object');
  const byId = input.docId !== undefined && input.docId !== '';
  if (operation === 'set' && !byId) throw new ClientInputError('set needs a document id');
  if (operation === 'aggregate') {
    body.stages =
      Object.keys(query).length > 0 ? [{ stageKey: '$match', stageValue: toEjson(query) }] : [];
  } else if (operation !== 'add') {
    body.queryType = byId ? 'DOC' : 'WHERE';
    body.query = toEjson(byId ? { _id: input.docId } : query);
  }
  if (operation === 'add' || operation === 'update' || operation === 'set') {
    if (!isRecord(input.data)) throw new ClientInputError(`${operation} needs data (an object)`);
    const data = input.data;
    body.data =
      operation === 'add' ? [toEjson(data)] : toEjson(operation === 'set' ? data : { $set: data });
    if (operation === 'set') Object.assign(body, { merge: false, upsert: true });
  }
  return body;
}
