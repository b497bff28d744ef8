import type { InvocationEvent } from '../functions/events';
import { redactSecrets, redactText, secretsIn } from './redact';
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

/** The record the console shows: secrets (tokens, one-time codes) redacted everywhere. */
function toRecord(seq: number, event: InvocationEvent): InvocationRecord {
  const data = toJson(event.event);
  const result = event.result === undefined ? undefined : toJson(event.result);
  const secrets = secretsIn(data);
  if (result !== undefined) secretsIn(result, secrets);
  const record: InvocationRecord = {
    seq,
    requestId: event.requestId,
    functionName: event.functionName,
    openid: event.openid,
    startedAt: event.startedAt,
    durationMs: event.durationMs,
    ok: event.ok,
    event: redactSecrets(data),
    logs: event.logs.map((line) => redactSecrets(redactLine(toJson(line), secrets))),
  };
  if (event.errCode !== undefined) record.errCode = event.errCode;
  if (event.errMsg !== undefined) record.errMsg = redactText(event.errMsg, secrets);
  if (result !== undefined) record.result = redactSecrets(result);
  if (event.node !== undefined) record.node = event.node;
  return record;
}

/** A log line's text with the call's own secrets taken out (a function may log its input). */
function redactLine(line: JsonValue, secrets: ReadonlySet<string>): JsonValue {
  if (secrets.size === 0 || line === null || typeof line !== 'object' || Array.isArray(line)) {
    return line;
  }
  const text = line.text;
  return typeof text === 'string' ? { ...line, text: redactText(text, secrets) } : line;
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
