import { randomUUID } from 'node:crypto';
import { ACTIONS, type ActionEnv } from './actions';
import { DbError, toErrorReply } from './errors';
import {
  importCollections,
  type CollectionImport,
  type CollectionImportResult,
  type ImportMode,
} from './collection-import';
import { exportStore, importStore, type ExportManifest } from './export-import';
import { applyFaults, checkFaults, isTargeted, NO_FAULTS, type FaultConfig } from './faults';
import { isPlainObject } from './ejson';
import { GroupCommit } from './group-commit';
import { StatsRecorder, type DatabaseStats } from './stats';
import { Store } from './store';
import { TransactionManager } from './transactions';
import { TableView, type CollectionView } from './view';

export interface DatabaseOptions {
  /** Folder of the SQLite file (the caller's default is `.cloudbase/emulator/`). */
  dataDir?: string;
  /** Keep everything in memory; nothing is written to disk. */
  inMemory?: boolean;
  /** An open transaction is aborted after this long (production: 30 s), on real time. */
  transactionTimeoutMs?: number;
  /** The time `db.serverDate()` stands for: the emulator's movable clock (default real time). */
  now?: () => number;
}

/** Which function invocation a request belongs to (for statistics). */
export interface HandleContext {
  invocationId?: string;
  functionName?: string;
}

export interface CollectionInfo {
  name: string;
  count: number;
}

export interface Database {
  /** One parsed TCB admin request body → the reply body (always sent with HTTP 200). Never throws. */
  handle(body: unknown, ctx?: HandleContext): Promise<Record<string, unknown>>;
  listCollections(): CollectionInfo[];
  dropCollection(name: string): boolean;
  /** Removes every collection and aborts open transactions: a fresh, empty environment. */
  reset(): void;
  exportTo(dir: string): ExportManifest;
  /** Replaces all data with an export made by exportTo. */
  importFrom(dir: string): ExportManifest;
  /** Imports documents into the named collections only (created when missing), all or nothing. */
  importCollections(
    imports: readonly CollectionImport[],
    mode: ImportMode,
  ): CollectionImportResult[];
  /** Creates a collection when missing (as deploy does for cloudbaserc.json `databases[]`). */
  ensureCollection(name: string): boolean;
  setFaults(faults: Partial<FaultConfig>): FaultConfig;
  getFaults(): FaultConfig;
  stats(): DatabaseStats;
  resetStats(): void;
  close(): void;
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

export function openDatabase(options: DatabaseOptions = {}): Database {
  const store = new Store(options);
  const txns = new TransactionManager(
    store,
    options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
  );
  const stats = new StatsRecorder();
  const commits = new GroupCommit(store.walPath);
  const now = options.now ?? Date.now;
  let faults: FaultConfig = NO_FAULTS;
  let changesSeen = store.totalChanges();

  /** After anything that may have written: a commit to make durable before replying. */
  const noteWrites = () => {
    // A request that arrives after close was answered SYS_ERR and changed nothing.
    if (!store.sql.open) return;
    const changes = store.totalChanges();
    if (changes === changesSeen) return;
    changesSeen = changes;
    commits.noteCommit();
  };
  /** For the rare writes outside `handle` (drop, reset, import): synced before they return. */
  const syncedWrite = <T>(write: () => T): T => {
    try {
      return write();
    } finally {
      noteWrites();
      commits.syncNow();
    }
  };

  const view = (collection: string, transactionId: string | undefined): CollectionView =>
    transactionId
      ? txns.view(transactionId, collection)
      : new TableView(store.table(collection), txns);

  async function handle(body: unknown, ctx: HandleContext = {}): Promise<Record<string, unknown>> {
    const requestId = randomUUID();
    const action =
      isPlainObject(body) && typeof body.action === 'string' ? body.action : '(invalid)';
    stats.record(action, ctx);
    try {
      return await answer(body, action, requestId);
    } finally {
      stats.finish(ctx);
    }
  }

  async function answer(body: unknown, action: string, requestId: string) {
    const collection = isPlainObject(body) ? body.collectionName : undefined;
    const fault = isTargeted(faults, action, collection) ? faults : NO_FAULTS;
    const faulted = await applyFaults(fault);
    if (faulted) stats.recordFault();
    const injected = () => ({
      code: 'SYS_ERR',
      message: '[InternalError] injected fault (emulator fault injection)',
      requestId,
    });
    if (faulted && fault.when !== 'after') return injected();
    const reply = execute(body, action, requestId);
    noteWrites();
    // Every reply, a read's too, waits until what it may have seen is on disk.
    try {
      await commits.durable();
    } catch (error) {
      return toErrorReply(
        new DbError(
          'SYS_ERR',
          `the commit could not be written to disk: ${(error as Error).message}`,
        ),
        requestId,
      );
    }
    return faulted ? injected() : reply;
  }

  function execute(body: unknown, action: string, requestId: string): Record<string, unknown> {
    try {
      if (!isPlainObject(body))
        throw new DbError('INVALID_PARAM', 'request body must be a JSON object');
      // Own keys only: an action named `valueOf` or `constructor` must not find Object's methods.
      const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!handler) throw new DbError('INVALID_PARAM', `unknown action: ${action}`);
      if (!store.sql.open) throw new DbError('SYS_ERR', 'database is closed');
      const env: ActionEnv = { now: now(), store, txns, view };
      return { ...handler(body, env), requestId };
    } catch (error) {
      return toErrorReply(error, requestId);
    }
  }

  return {
    handle,
    listCollections: () =>
      store.names().map((name) => ({ name, count: store.table(name).count() })),
    dropCollection: (name) => syncedWrite(() => store.drop(name)),
    reset() {
      txns.close();
      syncedWrite(() =>
        store.transaction(() => {
          for (const name of store.names()) store.drop(name);
        }),
      );
    },
    exportTo: (dir) => exportStore(store, dir),
    importFrom(dir) {
      txns.close();
      return syncedWrite(() => importStore(store, dir));
    },
    importCollections(imports, mode) {
      // Open transactions could hold snapshots of a collection about to be replaced.
      if (mode === 'replace') txns.close();
      return syncedWrite(() => importCollections(store, imports, mode));
    },
    ensureCollection: (name) => syncedWrite(() => store.create(name)),
    setFaults: (next) => (faults = checkFaults(next, faults)),
    getFaults: () => ({ ...faults }),
    stats: () => ({ ...stats.snapshot(), disk: commits.stats() }),
    resetStats() {
      stats.reset();
      commits.resetStats();
    },
    close() {
      txns.close();
      commits.close();
      store.close();
    },
  };
}

export type { DatabaseStats, InvocationStats } from './stats';
export type { FaultConfig } from './faults';
export type { ExportManifest } from './export-import';
export { IMPORT_MODES } from './collection-import';
export type { CollectionImport, CollectionImportResult, ImportMode } from './collection-import';
export { COLLECTION_NAME } from './actions/collection';
export { DB_ERROR_CODES, type DbErrorCode } from './errors';
