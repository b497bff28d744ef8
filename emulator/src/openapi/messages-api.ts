/**
 * The programmatic face of messages (`emu.messages`, also behind the HTTP routes): the outbox,
 * the users' subscribe acceptances (what wx.requestSubscribeMessage records in production) and
 * the users' messages to customer service (what opens the 48-hour reply window).
 */
import type { OutboxFilter, OutboxMessage } from './outbox';
import type { OpenApiService } from './service';
import { readTemplates, type SubscribeTemplate } from './subscribe-templates';
import { OPENID_PATTERN } from './types';

export class MessageInputError extends Error {
  override name = 'MessageInputError';
}

/** What production's wx.requestSubscribeMessage allows in one request. */
const MAX_TEMPLATES_PER_REQUEST = 3;

export interface AcceptResult {
  /** Per template id, as wx.requestSubscribeMessage answers: always 'accept' here. */
  result: Record<string, 'accept'>;
  /** Sends left per template after this acceptance (null: long-term, unlimited). */
  left: Record<string, number | null>;
}

export interface MessagesApi {
  list(filter?: OutboxFilter): OutboxMessage[];
  clear(): void;
  /** The user accepts these templates, as tapping 允许 in wx.requestSubscribeMessage does. */
  accept(openid: string, templateIds: string[]): AcceptResult;
  /** The project's declared templates (empty when it has no subscribe-templates.json). */
  templates(): SubscribeTemplate[];
  /** The user sent a message to customer service (at `at`, default now). */
  userMessaged(openid: string, at?: number): { windowEnd: number };
}

function checkOpenid(openid: unknown): string {
  if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
    throw new MessageInputError('openid must be 1-128 letters, digits, _ or -');
  }
  return openid;
}

export function messagesApi(service: OpenApiService, projectDir: string): MessagesApi {
  return {
    list: (filter) => service.outbox.list(filter),
    clear: () => service.outbox.clear(),
    templates: () => [...(readTemplates(projectDir)?.values() ?? [])],
    accept(openid, templateIds) {
      checkOpenid(openid);
      if (
        !Array.isArray(templateIds) ||
        templateIds.length === 0 ||
        templateIds.length > MAX_TEMPLATES_PER_REQUEST
      ) {
        throw new MessageInputError(
          `templateIds must list 1-${MAX_TEMPLATES_PER_REQUEST} template ids`,
        );
      }
      const declared = readTemplates(projectDir);
      const answer: AcceptResult = { result: {}, left: {} };
      for (const id of templateIds) {
        if (typeof id !== 'string' || id === '')
          throw new MessageInputError('template ids must be non-empty strings');
        const template = declared?.get(id);
        // Production: errCode 20001 when a template id does not exist for the mini program.
        if (declared && !template)
          throw new MessageInputError(
            `20001 no template data return: ${id} is not in subscribe-templates.json`,
          );
      }
      for (const id of templateIds) {
        const left = service.subscriptions.accept(openid, id, declared?.get(id)?.type ?? 'once');
        answer.result[id] = 'accept';
        answer.left[id] = Number.isFinite(left) ? left : null;
      }
      return answer;
    },
    userMessaged(openid, at) {
      service.customerService.userMessaged(checkOpenid(openid), at);
      return { windowEnd: service.customerService.windowEnd(openid) as number };
    },
  };
}
