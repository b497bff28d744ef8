/**
 * The outbox's message shapes. Node-free (types only): the console imports them for the
 * Messages tab, so the page and `GET /api/messages` cannot drift apart.
 */

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

/** A subscribe-message template as the project declares it (subscribe-templates.json). */
export interface SubscribeTemplate {
  id: string;
  title: string;
  type: 'once' | 'long';
  /** Keyword key -> its label as the user sees it. */
  fields: Record<string, string>;
}
