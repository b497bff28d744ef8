import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectionNotExist } from './errors';
import { CollectionTable } from './collection-table';

export interface StoreOptions {
  /** Folder for `database.sqlite`; ignored when `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
}

export const DATABASE_FILE = 'database.sqlite';

/**
 * SQLite holding one table per collection (`c_<seq>`: id TEXT PRIMARY KEY, doc TEXT) and a
 * registry `_collections(seq, name)`. Every write is committed before the reply goes out; WAL
 * makes a committed write survive `kill -9`, and the WAL is synced to disk before the reply too
 * (by group-commit.ts, off the event loop), so it survives a power cut as with synchronous=FULL.
 */
export class Store {
  readonly sql: BetterSqlite3.Database;
  /** The write-ahead log to sync after commits; undefined in memory. */
  readonly walPath: string | undefined;
  private readonly tables = new Map<string, CollectionTable>();
  private readonly changes: BetterSqlite3.Statement;

  constructor(options: StoreOptions) {
    const file = options.inMemory
      ? ':memory:'
      : prepareDir(options.dataDir ?? '.cloudbase/emulator');
    this.sql = new BetterSqlite3(file);
    if (!options.inMemory) {
      this.sql.pragma('journal_mode = WAL');
      // NORMAL: commits do not wait for the disk here; GroupCommit syncs the WAL before replying.
      this.sql.pragma('synchronous = NORMAL');
    }
    this.walPath = options.inMemory ? undefined : `${file}-wal`;
    this.changes = this.sql.prepare('SELECT total_changes() AS n');
    // Another process on the same data folder (a second emulator, a backup tool): wait, not fail.
    this.sql.pragma('busy_timeout = 5000');
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS _collections (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)',
    );
    this.reloadRegistry();
  }

  /** Re-reads which collections exist (after a rolled-back transaction that created or dropped some). */
  reloadRegistry(): void {
    this.tables.clear();
    for (const { seq, name } of this.registry()) {
      this.tables.set(name, new CollectionTable(this.sql, name, `c_${seq}`));
    }
  }

  has(name: string): boolean {
    return this.tables.has(name);
  }

  /** The table of an existing collection, or DATABASE_COLLECTION_NOT_EXIST as production says. */
  table(name: string): CollectionTable {
    const table = this.tables.get(name);
    if (!table) throw collectionNotExist(name);
    return table;
  }

  /** Creates a collection; false when it already exists. */
  create(name: string): boolean {
    if (this.tables.has(name)) return false;
    const seq = this.transaction(() => {
      const info = this.sql
        .prepare('INSERT INTO _collections (name, created_at) VALUES (?, ?)')
        .run(name, Date.now());
      const created = Number(info.lastInsertRowid);
      this.sql.exec(`CREATE TABLE c_${created} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
      return created;
    });
    this.tables.set(name, new CollectionTable(this.sql, name, `c_${seq}`));
    return true;
  }

  drop(name: string): boolean {
    const table = this.tables.get(name);
    if (!table) return false;
    this.transaction(() => {
      this.sql.exec(`DROP TABLE IF EXISTS ${table.tableName}`);
      this.sql.prepare('DELETE FROM _collections WHERE name = ?').run(name);
    });
    this.tables.delete(name);
    return true;
  }

  /** Rows changed since the database was opened: a change means a commit to make durable. */
  totalChanges(): number {
    return (this.changes.get() as { n: number }).n;
  }

  names(): string[] {
    return this.registry().map((r) => r.name);
  }

  /** Runs `fn` in one SQLite transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.sql.transaction(fn)();
  }

  close(): void {
    if (this.sql.open) this.sql.close();
  }

  private registry(): { seq: number; name: string }[] {
    return this.sql.prepare('SELECT seq, name FROM _collections ORDER BY seq').all() as {
      seq: number;
      name: string;
    }[];
  }
}

function prepareDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return join(dir, DATABASE_FILE);
}
