/** Exact Node.js runtimes for function instances (issue 12). */
export {
  RuntimeSet,
  type NodeBinary,
  type RuntimeNodeMode,
  type RuntimeOptions,
} from './runtime-set';
export { NODE_RUNTIMES, nodeVersionOf } from './versions';
export { memoryFlags } from './memory';
export { warmRuntimes } from './warm';
export { runtimeCacheDir, userCacheDir } from './cache-dir';
