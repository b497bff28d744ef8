import { isPlainObject, parseEjson, type Doc } from '../ejson';
import { invalidParam } from '../errors';
import { idKey, newDocumentId } from '../ids';
import { requireString, transactionIdOf, type RequestBody } from '../request';
import { replaceServerDates } from '../server-date';
import { assertStorable } from '../storable';
import type { ActionEnv, ActionReply } from './env';

/**
 * database.insertDocument: `data` is one EJSON string per document. All documents of one
 * request are inserted or none is (a duplicate `_id` leaves everything as it was).
 */
export function insertDocument(body: RequestBody, env: ActionEnv): ActionReply {
  const collection = requireString(body, 'collectionName');
  const items = Array.isArray(body.data) ? body.data : [body.data];
  if (items.length === 0) throw invalidParam('data must hold at least one document');
  const docs = items.map((item, i) => {
    const doc = replaceServerDates(parseEjson(item, `data[${i}]`), env.now);
    if (!isPlainObject(doc)) throw invalidParam(`data[${i}] must be a document`);
    assertStorable(doc);
    // Production puts a generated _id first.
    return doc._id === undefined ? ({ _id: newDocumentId(), ...doc } as Doc) : doc;
  });
  const view = env.view(collection, transactionIdOf(body));
  env.store.transaction(() => {
    for (const doc of docs) view.insert(idKey(doc._id), doc);
  });
  return { data: { insertedIds: docs.map((doc) => doc._id) } };
}
