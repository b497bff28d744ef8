import type { RequestBody } from '../request';
import type { Store } from '../store';
import type { TransactionManager } from '../transactions';
import type { CollectionView } from '../view';

/** What an action handler needs besides the request body. */
export interface ActionEnv {
  /** Server time of this request (ms); `$tcb_server_date` resolves against it. */
  readonly now: number;
  readonly store: Store;
  readonly txns: TransactionManager;
  /** The collection as this request sees it (inside its transaction when it has one). */
  view(collection: string, transactionId: string | undefined): CollectionView;
}

/** Reply body on success: `{ data: {...} }` (plus top-level fields some actions need). */
export type ActionReply = Record<string, unknown>;

export type ActionHandler = (body: RequestBody, env: ActionEnv) => ActionReply;
