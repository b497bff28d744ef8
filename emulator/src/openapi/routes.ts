/**
 * HTTP routes of the cloud-call emulation (http/routes.ts lists this module before the console
 * API, whose `/api/*` would otherwise take them):
 *   POST /api/phone-codes      { openid, phoneNumber, countryCode?, failWith? } -> { code, expiresAt }
 *   GET  /api/openapi/stats    calls that reached the emulated platform, by API name
 */
import type { IncomingMessage } from 'node:http';
import { readJsonBody } from '../http/body';
import { ERR_INVALID_PARAM, HttpError } from '../http/http-error';
import { sendJson } from '../http/reply';
import type { RouteModule } from '../http/route-types';
import { openapiFor } from './openapi-instance';
import { PhoneCodeInputError, parsePhoneCodeInput } from './phone-codes';

/** Codes are credentials of a simulated user: no other web page may mint them. */
function refuseCrossSite(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host = '';
  try {
    host = new URL(origin).host;
  } catch {
    // "null" and other unparsable origins are cross-site.
  }
  if (host !== req.headers.host) {
    throw new HttpError(403, ERR_INVALID_PARAM, `requests from ${origin} may not issue codes`);
  }
}

export const openapiRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/api/phone-codes',
    handler: async (req, res) => {
      refuseCrossSite(req);
      const body = await readJsonBody(req, 64 * 1024);
      try {
        sendJson(res, 200, openapiFor(ctx).phoneCodes.issue(parsePhoneCodeInput(body)));
      } catch (error) {
        if (!(error instanceof PhoneCodeInputError)) throw error;
        sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: error.message } });
      }
    },
  },
  {
    method: 'GET',
    path: '/api/openapi/stats',
    handler: (_req, res) => {
      const service = openapiFor(ctx);
      sendJson(res, 200, { emulated: service.emulated(), calls: service.stats() });
    },
  },
];
