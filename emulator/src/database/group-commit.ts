/**
 * Group commit: every commit is on disk before any reply that depends on it goes out, as with
 * SQLite's synchronous=FULL, but the wait for the disk happens on libuv's thread pool instead of
 * blocking the event loop, and one fdatasync covers every commit made while it was pending.
 *
 * Why: with FULL, each commit's fsync blocked the whole emulator (about 0.5 ms here), so a
 * login's two parallel writes paid two fsyncs one after the other and every other request
 * waited behind them. SQLite runs with synchronous=NORMAL (in WAL mode it then syncs the WAL
 * only at checkpoints); this class syncs the WAL itself after commits, so what an acknowledged
 * write has on disk is what FULL gives it.
 *
 * A read may see a commit whose sync is still running; its reply waits for that sync too, so no
 * reply ever reports data a power cut could take back.
 */
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface GroupCommitStats {
  /** fdatasync calls made. */
  syncs: number;
  /** Commits those syncs covered (commits / syncs = how many shared each sync). */
  commits: number;
}

export class GroupCommit {
  /** Commits made so far, and how many of them are known to be on disk. */
  private committed = 0;
  private synced = 0;
  private waiters: Waiter[] = [];
  private scheduled = false;
  private running = false;
  private fd: number | undefined;
  private closed = false;
  private syncs = 0;
  private commitsSynced = 0;

  /** `walPath` undefined: an in-memory database, nothing to sync. */
  constructor(private readonly walPath: string | undefined) {}

  /** Notes one commit; it becomes durable with the next sync. */
  noteCommit(): void {
    if (this.walPath) this.committed += 1;
  }

  /**
   * Resolves once every commit noted so far is on disk: immediately when nothing is pending.
   * Rejects when the sync fails (the commit stays, but it is not acknowledged as durable).
   */
  durable(): Promise<void> | undefined {
    if (this.synced >= this.committed) return undefined;
    const seq = this.committed;
    const wait = new Promise<void>((resolve, reject) =>
      this.waiters.push({ seq, resolve, reject }),
    );
    this.schedule();
    return wait;
  }

  /** Syncs now, blocking: for rare administrative writes (drop, reset, import) and for close. */
  syncNow(): void {
    if (this.synced >= this.committed || this.closed) return;
    const target = this.committed;
    this.syncs += 1;
    fdatasyncSync(this.open());
    this.settle(target);
  }

  stats(): GroupCommitStats {
    return { syncs: this.syncs, commits: this.commitsSynced };
  }

  resetStats(): void {
    this.syncs = 0;
    this.commitsSynced = 0;
  }

  /** Syncs what is pending, then stops; a failed last sync fails its waiting replies. */
  close(): void {
    if (this.closed) return;
    try {
      this.syncNow();
    } catch (error) {
      this.fail(this.committed, error as Error);
    } finally {
      this.closed = true;
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // One more turn of the event loop before syncing: requests that reached the socket while
    // this one ran (login's update and insert are sent together) commit in that turn and share
    // this sync. A turn with nothing to do costs microseconds.
    setImmediate(() =>
      setImmediate(() => {
        this.scheduled = false;
        this.run();
      }),
    );
  }

  private run(): void {
    if (this.closed || this.synced >= this.committed) return;
    const target = this.committed;
    let fd: number;
    try {
      fd = this.open();
    } catch (error) {
      this.fail(target, error as Error);
      return;
    }
    this.running = true;
    this.syncs += 1;
    fdatasync(fd, (error) => {
      this.running = false;
      if (this.closed) return; // close() synced everything and settled the waiters
      if (error) this.fail(target, error);
      else this.settle(target);
      if (this.waiters.length > 0) this.schedule();
    });
  }

  private settle(target: number): void {
    if (target > this.synced) this.commitsSynced += target - this.synced;
    this.synced = Math.max(this.synced, target);
    for (const waiter of this.takeWaiters(this.synced)) waiter.resolve();
  }

  private fail(target: number, error: Error): void {
    for (const waiter of this.takeWaiters(target)) waiter.reject(error);
  }

  /** Removes and returns the waiters for commits up to `seq`. */
  private takeWaiters(seq: number): Waiter[] {
    const taken = this.waiters.filter((w) => w.seq <= seq);
    this.waiters = this.waiters.filter((w) => w.seq > seq);
    return taken;
  }

  /** The WAL's descriptor, opened on first use (SQLite creates the file with the first write). */
  private open(): number {
    if (this.fd !== undefined) return this.fd;
    if (!this.walPath) throw new Error('in-memory database: nothing to sync');
    this.fd = openSync(this.walPath, 'r+'); // Windows cannot flush a read-only handle
    // The WAL's directory entry must be on disk too, or a power cut could lose the whole file
    // (Windows cannot open a folder this way; NTFS journals the entry itself).
    if (process.platform !== 'win32') {
      const dir = openSync(dirname(this.walPath), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return this.fd;
  }
}
