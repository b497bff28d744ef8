/**
 * Client timeouts against the functions' own (issue 26, item 3). The functions may run for
 * cloudbaserc.json's `timeout` (25 s); a client that gives up first shows a failure for a login,
 * bind or deletion that in fact succeeded. Timers are jest's fake ones: nothing sleeps.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { success, type FunctionName } from '../../contract/src/index';
import { createCall, type CloudFunctionCaller } from '../../client/src/lib/call';
import { CloudCallError, CLIENT_ERROR_MESSAGES } from '../../client/src/lib/cloud-error';
import { USER } from './support/scripted-cloud';

interface RcFunction {
  name: string;
  timeout?: number;
  triggers?: unknown[];
}
const rc = JSON.parse(readFileSync(path.resolve(__dirname, '../../cloudbaserc.json'), 'utf8')) as {
  functionDefaultConfig: { timeout: number };
  functions: RcFunction[];
};

/** The functions a page calls (timer-triggered ones have no client), with their own limit. */
const callable = rc.functions
  .filter((fn) => !fn.triggers && fn.name !== 'onUserAuthorizationChange')
  .map((fn): [FunctionName, number] => [
    fn.name as FunctionName,
    (fn.timeout ?? rc.functionDefaultConfig.timeout) * 1000,
  ]);

/** A wx.cloud that answers after `ms` of (fake) time. */
const answeringAfter = (ms: number, result: unknown): CloudFunctionCaller => ({
  callFunction: () => new Promise((resolve) => setTimeout(() => resolve({ result }), ms)),
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe.each(callable)('%s', (name, functionTimeoutMs) => {
  it(`a reply just before the function's own ${functionTimeoutMs / 1000} s limit still arrives`, async () => {
    const data = success({ token: 't', expiresAt: 1, user: USER, isNewUser: false });
    const call = createCall(() => answeringAfter(functionTimeoutMs - 1, data), {
      onFailure: () => undefined,
    });
    const settled = call(name, {} as never).then(
      (value) => ({ value }),
      (error: CloudCallError) => ({ error: error.code }),
    );
    await jest.advanceTimersByTimeAsync(functionTimeoutMs);
    await expect(settled).resolves.toEqual({ value: data.data });
  });
});

it('when the client timer fires the error says the service is slow, not that the network failed', async () => {
  const hanging: CloudFunctionCaller = { callFunction: () => new Promise(() => undefined) };
  const call = createCall(() => hanging, { onFailure: () => undefined });
  const settled = call('bindPhoneNumber', { token: 't', code: 'c' }).catch(
    (error: CloudCallError) => error,
  );
  await jest.advanceTimersByTimeAsync(10 * 60_000);
  const error = await settled;
  expect(error).toBeInstanceOf(CloudCallError);
  expect(error).toMatchObject({
    code: 'CLIENT_TIMEOUT',
    message: expect.stringContaining('服务响应较慢'),
  });
  expect(CLIENT_ERROR_MESSAGES.NETWORK).not.toContain('服务响应较慢');
});
