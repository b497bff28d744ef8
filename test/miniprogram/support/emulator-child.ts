/**
 * The repository's emulator in its own process, for jsdom page tests: jsdom (where
 * miniprogram-simulate renders) lacks Node timer features the emulator relies on. The process
 * is the built command users run (`npm test` builds it; buildEmulator() rebuilds it after a
 * source edit) with the settings of startRepoEmulator (emulator.ts): in memory, 4 instances
 * per function. It used to be the TypeScript sources under tsx, which compiled all of
 * emulator/src again in every page suite.
 */
import path from 'node:path';
import { buildEmulator } from '../../emulator/host/support';
import { startCli } from '../../support/cli-process';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 20_000;

export interface ChildEmulator {
  url: string;
  stop(): Promise<void>;
}

export async function startChildEmulator(): Promise<ChildEmulator> {
  buildEmulator();
  const cli = await startCli(
    ['--project', REPO_ROOT, '--in-memory', '--max-instances', '4'],
    START_TIMEOUT_MS,
  );
  return {
    url: cli.url,
    stop: async () => {
      await cli.stop();
    },
  };
}
