import { byExactId, findDocuments } from '../find';
import { idKey } from '../ids';
import {
  docIdOf,
  flag,
  optionalEjson,
  queryTypeOf,
  requireString,
  transactionIdOf,
  type RequestBody,
} from '../request';
import type { ActionEnv, ActionReply } from './env';

/** database.removeDocument: `doc.remove()` (DOC) or `where().remove()` (WHERE, multi by default). */
export function removeDocument(body: RequestBody, env: ActionEnv): ActionReply {
  const view = env.view(requireString(body, 'collectionName'), transactionIdOf(body));
  const isDoc = queryTypeOf(body) === 'DOC';
  const filter = isDoc ? { _id: docIdOf(body, env.now) } : optionalEjson(body, 'query', env.now);
  const multi = !isDoc && flag(body, 'multi', true);
  return env.store.transaction(() => {
    const targets = isDoc
      ? byExactId(view, filter?._id)
      : findDocuments(view, filter, multi ? {} : { limit: 1 });
    for (const doc of targets) view.remove(idKey(doc._id), doc);
    return { data: { deleted: targets.length } };
  });
}
