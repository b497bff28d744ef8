/**
 * Fills the runtime cache for every runtime some projects name, before anything needs it: CI
 * (`.ci/run`) and the test suites call it once, so parallel suites never download at once.
 */
import { listFunctions, loadProject } from '../config/cloudbaserc';
import { runtimeCacheDir } from './cache-dir';
import { RuntimeSet, type NodeBinary } from './runtime-set';

export async function warmRuntimes(
  projectDirs: string[],
  /** Default: WX_EMULATOR_RUNTIME_CACHE, else the per-user cache (what startEmulator uses). */
  cacheDir: string = runtimeCacheDir(),
  report: (line: string) => void = () => undefined,
): Promise<NodeBinary[]> {
  const runtimes = new Map<string, string>();
  for (const dir of projectDirs) {
    for (const fn of listFunctions(loadProject(dir))) runtimes.set(fn.runtime, dir);
  }
  const binaries: NodeBinary[] = [];
  for (const [runtime, projectDir] of runtimes) {
    const set = new RuntimeSet({
      mode: 'exact',
      paths: {},
      cacheDir,
      projectDir,
      report: (_level, line) => report(line),
    });
    binaries.push(await set.binaryFor(runtime));
  }
  return binaries;
}
