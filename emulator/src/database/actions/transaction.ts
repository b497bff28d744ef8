import { requireString, type RequestBody } from '../request';
import type { ActionEnv, ActionReply } from './env';

/** database.startTransaction: the SDK reads `transactionId` at the top level of the reply. */
export function startTransaction(_body: RequestBody, env: ActionEnv): ActionReply {
  const transactionId = env.txns.start();
  return { transactionId, data: { transactionId } };
}

export function commitTransaction(body: RequestBody, env: ActionEnv): ActionReply {
  env.txns.commit(requireString(body, 'transactionId'));
  return { data: {} };
}

export function abortTransaction(body: RequestBody, env: ActionEnv): ActionReply {
  env.txns.abort(requireString(body, 'transactionId'));
  return { data: {} };
}
