/**
 * globalSetup of `npm run test:sdk-compat`: every SDK version installed (once, cached) and the
 * Node build the probe functions run on warmed, before the suite starts.
 */
import { warmRuntimes } from '../../emulator/src/runtimes';
import { prepareCompatProject, prepareExtraSdks } from './project';
import { REFUSED_SDK_VERSIONS, SERVER_SDK_VERSIONS } from './versions';

export default async function setup(): Promise<void> {
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const project = prepareCompatProject(log);
  prepareExtraSdks([...SERVER_SDK_VERSIONS, ...REFUSED_SDK_VERSIONS], log);
  // undefined: WX_EMULATOR_RUNTIME_CACHE when set, else the per-user cache every emulator uses.
  await warmRuntimes([project], undefined, log);
}
