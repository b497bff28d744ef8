/**
 * Reads the body as the route declared (Route.body): its own size limit, its accepted
 * Content-Types, JSON parsed once. A route that declares no body refuses one unread.
 */
import { hasBody, mediaType, parseJson, readBody, refuseBody } from '../body';
import { HttpError } from '../http-error';
import type { Middleware } from '../pipeline';

export function bodyReader(): Middleware {
  return async ({ req, route, input }, next) => {
    if (!route || !input) return next();
    const spec = route.body;
    if (!hasBody(req)) return next();
    if (!spec) throw refuseBody();
    const type = mediaType(req);
    // A page can send text/plain or form bodies to any site without asking (no CORS
    // preflight); routes that only take JSON refuse those before reading a byte.
    if (spec.types && !spec.types.includes(type)) {
      throw new HttpError(
        415,
        'UNSUPPORTED_CONTENT_TYPE',
        `Content-Type ${type || '(none)'} is not accepted here (send ${spec.types.join(' or ')})`,
      );
    }
    input.raw = await readBody(req, spec.limit);
    if (spec.parse === 'json') input.body = parseJson(input.raw);
    await next();
  };
}
