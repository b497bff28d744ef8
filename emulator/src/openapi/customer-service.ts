/**
 * `customerServiceMessage.send`: production lets a mini program reply to a user only within
 * 48 hours of that user's last message to its customer service (else 45015). The emulator
 * learns of a user's message through `userMessaged` (the customer-service message push, the
 * console or the API) and judges the window by the emulator clock.
 */
import type { Outbox } from './outbox';
import { type JsonReply, type OpenApiCaller, OPENID_PATTERN } from './types';

/** Production: replies are allowed for 48 hours after the user's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 48 * 3_600_000;

/** Each message type and the fields its body must carry. */
const BODY_FIELDS: Record<string, string[]> = {
  text: ['content'],
  image: ['media_id'],
  link: ['title', 'description', 'url', 'thumb_url'],
  miniprogrampage: ['title', 'pagepath', 'thumb_media_id'],
};

export class CustomerService {
  /** openid -> emulator time of the user's last message. */
  private readonly lastMessageAt = new Map<string, number>();

  constructor(
    private readonly outbox: Outbox,
    private readonly now: () => number,
  ) {}

  /** The user wrote to customer service at `at` (default now): opens the 48-hour window. */
  userMessaged(openid: string, at = this.now()): void {
    this.lastMessageAt.set(openid, Math.max(at, this.lastMessageAt.get(openid) ?? 0));
  }

  /** Until when replies to the user are allowed (undefined: the user never wrote). */
  windowEnd(openid: string): number | undefined {
    const last = this.lastMessageAt.get(openid);
    return last === undefined ? undefined : last + CUSTOMER_SERVICE_WINDOW_MS;
  }

  send(params: Record<string, unknown>, caller: OpenApiCaller): JsonReply {
    const { touser, msgtype } = params;
    if (typeof touser !== 'string' || !OPENID_PATTERN.test(touser))
      return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof msgtype !== 'string' || !Object.hasOwn(BODY_FIELDS, msgtype)) {
      return { errcode: 40008, errmsg: 'invalid message type' };
    }
    const body = params[msgtype];
    const missing = (BODY_FIELDS[msgtype] as string[]).filter(
      (field) => typeof (body as Record<string, unknown> | undefined)?.[field] !== 'string',
    );
    if (typeof body !== 'object' || body === null || missing.length > 0) {
      return {
        errcode: 47001,
        errmsg: `data format error: ${msgtype}.${missing.join(', ') || '(body)'} required`,
      };
    }
    const end = this.windowEnd(touser);
    if (end === undefined || this.now() >= end) {
      const why =
        end === undefined
          ? 'the user never wrote to customer service'
          : 'more than 48 h since the user last wrote';
      return {
        errcode: 45015,
        errmsg: `response out of time limit or subscription is canceled, hint: [emulator: ${why}]`,
      };
    }
    this.outbox.add({
      kind: 'customerService',
      touser,
      sentAt: this.now(),
      functionName: caller.functionName,
      msgtype,
      body: body as Record<string, unknown>,
    });
    return { errcode: 0, errmsg: 'ok' };
  }
}
