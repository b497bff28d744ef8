/**
 * One emulator on the openapi fixture per suite, and `call(fn, api, data)`: runs
 * `cloud.openapi.<api>(data)` through the real wx-server-sdk inside function `fn` and returns
 * `{ ok, result }` or `{ ok: false, errCode, errMsg }` as the function saw it.
 */
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src';
import { buildEmulator, repoRoot } from '../host/support';

export const openapiProject = path.join(repoRoot, 'test/fixtures/openapi-project');

export interface Outcome {
  ok: boolean;
  result?: Record<string, unknown>;
  errCode?: number;
  errMsg?: string;
}

export interface OpenapiSuite {
  emu(): RunningEmulator;
  /** `event` is the function's whole event: `{ api, data }`, `{ openData }`, `{ echo }`... */
  run(
    fn: string,
    event: Record<string, unknown>,
    openid?: string,
  ): Promise<Outcome & Record<string, unknown>>;
  call(fn: string, api: string, data: unknown, openid?: string): Promise<Outcome>;
  http(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

export function useOpenapiEmulator(): OpenapiSuite {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    buildEmulator();
    emu = await startEmulator({ project: openapiProject, inMemory: true, logger: 'silent' });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  const current = (): RunningEmulator => {
    if (!emu) throw new Error('emulator not started');
    return emu;
  };
  const run: OpenapiSuite['run'] = async (fn, event, openid = 'o-alice') => {
    const reply = await current().callFunction(fn, event, { openid });
    if (!reply.ok) throw new Error(`call failed: ${JSON.stringify(reply.body)}`);
    return reply.result as Outcome & Record<string, unknown>;
  };
  return {
    emu: current,
    run,
    call: (fn, api, data, openid) => run(fn, { api, data }, openid),
    async http(method, route, body) {
      const res = await fetch(`${current().url}${route}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}
