/**
 * The wx.cloud bridge's callFunction against the emulator's host fixture functions: the same
 * success and failure shapes as the real wx.cloud.callFunction, in promise and callback forms.
 */
import path from 'node:path';
import {
  createWxCloud,
  type BridgeWxCloud,
  type CallFunctionResult,
  type WxApiError,
} from '../../emulator/src/bridge';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';

const HOST_PROJECT = path.join(__dirname, '..', 'fixtures', 'host-project');

let emulator: RunningEmulator;
let cloud: BridgeWxCloud;
beforeAll(async () => {
  emulator = await startEmulator({ project: HOST_PROJECT, inMemory: true, port: 0 });
  cloud = createWxCloud({ url: emulator.url, openid: 'o-bridge' });
});
afterAll(async () => {
  await emulator?.stop();
});

async function failureOf(name: string): Promise<WxApiError> {
  return (await cloud
    .callFunction({ name, data: {} })
    .catch((error: unknown) => error)) as WxApiError;
}

describe('bridge init({ env })', () => {
  it('an env the emulator does not serve fails every call with -501000, as on a phone', async () => {
    const envId = emulator.project.envId;
    const wrong = createWxCloud({ url: emulator.url, openid: 'o-env', envId });
    wrong.init({ env: 'prod-typo-123' });
    const error = (await wrong
      .callFunction({ name: 'echo', data: {} })
      .catch((e: unknown) => e)) as WxApiError;
    expect(error).toMatchObject({ errCode: -501000 });
    expect(error.errMsg).toMatch(/^cloud\.callFunction:fail env not exists/);
    await expect(wrong.getTempFileURL({ fileList: ['cloud://x/y'] })).rejects.toMatchObject({
      errCode: -501000,
    });

    const right = createWxCloud({ url: emulator.url, openid: 'o-env', envId });
    right.init({ env: envId, traceUser: true });
    await expect(right.callFunction({ name: 'echo', data: {} })).resolves.toMatchObject({
      errMsg: 'cloud.callFunction:ok',
    });
  });
});

describe('bridge callFunction', () => {
  it('resolves {result, requestID, errMsg} and the function sees the OPENID', async () => {
    const reply = await cloud.callFunction({ name: 'echo', data: { n: 1 } });
    expect(reply).toMatchObject({ errMsg: 'cloud.callFunction:ok', requestID: expect.any(String) });
    const result = reply.result as { event: { n: number }; wxContext: { OPENID: string } };
    expect(result.event.n).toBe(1);
    expect(result.wxContext.OPENID).toBe('o-bridge');
  });

  it('changing openid changes the caller', async () => {
    const other = createWxCloud({ url: emulator.url, openid: 'o-first' });
    other.openid = 'o-second';
    const reply = await other.callFunction({ name: 'echo', data: {} });
    expect((reply.result as { wxContext: { OPENID: string } }).wxContext.OPENID).toBe('o-second');
  });

  it('a function that throws rejects with errCode -504002 and a cloud.callFunction:fail errMsg', async () => {
    const error = await failureOf('thrower');
    expect(error).toBeInstanceOf(Error);
    expect(error.errCode).toBe(-504002);
    expect(error.errMsg).toMatch(
      /^cloud\.callFunction:fail Error: errCode: -504002 functions execute fail/,
    );
  });

  it('an unknown function rejects with errCode -504001', async () => {
    const error = await failureOf('noSuchFunction');
    expect(error.errCode).toBe(-504001);
    expect(error.errMsg).toMatch(/^cloud\.callFunction:fail .*not found/);
  });

  it('an unreachable emulator is a network failure (request:fail)', async () => {
    const offline = createWxCloud({ url: 'http://127.0.0.1:1', openid: 'o-x' });
    const error = (await offline
      .callFunction({ name: 'echo' })
      .catch((e: unknown) => e)) as WxApiError;
    expect(error.errMsg).toMatch(/^cloud\.callFunction:fail request:fail/);
  });

  it('callback form: success then complete on success, fail then complete on failure', async () => {
    const run = (name: string) =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const returned = cloud.callFunction({
          name,
          success: (res: CallFunctionResult) => seen.push(`success:${res.errMsg}`),
          fail: (err: WxApiError) => seen.push(`fail:${err.errCode}`),
          complete: () => resolve(seen),
        });
        expect(returned).toBeUndefined();
      });
    await expect(run('echo')).resolves.toEqual(['success:cloud.callFunction:ok']);
    await expect(run('thrower')).resolves.toEqual(['fail:-504002']);
  });
});
