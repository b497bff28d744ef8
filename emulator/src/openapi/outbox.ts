/**
 * Every message the emulated platform accepted for delivery (subscribe and customer-service
 * messages), in the order sent: what `GET /api/messages`, `emu.messages.list()` and the console's
 * Messages tab show. Bounded: the oldest are dropped past MAX_MESSAGES.
 */
import { randomUUID } from 'node:crypto';

export interface MessageField {
  key: string;
  /** The template's label for the field (the key itself when the template is not declared). */
  name: string;
  value: string;
}

interface BaseMessage {
  id: string;
  /** The user it was sent to (`touser`). */
  touser: string;
  /** Emulator time, ms. */
  sentAt: number;
  /** The function that sent it ('' outside a function). */
  functionName: string;
}

export interface SubscribeOutboxMessage extends BaseMessage {
  kind: 'subscribe';
  templateId: string;
  /** The template's title ('' when the project declares no templates). */
  title: string;
  fields: MessageField[];
  /** The page the card opens ('' = the home page). */
  page: string;
  miniprogramState: string;
  lang: string;
}

export interface CustomerServiceOutboxMessage extends BaseMessage {
  kind: 'customerService';
  msgtype: string;
  /** The message body as sent (`{ content }` for text, `{ title, pagepath, ... }` ...). */
  body: Record<string, unknown>;
}

export type OutboxMessage = SubscribeOutboxMessage | CustomerServiceOutboxMessage;
export type NewOutboxMessage =
  Omit<SubscribeOutboxMessage, 'id'> | Omit<CustomerServiceOutboxMessage, 'id'>;

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
