/**
 * Every message the emulated platform accepted for delivery (subscribe and customer-service
 * messages), in the order sent: what `GET /api/messages`, `emu.messages.list()` and the console's
 * Messages tab show. Bounded: the oldest are dropped past MAX_MESSAGES.
 */
import { randomUUID } from 'node:crypto';
import type { NewOutboxMessage, OutboxMessage } from './message-types';

export type * from './message-types';

export interface OutboxFilter {
  touser?: string;
  kind?: OutboxMessage['kind'];
}

const MAX_MESSAGES = 1000;

export class Outbox {
  private readonly messages: OutboxMessage[] = [];

  add(message: NewOutboxMessage): OutboxMessage {
    const stored = { ...message, id: randomUUID() } as OutboxMessage;
    this.messages.push(stored);
    if (this.messages.length > MAX_MESSAGES) this.messages.shift();
    return stored;
  }

  /** Oldest first; copies, so callers cannot change what is stored. */
  list(filter: OutboxFilter = {}): OutboxMessage[] {
    return this.messages
      .filter(
        (m) =>
          (filter.touser === undefined || m.touser === filter.touser) &&
          (filter.kind === undefined || m.kind === filter.kind),
      )
      .map((m) => structuredClone(m));
  }

  clear(): void {
    this.messages.length = 0;
  }
}
