/**
 * Jest globalSetup: every suite's emulator runs functions on the exact Node their runtime
 * names (the default), from one shared cache: WX_EMULATOR_RUNTIME_CACHE when set, else the
 * per-user cache `npm start` uses too. Warming it here, once, before any worker starts, means parallel suites
 * never download the same build twice. Offline, this only warns: the suites that need a
 * runtime then fail with the emulator's own one-line reason.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { warmRuntimes } from '../../emulator/src/runtimes';

const root = path.resolve(__dirname, '../..');

export default async function warmRuntimeCache(): Promise<void> {
  const fixtures = path.join(root, 'test/fixtures');
  const projects = [root, ...readdirSync(fixtures).map((name) => path.join(fixtures, name))];
  try {
    await warmRuntimes(
      projects.filter((dir) => existsSync(path.join(dir, 'cloudbaserc.json'))),
      undefined,
      (line) => process.stdout.write(`${line}\n`),
    );
  } catch (error) {
    process.stderr.write(`runtime cache not warmed: ${(error as Error).message}\n`);
  }
}
