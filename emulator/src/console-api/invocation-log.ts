import type { InvocationEvent } from '../functions/events';
import type { InvocationRecord, JsonValue } from './types';

type Listener = (record: InvocationRecord) => void;

/**
 * The last N invocations, numbered in arrival order, with live listeners (the SSE stream).
 * A ring buffer so a long session cannot grow the emulator's memory without bound.
 */
export class InvocationLog {
  private readonly records: InvocationRecord[] = [];
  private readonly listeners = new Set<Listener>();
  private seq = 0;

  constructor(private readonly capacity: number) {}

  get lastSeq(): number {
    return this.seq;
  }

  add(event: InvocationEvent): InvocationRecord {
    this.seq += 1;
    const record = toRecord(this.seq, event);
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.shift();
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** Records with seq > after, oldest first. */
  since(after: number): InvocationRecord[] {
    return this.records.filter((record) => record.seq > after);
  }

  clear(): void {
    this.records.length = 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Distinct OPENIDs of recent calls, newest first. */
  recentOpenids(): string[] {
    const seen = new Set<string>();
    for (let i = this.records.length - 1; i >= 0; i--) {
      const openid = this.records[i]?.openid;
      if (openid) seen.add(openid);
    }
    return [...seen];
  }
}

function toRecord(seq: number, event: InvocationEvent): InvocationRecord {
  const record: InvocationRecord = {
    seq,
    requestId: event.requestId,
    functionName: event.functionName,
    openid: event.openid,
    startedAt: event.startedAt,
    durationMs: event.durationMs,
    ok: event.ok,
    event: toJson(event.event),
    logs: event.logs.map(toJson),
  };
  if (event.errCode !== undefined) record.errCode = event.errCode;
  if (event.errMsg !== undefined) record.errMsg = event.errMsg;
  if (event.result !== undefined) record.result = toJson(event.result);
  if (event.node !== undefined) record.node = event.node;
  return record;
}

/** Function results may hold Dates, Buffers or cycles; the log keeps what JSON can carry. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  } catch {
    return String(value);
  }
}
