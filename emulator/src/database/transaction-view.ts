import type { CollectionTable } from './collection-table';
import type { Doc } from './ejson';
import { duplicateKey } from './errors';
import { idKey } from './ids';
import type { Pushdown } from './query-pushdown';
import type { Transaction, TransactionManager } from './transactions';
import type { CollectionView } from './view';

/** A collection as one transaction sees it: own writes, else its snapshot, else the table. */
export class TransactionView implements CollectionView {
  constructor(
    private readonly txn: Transaction,
    private readonly table: CollectionTable,
    private readonly manager: TransactionManager,
  ) {}

  get name(): string {
    return this.table.name;
  }

  get(key: string): Doc | undefined {
    const own = this.txn.writes.get(this.name);
    if (own?.has(key)) return own.get(key) ?? undefined;
    const old = this.txn.snapshot.get(this.name);
    if (old?.has(key)) return old.get(key) ?? undefined;
    return this.table.get(key);
  }

  *scan(pushdown?: Pushdown): Generator<Doc> {
    const own = this.txn.writes.get(this.name);
    const old = this.txn.snapshot.get(this.name);
    const changed = (key: string): boolean => Boolean(own?.has(key) || old?.has(key));
    // Untouched documents come from the table; changed ones from the overlay, after them.
    const fromTable = [...this.table.scan(pushdown)];
    for (const doc of fromTable) if (!changed(idKey(doc._id))) yield doc;
    const keys = new Set([...(old?.keys() ?? []), ...(own?.keys() ?? [])]);
    for (const key of keys) {
      const doc = this.get(key);
      if (doc) yield doc;
    }
  }

  insert(key: string, doc: Doc): void {
    if (this.get(key)) throw duplicateKey(this.name, key);
    this.write(key, doc);
  }

  replace(key: string, doc: Doc): void {
    this.write(key, doc);
  }

  remove(key: string): void {
    this.write(key, null);
  }

  private write(key: string, doc: Doc | null): void {
    this.manager.lockForWrite(this.txn, this.name, key);
    let own = this.txn.writes.get(this.name);
    if (!own) this.txn.writes.set(this.name, (own = new Map()));
    own.set(key, doc);
  }
}
