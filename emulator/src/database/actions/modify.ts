// Every tsconfig that reaches this file (the mini program tests' too) needs the declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../mingo-updater.d.ts" />
// mingo's updater entry point, not the package index: the index merges every operator family
// into a fresh context on each call (about half of an update's cost); the updater adds only the
// query and comparison operators an update needs on top of ours.
import { update } from 'mingo/updater';
import { fromStored, isPlainObject, toStored, type Doc } from '../ejson';
import { DbError, evaluating, invalidParam } from '../errors';
import { byExactId, findDocuments } from '../find';
import { queryOptions } from '../mingo-options';
import { idKey, newDocumentId } from '../ids';
import {
  docIdOf,
  flag,
  optionalEjson,
  queryTypeOf,
  requireEjson,
  requireString,
  transactionIdOf,
  type RequestBody,
} from '../request';
import { assertStorable } from '../storable';
import type { CollectionView } from '../view';
import type { ActionEnv, ActionReply } from './env';

/**
 * database.modifyDocument:
 * - `doc.update(data)`: DOC, merge:true → update operators on one document;
 * - `doc.set(data)`: DOC, merge:false, upsert:true → replace, or create with that `_id`;
 * - `where().update(data)`: WHERE, merge:true, multi (default true).
 * `updated` counts documents actually changed (an update that changes nothing counts 0, as in
 * production); `upsert_id` is set when a document was created.
 */
export function modifyDocument(body: RequestBody, env: ActionEnv): ActionReply {
  const view = env.view(requireString(body, 'collectionName'), transactionIdOf(body));
  const data = requireEjson(body, 'data', env.now);
  const merge = flag(body, 'merge', true);
  const upsert = flag(body, 'upsert', false);
  const isDoc = queryTypeOf(body) === 'DOC';
  const filter = isDoc ? { _id: docIdOf(body, env.now) } : optionalEjson(body, 'query', env.now);
  const multi = !isDoc && flag(body, 'multi', true);
  const change = merge ? operatorsOf(data) : undefined;

  return env.store.transaction(() => {
    const targets = isDoc
      ? byExactId(view, filter?._id)
      : findDocuments(view, filter, multi ? {} : { limit: 1 });
    if (targets.length === 0) {
      if (!upsert) return { data: { updated: 0 } };
      const created = createFor(filter ?? {}, data, change);
      assertStorable(created);
      view.insert(idKey(created._id), created);
      return { data: { updated: 0, upsert_id: created._id } };
    }
    let updated = 0;
    for (const before of targets) {
      const after = change
        ? applyOperators(before, change, filter)
        : { _id: before._id, ...withoutId(data) };
      if (toStored(after) === toStored(before)) continue;
      write(view, before, after);
      updated += 1;
    }
    return { data: { updated } };
  });
}

type Modifier = Parameters<typeof update>[1];

/** Plain fields next to operators (never sent by the SDK, but Mongo-valid) mean `$set`. */
function operatorsOf(data: Doc): Modifier {
  const modifier: Record<string, unknown> = {};
  const plain: Doc = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('$')) modifier[key] = value;
    else plain[key] = value;
  }
  if (Object.keys(plain).length > 0) {
    modifier.$set = { ...(isPlainObject(modifier.$set) ? modifier.$set : {}), ...plain };
  }
  if (Object.keys(modifier).length === 0) throw invalidParam('data must hold at least one update');
  return modifier as Modifier;
}

function applyOperators(before: Doc, change: Modifier, filter: Doc | undefined): Doc {
  // mingo updates in place; work on a copy so `before` stays the snapshot pre-image.
  const after = fromStored(toStored(before));
  // `before` already matched the filter. mingo needs it again only to resolve the positional
  // `$` (`'list.$.n'`); compiling and testing it for every other update costs a third of one.
  const condition = usesPositional(change) ? filter : undefined;
  evaluating(() => update(after, change, undefined, condition, { queryOptions }));
  return after;
}

/** Whether an update path holds the positional `$` segment (`$[]` and `$[id]` do not need the filter). */
function usesPositional(change: Modifier): boolean {
  return Object.values(change).some(
    (fields) =>
      isPlainObject(fields) && Object.keys(fields).some((path) => path.split('.').includes('$')),
  );
}

function write(view: CollectionView, before: Doc, after: Doc): void {
  assertStorable(after);
  const key = idKey(before._id);
  if (idKey(after._id) !== key) {
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  view.replace(key, after, before);
}

/** The document an upsert creates: the query's equality fields, then the update or replacement. */
function createFor(filter: Doc, data: Doc, change: Modifier | undefined): Doc {
  const base: Doc = { _id: filter._id ?? newDocumentId() };
  if (!change) return { ...base, ...withoutId(data) };
  for (const [key, value] of Object.entries(filter)) {
    if (!key.startsWith('$') && !key.includes('.') && !isPlainObject(value)) base[key] = value;
  }
  evaluating(() => update(base, change, undefined, undefined, { queryOptions }));
  return base;
}

function withoutId(doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
