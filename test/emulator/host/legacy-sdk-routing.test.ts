/**
 * wx-server-sdk 1.x/2.0.x (tcb-admin-node) send every call to hard-coded Tencent hosts inside
 * SCF; the instance bootstrap points those requests at the running invocation's admin URL.
 * The SDKs themselves run in the compat suite (npm run test:sdk-compat); these are the rules.
 */
import {
  currentAdminUrl,
  rerouteLegacyRequest,
} from '../../../emulator/src/functions/legacy-sdk-routing';

const target = new URL('http://127.0.0.1:9100/admin/i/req-1?token=t0k');

describe('legacy SDK routing', () => {
  test("tcb-admin-node's request options go to the invocation's admin URL, query kept", () => {
    const callback = (): void => undefined;
    const args = [
      {
        protocol: 'http:',
        host: 'tcb-admin.tencentyun.com',
        hostname: 'tcb-admin.tencentyun.com',
        port: 80,
        path: '/admin?&eventId=e1&seqId=s1',
        method: 'POST',
        headers: { host: 'tcb-admin.tencentyun.com', 'content-type': 'application/json' },
        href: 'http://tcb-admin.tencentyun.com/admin?&eventId=e1&seqId=s1',
      },
      callback,
    ];
    const [options, cb] = rerouteLegacyRequest(args, target) as [Record<string, unknown>, unknown];
    expect(options).toMatchObject({
      hostname: '127.0.0.1',
      host: '127.0.0.1',
      port: 9100,
      path: '/admin/i/req-1?token=t0k&eventId=e1&seqId=s1',
      method: 'POST',
      headers: { host: '127.0.0.1:9100', 'content-type': 'application/json' },
    });
    expect(options.href).toBeUndefined();
    expect(cb).toBe(callback);
  });

  test('a URL string to the cloud-call host is rerouted too', () => {
    const [options] = rerouteLegacyRequest(
      ['http://TCB-OPEN.tencentyun.com/admin?&seqId=2', { method: 'POST' }],
      target,
    ) as [Record<string, unknown>];
    expect(options).toMatchObject({ hostname: '127.0.0.1', port: 9100, method: 'POST' });
    expect(options.path).toBe('/admin/i/req-1?token=t0k&seqId=2');
  });

  test('any other host, or https, passes untouched', () => {
    expect(rerouteLegacyRequest([{ hostname: 'example.com', path: '/admin' }], target)).toBe(
      undefined,
    );
    expect(rerouteLegacyRequest(['https://tcb-admin.tencentyun.com/admin'], target)).toBe(
      undefined,
    );
    expect(rerouteLegacyRequest(['not a url'], target)).toBe(undefined);
  });

  test('the admin URL is read from TCB_CONTEXT_CNFG at request time, with a fallback', () => {
    const env = { TCB_CONTEXT_CNFG: JSON.stringify({ URL: target.href }) };
    expect(currentAdminUrl(env, 'http://127.0.0.1:1/admin').href).toBe(target.href);
    expect(currentAdminUrl({}, 'http://127.0.0.1:1/admin').href).toBe('http://127.0.0.1:1/admin');
    expect(currentAdminUrl({ TCB_CONTEXT_CNFG: '{' }, 'http://127.0.0.1:1/admin').port).toBe('1');
  });
});
