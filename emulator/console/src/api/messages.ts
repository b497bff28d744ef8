/** The Messages tab's calls: the outbox and the simulated user's side of messages (emulator/src/openapi). */
import type { OutboxMessage, SubscribeTemplate } from '../../../src/openapi/message-types';
import { request } from './client';

export type * from '../../../src/openapi/message-types';

export const messagesApi = {
  list: () => request<{ messages: OutboxMessage[] }>('GET', 'messages'),
  clear: () => request<{ ok: true }>('DELETE', 'messages'),
  templates: () => request<{ templates: SubscribeTemplate[] }>('GET', 'subscribe-templates'),
  /** The user taps 允许 in wx.requestSubscribeMessage for these templates. */
  accept: (openid: string, templateIds: string[]) =>
    request<{ result: Record<string, string>; left: Record<string, number | null> }>(
      'POST',
      'subscriptions',
      { openid, templateIds },
    ),
  /** The user writes to customer service: replies are allowed for 48 hours. */
  userMessaged: (openid: string) =>
    request<{ windowEnd: number }>('POST', 'customer-service/inbound', { openid }),
};
