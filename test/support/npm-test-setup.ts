/**
 * Jest globalSetup of `npm test` (jest.config.js): the runtime cache every config warms, plus a
 * built mini program package as fresh as its sources (fresh-miniprogram-npm.ts).
 */
import { ensureFreshMiniprogramNpm } from './fresh-miniprogram-npm';
import warmRuntimeCache from './runtime-cache';

export default async function npmTestSetup(): Promise<void> {
  ensureFreshMiniprogramNpm();
  await warmRuntimeCache();
}
