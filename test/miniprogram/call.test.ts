/**
 * The typed wrapper, table-driven: what wx.cloud.callFunction resolves or rejects with, and
 * what `call` then resolves with or the CloudCallError it rejects with.
 */
import { ERROR_CODES, failure, success } from '../../contract/src/index';
import { createCall, type CloudFunctionCaller } from '../../client/src/lib/call';
import { CloudCallError, CLIENT_ERROR_MESSAGES } from '../../client/src/lib/cloud-error';

/** A stand-in for wx.cloud that answers one call the way the table says. */
function cloudAnswering(answer: () => Promise<{ result?: unknown }>): CloudFunctionCaller & {
  calls: Array<{ name: string; data?: object }>;
} {
  const calls: Array<{ name: string; data?: object }> = [];
  return {
    calls,
    callFunction: (param) => {
      calls.push(param);
      return answer();
    },
  };
}

const resolves = (result: unknown) => () =>
  Promise.resolve({ result, errMsg: 'cloud.callFunction:ok' });
const rejects = (errCode: number | undefined, errMsg: string) => () =>
  Promise.reject(Object.assign(new Error(errMsg), { errCode, errMsg }));

async function outcome(answer: () => Promise<{ result?: unknown }>) {
  const call = createCall(() => cloudAnswering(answer), { onFailure: () => undefined });
  try {
    return { value: await call('checkSession', { token: 'abc' }) };
  } catch (error) {
    return { error: error as CloudCallError };
  }
}

describe('call(): success', () => {
  it('resolves with the envelope data and sends name and data unchanged', async () => {
    const cloud = cloudAnswering(resolves(success({ valid: true, expiresAt: 5 })));
    const call = createCall(() => cloud, { onFailure: () => undefined });
    await expect(call('checkSession', { token: 'abc', withUser: false })).resolves.toEqual({
      valid: true,
      expiresAt: 5,
    });
    expect(cloud.calls).toEqual([
      { name: 'checkSession', data: { token: 'abc', withUser: false } },
    ]);
  });
});

describe('call(): business errors keep their code, message and details', () => {
  it.each(ERROR_CODES.map((code) => [code]))('%s', async (code) => {
    const details = { field: 'profile.nickName', reason: 'too_long' };
    const { error } = await outcome(resolves(failure(code, details, `server says ${code}`)));
    expect(error).toBeInstanceOf(CloudCallError);
    expect(error).toMatchObject({
      code,
      message: `server says ${code}`,
      details,
      functionName: 'checkSession',
    });
    expect(error?.errCode).toBeUndefined();
  });

  it('falls back to the contract text when the server sends no message', async () => {
    const { error } = await outcome(resolves({ ok: false, error: { code: 'SESSION_EXPIRED' } }));
    expect(error?.message).toBe(CLIENT_ERROR_MESSAGES.SESSION_EXPIRED);
  });
});

describe('call(): transport failures, with the errMsg shapes WeChat really reports', () => {
  const fail = (code: number, text: string) =>
    `cloud.callFunction:fail Error: errCode: ${code} ${text}`;
  const table: Array<[string, number | undefined, string, string]> = [
    [
      'function threw',
      -504002,
      fail(-504002, 'functions execute fail | errMsg: boom'),
      'FUNCTION_FAILED',
    ],
    [
      'older base library',
      -404011,
      'cloud.callFunction:fail -404011 cloud function execution error',
      'FUNCTION_FAILED',
    ],
    [
      'function timed out (not retried)',
      -504002,
      fail(-504002, 'functions execute fail | errMsg: Invoking task timed out after 5 seconds'),
      'TIMEOUT',
    ],
    [
      'no such function',
      -504001,
      fail(
        -504001,
        'functions call fail | errMsg: [ResourceNotFound.Function] function "x" not found',
      ),
      'FUNCTION_NOT_FOUND',
    ],
    [
      'function not deployed (-404011)',
      -404011,
      fail(
        -404011,
        'cloud function execution error | errMsg: FunctionName parameter could not be found.',
      ),
      'FUNCTION_NOT_FOUND',
    ],
    [
      'env id that does not exist (the shipped placeholder)',
      -501000,
      fail(-501000, ' | errMsg: [ResourceNotFound] env not exists'),
      'ENV_NOT_FOUND',
    ],
    [
      'env not found, code as text only',
      undefined,
      'cloud.callFunction:fail env not exists',
      'ENV_NOT_FOUND',
    ],
    [
      'quota exceeded (-501003)',
      -501003,
      fail(-501003, ' | errMsg: [LimitExceeded] quota exceeded'),
      'QUOTA_EXCEEDED',
    ],
    [
      'quota exceeded (-501004)',
      -501004,
      fail(-501004, ' | errMsg: [LimitExceeded]'),
      'QUOTA_EXCEEDED',
    ],
    ['offline', -1, 'cloud.callFunction:fail request:fail', 'NETWORK'],
    ['network timeout', -1, 'cloud.callFunction:fail request:fail timeout', 'NETWORK'],
    [
      'no errCode at all',
      undefined,
      'cloud.callFunction:fail request:fail net::ERR_CONNECTION_RESET',
      'NETWORK',
    ],
    ['something else', -501001, 'cloud.callFunction:fail internal', 'UNKNOWN'],
  ];
  it.each(table)('%s', async (_label, errCode, errMsg, code) => {
    const { error } = await outcome(rejects(errCode, errMsg));
    expect(error).toBeInstanceOf(CloudCallError);
    expect(error).toMatchObject({ code, errCode, errMsg, functionName: 'checkSession' });
    expect(error?.message).toBe(CLIENT_ERROR_MESSAGES[code as keyof typeof CLIENT_ERROR_MESSAGES]);
  });

  it('keeps a numeric-string errCode as a number', async () => {
    const { error } = await outcome(rejects('-504002' as unknown as number, 'fail'));
    expect(error).toMatchObject({ code: 'FUNCTION_FAILED', errCode: -504002 });
  });
});

describe('call(): malformed results', () => {
  const table: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['no ok flag', { data: {} }],
    ['ok without data', { ok: true }],
    ['failure without error', { ok: false }],
    ['unknown error code', { ok: false, error: { code: 'TEAPOT', message: 'x' } }],
    ['ok as a string', { ok: 'true', data: {} }],
  ];
  it.each(table)('%s', async (_label, result) => {
    const { error } = await outcome(resolves(result));
    expect(error).toBeInstanceOf(CloudCallError);
    expect(error?.code).toBe('MALFORMED_RESULT');
  });

  it('a caller resolving with nothing is malformed too', async () => {
    const { error } = await outcome(() =>
      Promise.resolve(undefined as unknown as { result?: unknown }),
    );
    expect(error?.code).toBe('MALFORMED_RESULT');
  });
});
