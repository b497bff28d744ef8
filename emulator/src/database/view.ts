import type { CollectionTable } from './collection-table';
import type { Doc } from './ejson';
import type { Pushdown } from './query-pushdown';

/**
 * What actions read and write through: the collection as a request sees it. Outside a
 * transaction that is the table itself; inside one it is the transaction's snapshot plus its
 * own uncommitted writes (see transactions.ts). Keys are `idKey(_id)`.
 */
export interface CollectionView {
  readonly name: string;
  get(key: string): Doc | undefined;
  /** Candidates (a superset of the matches) in natural order. */
  scan(pushdown?: Pushdown): Iterable<Doc>;
  insert(key: string, doc: Doc): void;
  replace(key: string, doc: Doc, before: Doc): void;
  remove(key: string, before: Doc): void;
}

/** Told about every committed change so open transactions can keep their snapshot. */
export interface WriteObserver {
  beforeWrite(collection: string, key: string, before: Doc | undefined): void;
}

/** Direct access: writes go to SQLite at once (the caller wraps them in one SQLite transaction). */
export class TableView implements CollectionView {
  constructor(
    private readonly table: CollectionTable,
    private readonly observer: WriteObserver,
  ) {}

  get name(): string {
    return this.table.name;
  }

  get(key: string): Doc | undefined {
    return this.table.get(key);
  }

  scan(pushdown?: Pushdown): Iterable<Doc> {
    return this.table.scan(pushdown);
  }

  insert(key: string, doc: Doc): void {
    this.table.insert(key, doc);
    // Recorded after the insert: a duplicate throws first, and then nothing changed.
    this.observer.beforeWrite(this.name, key, undefined);
  }

  replace(key: string, doc: Doc, before: Doc): void {
    this.observer.beforeWrite(this.name, key, before);
    this.table.replace(key, doc);
  }

  remove(key: string, before: Doc): void {
    this.observer.beforeWrite(this.name, key, before);
    this.table.remove(key);
  }
}
