/**
 * Console API routes of messages and open data (same-origin, JSON only):
 *   GET    /api/messages?touser=&kind=    the outbox, oldest first -> { messages }
 *   DELETE /api/messages                  empties the outbox
 *   GET    /api/subscribe-templates       the project's declared templates -> { templates }
 *   POST   /api/subscriptions             { openid, templateIds } -> { result, left }
 *   POST   /api/customer-service/inbound  { openid } the user wrote to customer service -> { windowEnd }
 *   POST   /api/cloud-ids                 { openid, data } -> { cloudID, expiresAt }
 *   GET    /api/platform-pushes           pushes the platform produced (wxa_media_check) -> { pushes }
 */
import { consoleRoute } from '../http/console-route';
import { badRequest } from '../http/http-error';
import type { RouteModule } from '../app/context';
import { messagesApi, MessageInputError } from './messages-api';
import { CloudIdInputError } from './open-data';
import { openapiFor } from './openapi-instance';
import { TemplateFileError } from './subscribe-templates';

/** Runs `work`, answering bad input with 400 and the reason. */
function attempt<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const input = [MessageInputError, CloudIdInputError, TemplateFileError].some(
      (type) => error instanceof type,
    );
    throw input ? badRequest((error as Error).message) : error;
  }
}

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

export const messageRoutes: RouteModule = (ctx) => {
  const service = openapiFor(ctx);
  const api = messagesApi(service, ctx.project.dir);
  return [
    consoleRoute('GET', '/api/messages', ({ query }) => {
      const kind = query.get('kind');
      if (kind !== null && kind !== 'subscribe' && kind !== 'customerService') {
        throw badRequest('kind must be subscribe or customerService');
      }
      const touser = query.get('touser') ?? undefined;
      return { messages: api.list({ ...(touser ? { touser } : {}), ...(kind ? { kind } : {}) }) };
    }),
    consoleRoute('DELETE', '/api/messages', () => (api.clear(), { ok: true })),
    consoleRoute('GET', '/api/subscribe-templates', () =>
      attempt(() => ({ templates: api.templates() })),
    ),
    consoleRoute('POST', '/api/subscriptions', ({ body }) =>
      attempt(() =>
        api.accept(field(body, 'openid') as string, field(body, 'templateIds') as string[]),
      ),
    ),
    consoleRoute('POST', '/api/customer-service/inbound', ({ body }) =>
      attempt(() => api.userMessaged(field(body, 'openid') as string)),
    ),
    consoleRoute('POST', '/api/cloud-ids', ({ body }) =>
      attempt(() =>
        service.openData.issue({ openid: field(body, 'openid'), data: field(body, 'data') }),
      ),
    ),
    consoleRoute('GET', '/api/platform-pushes', () => ({ pushes: service.platformPushes.list() })),
  ];
};
