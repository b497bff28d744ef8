/**
 * Trigger configuration and CLI options: a trigger production would refuse stops the start
 * with one line naming it; --no-triggers and --clock-offset-ms reach the API.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isStartError, startEmulator } from '../../../emulator/src';
import { startCli } from '../../support/cli-process';
import { buildEmulator, cliPath } from '../host/support';

let tmp: string;
beforeAll(() => {
  buildEmulator();
  tmp = mkdtempSync(path.join(tmpdir(), 'emu-triggers-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function projectWith(triggers: unknown): string {
  const dir = mkdtempSync(path.join(tmp, 'p-'));
  const rc = { envId: 'x', functionRoot: 'functions', functions: [{ name: 'nightly', triggers }] };
  writeFileSync(path.join(dir, 'cloudbaserc.json'), JSON.stringify(rc));
  return dir;
}

test.each([
  ['0 0 3 * * *', /needs 7 fields/],
  ['0 0 25 * * * *', /hour 25 is outside 0-23/],
  ['0 0 3 * * 7 *', /week 7 is outside 0-6/],
  ['0 0 3 L * * *', /day "L"/],
  ['0 0 3 * * * 2100', /year 2100 is outside 1970-2099/],
  ['0 0 3 * JANUARY * *', /month "JANUARY"/],
])('cron %j: startEmulator rejects with one line', async (config, reason) => {
  const project = projectWith([{ name: 'cleanup', type: 'timer', config }]);
  const error: unknown = await startEmulator({ project, port: 0 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isStartError(error)).toBe(true);
  const message = (error as Error).message;
  expect(message).toContain('function "nightly" trigger "cleanup"');
  expect(message).toMatch(reason);
  expect(message).not.toContain('\n');
});

test('no name, a duplicate name or another type are refused too', async () => {
  for (const [triggers, reason] of [
    [[{ type: 'timer', config: '0 0 3 * * * *' }], /needs a "name"/],
    [
      [
        { name: 'a', type: 'timer', config: '0 0 3 * * * *' },
        { name: 'a', type: 'timer', config: '0 0 4 * * * *' },
      ],
      /two triggers have this name/,
    ],
    [[{ name: 'a', type: 'cos', config: 'x' }], /type "cos" is not supported/],
  ] as const) {
    await expect(startEmulator({ project: projectWith(triggers), port: 0 })).rejects.toThrow(
      reason,
    );
  }
});

test('the CLI prints the one line to stderr and exits 1, without a stack', () => {
  const project = projectWith([{ name: 'cleanup', type: 'timer', config: '0 0 3 * * *' }]);
  const run = spawnSync(process.execPath, [cliPath, '--project', project, '--port', '0'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: cloudbaserc\.json: function "nightly" trigger "cleanup": /);
});

test('the CLI takes --no-triggers and --clock-offset-ms', async () => {
  const cli = await startCli(['--in-memory', '--no-triggers', '--clock-offset-ms', '86400000']);
  try {
    const triggers = (await (await fetch(`${cli.url}/api/triggers`)).json()) as {
      automatic: boolean;
    };
    expect(triggers.automatic).toBe(false);
    const clock = (await (await fetch(`${cli.url}/api/clock`)).json()) as { offsetMs: number };
    expect(clock.offsetMs).toBe(86_400_000);
    expect(cli.output()).toContain('timer triggers [off: --no-triggers]: cleanupSessions/daily');
  } finally {
    await cli.stop();
  }
});
