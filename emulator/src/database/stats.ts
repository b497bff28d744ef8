/** Calls per action, overall and per function invocation (the console and benchmarks read it). */
export interface InvocationStats {
  functionName?: string;
  calls: number;
  byAction: Record<string, number>;
  /**
   * Sequential rounds: a call that arrives while none of the invocation's calls is pending
   * starts a new one. Calls sent in parallel overlap only while they wait (with
   * `--db-latency-ms` > 0); without latency each call may finish before the next arrives, so
   * the figure is then an upper bound.
   */
  rounds: number;
}

export interface DatabaseStats {
  calls: number;
  /**
   * Disk syncs (group-commit.ts) and the commits they covered; absent from the recorder's own
   * snapshot, filled in by the database. Zero in memory.
   */
  disk?: { syncs: number; commits: number };
  /** Requests answered SYS_ERR by fault injection (counted, so reports quote what happened). */
  faultsInjected: number;
  byAction: Record<string, number>;
  byInvocation: Record<string, InvocationStats>;
}

/** Per-invocation entries kept; the oldest are forgotten first so memory stays bounded. */
const MAX_INVOCATIONS = 5000;

export class StatsRecorder {
  private calls = 0;
  private faults = 0;
  private byAction = new Map<string, number>();
  private byInvocation = new Map<string, InvocationStats>();
  /** Calls still being answered, per invocation (for `rounds`). */
  private pending = new Map<string, number>();

  /** Counts a call as it arrives; `finish` must follow when it has been answered. */
  record(action: string, ctx: { invocationId?: string; functionName?: string }): void {
    this.calls += 1;
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1);
    if (!ctx.invocationId) return;
    let entry = this.byInvocation.get(ctx.invocationId);
    if (!entry) {
      entry = { functionName: ctx.functionName, calls: 0, byAction: {}, rounds: 0 };
      this.byInvocation.set(ctx.invocationId, entry);
      if (this.byInvocation.size > MAX_INVOCATIONS) {
        const oldest = this.byInvocation.keys().next().value;
        if (oldest !== undefined) this.byInvocation.delete(oldest);
      }
    }
    entry.functionName ??= ctx.functionName;
    entry.calls += 1;
    entry.byAction[action] = (entry.byAction[action] ?? 0) + 1;
    const pending = this.pending.get(ctx.invocationId) ?? 0;
    if (pending === 0) entry.rounds += 1;
    this.pending.set(ctx.invocationId, pending + 1);
  }

  finish(ctx: { invocationId?: string }): void {
    if (!ctx.invocationId) return;
    const pending = (this.pending.get(ctx.invocationId) ?? 1) - 1;
    if (pending > 0) this.pending.set(ctx.invocationId, pending);
    else this.pending.delete(ctx.invocationId);
  }

  recordFault(): void {
    this.faults += 1;
  }

  snapshot(): DatabaseStats {
    const byInvocation: Record<string, InvocationStats> = {};
    for (const [id, entry] of this.byInvocation) {
      byInvocation[id] = { ...entry, byAction: { ...entry.byAction } };
    }
    return {
      calls: this.calls,
      faultsInjected: this.faults,
      byAction: Object.fromEntries(this.byAction),
      byInvocation,
    };
  }

  reset(): void {
    this.calls = 0;
    this.faults = 0;
    this.byAction = new Map();
    this.byInvocation = new Map();
    this.pending = new Map();
  }
}
