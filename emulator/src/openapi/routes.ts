/**
 * HTTP routes of the cloud-call emulation, as console API routes (same-origin, JSON only):
 *   POST /api/phone-codes      { openid, phoneNumber, countryCode?, failWith? } -> { code, expiresAt }
 *   GET  /api/openapi/stats    calls that reached the emulated platform, by API name
 * Codes are credentials of a simulated user: the pipeline's caller check keeps other web pages
 * from minting them.
 */
import { consoleRoute } from '../http/console-route';
import { badRequest } from '../http/http-error';
import type { RouteModule } from '../app/context';
import { openapiFor } from './openapi-instance';
import { PhoneCodeInputError, parsePhoneCodeInput } from './phone-codes';

export const openapiRoutes: RouteModule = (ctx) => [
  consoleRoute('POST', '/api/phone-codes', ({ body }) => {
    try {
      return openapiFor(ctx).phoneCodes.issue(parsePhoneCodeInput(body));
    } catch (error) {
      if (error instanceof PhoneCodeInputError) throw badRequest(error.message);
      throw error;
    }
  }),
  consoleRoute('GET', '/api/openapi/stats', () => {
    const service = openapiFor(ctx);
    return { emulated: service.emulated(), calls: service.stats() };
  }),
];
