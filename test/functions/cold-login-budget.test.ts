/**
 * Issue 21 item 8: a first login on an empty environment fits in the function's timeout even
 * when every database call takes the SDK's whole request timeout. The sequential rounds are
 * measured under injected latency (parallel calls overlap, so the emulator tells rounds apart),
 * not assumed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoginResponse } from '../../contract/src';
import { repoRoot } from './support/build';
import { dataOf, startFunctions } from './support/harness';

function sdkTimeoutMs(): number {
  const source = readFileSync(path.join(repoRoot, 'server', 'src', 'cloud.ts'), 'utf8');
  return Number(/SDK_REQUEST_TIMEOUT_MS = (\d+)/.exec(source)?.[1]);
}

function loginTimeoutSeconds(): number {
  const rc = JSON.parse(readFileSync(path.join(repoRoot, 'cloudbaserc.json'), 'utf8')) as {
    functionDefaultConfig: { timeout: number };
    functions: Array<{ name: string; timeout?: number }>;
  };
  const login = rc.functions.find((fn) => fn.name === 'login');
  return login?.timeout ?? rc.functionDefaultConfig.timeout;
}

test('a cold first login: rounds x SDK timeout < the function timeout', async () => {
  const fx = await startFunctions();
  try {
    fx.emulator.database.setFaults({ latencyMs: 60, faultRate: 0 });
    const { envelope, requestId } = await fx.callWithId<LoginResponse>(
      'login',
      {},
      { openid: 'o-cold' },
    );
    fx.emulator.database.setFaults({ latencyMs: 0, faultRate: 0 });
    expect(dataOf(envelope).isNewUser).toBe(true);
    const rounds = fx.dbRounds(requestId);
    console.info(`cold first login: ${rounds} sequential database rounds`);
    expect(rounds).toBeGreaterThan(2);
    expect(rounds * sdkTimeoutMs()).toBeLessThan(loginTimeoutSeconds() * 1000);
  } finally {
    await fx.stop();
  }
}, 60_000);
