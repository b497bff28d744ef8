/** Route matching: parameters, catch-alls, 404 versus 405, first match wins. */
import { Router } from '../../../emulator/src/http/router';
import type { Route } from '../../../emulator/src/http/route-types';

const noop = (): void => undefined;
const routes: Route[] = [
  { method: 'GET', path: '/healthz', handler: noop },
  { method: 'POST', path: '/functions/:name', handler: noop },
  { method: 'POST', path: '/admin/i/:invocationId', handler: noop },
  { method: ['GET', 'HEAD'], path: '/*', handler: noop },
];
const router = new Router(routes);

test('named parameters are decoded one by one, so %2F stays inside a name', () => {
  const found = router.lookup('POST', '/functions/a%2Fb?x=1');
  expect(found).toMatchObject({ kind: 'found', match: { params: { name: 'a/b' } } });
  if (found.kind === 'found') expect(found.match.query.get('x')).toBe('1');
});

test('the query string is ignored for matching (the SDK appends ?env=&seqId=)', () => {
  const found = router.lookup('POST', '/admin/i/req-1?env=local&seqId=7');
  expect(found).toMatchObject({
    kind: 'found',
    route: routes[2],
    match: { params: { invocationId: 'req-1' } },
  });
});

test('first match wins; a catch-all takes what nobody else claimed', () => {
  expect(router.lookup('GET', '/healthz')).toMatchObject({ kind: 'found', route: routes[0] });
  expect(router.lookup('GET', '/assets/app.js')).toMatchObject({
    kind: 'found',
    route: routes[3],
    match: { params: { '*': 'assets/app.js' } },
  });
});

test('a known path with the wrong method is 405; catch-alls do not make every path a 405', () => {
  expect(router.lookup('PUT', '/functions/echo')).toEqual({
    kind: 'method-not-allowed',
    allowed: ['POST'],
  });
  expect(router.lookup('POST', '/nothing/here')).toEqual({ kind: 'not-found' });
  expect(router.lookup('POST', '/functions/%E0%A4%A')).toEqual({ kind: 'not-found' });
});
