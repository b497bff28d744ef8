/** Last in the chain: runs the route's handler; a returned value is the JSON 200 answer. */
import type { Middleware } from '../pipeline';
import { sendJson } from '../reply';

export function runRoute(): Middleware {
  return async ({ route, input, res }) => {
    if (!route || !input) return;
    const result: unknown = await route.handler(input);
    if (result !== undefined && !res.headersSent) sendJson(res, 200, result);
  };
}
