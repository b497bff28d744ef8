import { DbError, invalidParam } from '../errors';
import { requireString, type RequestBody } from '../request';
import type { ActionEnv, ActionReply } from './env';

/** Names production accepts: letters, digits, `_`, `-`, `.`; starting with a letter or `_`. */
export const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;

/** database.addCollection (`db.createCollection(name)`); an existing name is an error. */
export function addCollection(body: RequestBody, env: ActionEnv): ActionReply {
  const name = requireString(body, 'collectionName');
  if (!COLLECTION_NAME.test(name)) throw invalidParam(`invalid collection name: ${name}`);
  if (!env.store.create(name)) {
    throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);
  }
  return { data: {} };
}
