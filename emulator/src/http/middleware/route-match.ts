/** Finds the route for the request: 404 when no path matches, 405 (with Allow) for a wrong method. */
import { HttpError, notFound } from '../http-error';
import type { Middleware } from '../pipeline';
import type { Router } from '../router';

export function routeMatch(router: Router): Middleware {
  return async (exchange, next) => {
    const { req, res, method } = exchange;
    const found = router.lookup(method, req.url ?? '/');
    if (found.kind === 'not-found') {
      throw notFound(`no such endpoint: ${method} ${(req.url ?? '/').split('?')[0] ?? '/'}`);
    }
    if (found.kind === 'method-not-allowed') {
      const allowed = [...new Set(found.allowed)];
      res.setHeader('allow', allowed.join(', '));
      throw new HttpError(
        405,
        'METHOD_NOT_ALLOWED',
        `${method} is not allowed here (use ${allowed.join(' or ')})`,
      );
    }
    exchange.route = found.route;
    exchange.input = {
      req,
      res,
      params: found.match.params,
      query: found.match.query,
      path: found.match.path,
      body: undefined,
      raw: Buffer.alloc(0),
    };
    await next();
  };
}
