/** How many instances a function may run at once when nobody says: it follows the machine. */
import { execFileSync } from 'node:child_process';
import { defaultMaxInstances } from '../../../emulator/src/functions/instance-limit';
import { buildEmulator, cliPath, fixtureProject } from './support';

test('four instances per CPU core, never fewer than four', () => {
  expect(defaultMaxInstances(1)).toBe(4);
  expect(defaultMaxInstances(2)).toBe(8);
  expect(defaultMaxInstances(16)).toBe(64);
});

test.each([['0'], ['2.5'], ['lots']])(
  '--max-instances %s stops the start with one line',
  (value) => {
    buildEmulator();
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [
          cliPath,
          '--project',
          fixtureProject,
          '--in-memory',
          '--port',
          '0',
          '--max-instances',
          value,
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 15_000,
        },
      );
    } catch (error) {
      stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    }
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--max-instances must be a (whole )?number/);
  },
);
