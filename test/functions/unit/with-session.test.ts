/**
 * withSession cannot hand a handler a typed request nobody checked: a request type needs its
 * parser, and without one the handler gets the raw record (`unknown` fields). These are type
 * checks, made by `npm run typecheck` (tsconfig.json includes test/; jest only transpiles,
 * isolatedModules): the @ts-expect-error lines fail it if the unchecked forms ever compile again.
 */
import type { AuthenticatedRequest } from '../../../contract/src';
import { withSession, type RawRequest } from '../../../server/src/guard';

interface OrdersRequest extends AuthenticatedRequest {
  page: number;
}

const parse = (event: Record<string, unknown>): OrdersRequest => ({
  token: String(event.token),
  page: Number(event.page),
});

test('a typed request comes with its parser; without one, fields are unknown', () => {
  const typed = withSession<OrdersRequest, number>((request) => request.page, { parse });

  // @ts-expect-error a request type without a parser is the old unchecked cast
  const unchecked = withSession<OrdersRequest, number>((request) => request.page);

  const raw = withSession<string>((request: RawRequest) => {
    // @ts-expect-error a raw field is unknown until the handler checks it
    const page: number = request.page;
    return `${request.token}:${String(page)}`;
  });

  expect([typed, unchecked, raw].map((fn) => typeof fn)).toEqual([
    'function',
    'function',
    'function',
  ]);
});
