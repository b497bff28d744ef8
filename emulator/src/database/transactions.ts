import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { transactionConflict, transactionFailed } from './errors';
import type { Store } from './store';
import { TransactionView } from './transaction-view';
import type { WriteObserver } from './view';

type State = 'open' | 'committed' | 'aborted' | 'expired';

/** key → document, `null` meaning "absent" (deleted, or not yet inserted). */
export type Versions = Map<string, Map<string, Doc | null>>;

export interface Transaction {
  readonly id: string;
  state: State;
  /** Own uncommitted writes. */
  readonly writes: Versions;
  /** Pre-images of documents others changed after this transaction started (its snapshot). */
  readonly snapshot: Versions;
  timer?: NodeJS.Timeout;
}

/** How many finished transactions are remembered, for clear error messages. */
const FINISHED_MEMORY = 1000;

/**
 * Snapshot isolation with first-writer-wins, as MongoDB (under CloudBase) behaves:
 * - reads see the database as it was at start plus the transaction's own writes;
 * - a write to a document another open transaction has written, or that changed after this
 *   transaction started, fails with DATABASE_TRANSACTION_CONFLICT and aborts the transaction;
 * - commit applies every write in one SQLite transaction;
 * - a transaction left open longer than the timeout is aborted; any later use of it fails with
 *   DATABASE_TRANSACTION_FAIL.
 * Non-transactional writes are never blocked; an open transaction that touched the same
 * document then fails at its next write or at commit.
 */
export class TransactionManager implements WriteObserver {
  private readonly open = new Map<string, Transaction>();
  private readonly finished = new Map<string, State>();
  /** `collection\0key` → id of the open transaction that wrote it. */
  private readonly locks = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
  ) {}

  start(): string {
    const id = randomBytes(12).toString('hex');
    const txn: Transaction = { id, state: 'open', writes: new Map(), snapshot: new Map() };
    txn.timer = setTimeout(() => this.finish(txn, 'expired'), this.timeoutMs);
    txn.timer.unref(); // an abandoned transaction must not keep the process alive
    this.open.set(id, txn);
    return id;
  }

  /** A view of `collection` inside transaction `id` (the collection must exist). */
  view(id: string, collection: string): TransactionView {
    return new TransactionView(this.require(id), this.store.table(collection), this);
  }

  commit(id: string): void {
    const txn = this.require(id);
    for (const [collection, keys] of txn.writes) {
      for (const key of keys.keys()) {
        if (txn.snapshot.get(collection)?.has(key)) this.conflict(txn);
      }
    }
    try {
      this.store.transaction(() => this.apply(txn));
    } catch (error) {
      // e.g. a collection dropped meanwhile: nothing was applied; the transaction is over.
      this.finish(txn, 'aborted');
      throw error;
    }
    this.finish(txn, 'committed');
  }

  private apply(txn: Transaction): void {
    for (const [collection, keys] of txn.writes) {
      const table = this.store.table(collection);
      for (const [key, doc] of keys) {
        const before = table.get(key);
        this.beforeWrite(collection, key, before, txn.id);
        if (doc === null) table.remove(key);
        else if (before) table.replace(key, doc);
        else table.insert(key, doc);
      }
    }
  }

  /** Aborting twice is harmless (runTransaction rolls back after a conflict already did). */
  abort(id: string): void {
    if (this.finished.get(id) === 'aborted') return;
    this.finish(this.require(id), 'aborted');
  }

  /** Records a write by `txn` to a document, or throws a conflict (and aborts `txn`). */
  lockForWrite(txn: Transaction, collection: string, key: string): void {
    const lockKey = `${collection}\0${key}`;
    const owner = this.locks.get(lockKey);
    if ((owner && owner !== txn.id) || txn.snapshot.get(collection)?.has(key)) this.conflict(txn);
    this.locks.set(lockKey, txn.id);
  }

  /** Called before any committed change: open transactions keep the old version. */
  beforeWrite(collection: string, key: string, before: Doc | undefined, except?: string): void {
    for (const txn of this.open.values()) {
      if (txn.id === except) continue;
      let keys = txn.snapshot.get(collection);
      if (!keys) txn.snapshot.set(collection, (keys = new Map()));
      if (!keys.has(key)) keys.set(key, before ?? null);
    }
  }

  close(): void {
    for (const txn of [...this.open.values()]) this.finish(txn, 'aborted');
  }

  private require(id: string): Transaction {
    const txn = this.open.get(id);
    if (txn) return txn;
    const state = this.finished.get(id);
    if (state === 'expired')
      throw transactionFailed(
        id,
        'was aborted: it stayed open longer than the transaction timeout',
      );
    if (state) throw transactionFailed(id, `is already ${state}`);
    throw transactionFailed(id, 'does not exist');
  }

  private conflict(txn: Transaction): never {
    this.finish(txn, 'aborted');
    throw transactionConflict();
  }

  private finish(txn: Transaction, state: State): void {
    if (txn.state !== 'open') return;
    txn.state = state;
    clearTimeout(txn.timer);
    this.open.delete(txn.id);
    for (const [lockKey, owner] of this.locks) if (owner === txn.id) this.locks.delete(lockKey);
    this.finished.set(txn.id, state);
    if (this.finished.size > FINISHED_MEMORY) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }
}
