import { toCanonical } from '../ejson';
import { findDocuments, project } from '../find';
import { idKey } from '../ids';
import {
  docIdOf,
  optionalEjson,
  optionalNumber,
  queryTypeOf,
  requireString,
  transactionIdOf,
  type RequestBody,
} from '../request';
import type { ActionEnv, ActionReply } from './env';

/** Production's default page and its ceiling for `where().get()`. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** database.getDocument, DOC (`doc(id).get()`) or WHERE (`where().orderBy().skip().limit()`). */
export function getDocument(body: RequestBody, env: ActionEnv): ActionReply {
  const view = env.view(requireString(body, 'collectionName'), transactionIdOf(body));
  const projection = optionalEjson(body, 'projection', env.now);
  if (queryTypeOf(body) === 'DOC') {
    const doc = view.get(idKey(docIdOf(body, env.now)));
    return { data: { list: doc ? [toCanonical(project(doc, projection))] : [] } };
  }
  const order = optionalEjson(body, 'order', env.now) as Record<string, 1 | -1> | undefined;
  const requested = optionalNumber(body, 'limit');
  const limit = Math.min(requested || DEFAULT_LIMIT, MAX_LIMIT);
  const offset = optionalNumber(body, 'offset') ?? 0;
  const filter = optionalEjson(body, 'query', env.now);
  const docs = findDocuments(view, filter, { order, offset, limit, projection });
  return { data: { list: docs.map(toCanonical) } };
}

/** database.calculateDocument (`count()`). */
export function calculateDocument(body: RequestBody, env: ActionEnv): ActionReply {
  const collection = requireString(body, 'collectionName');
  const transactionId = transactionIdOf(body);
  const view = env.view(collection, transactionId);
  const filter = optionalEjson(body, 'query', env.now);
  // Counting a whole collection needs no parsing: SQLite knows the row count.
  if (!transactionId && (!filter || Object.keys(filter).length === 0)) {
    return { data: { total: env.store.table(collection).count() } };
  }
  return { data: { total: findDocuments(view, filter, {}).length } };
}
