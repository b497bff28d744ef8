/**
 * Runs the repository's emulator in its own Node process for page tests: jsdom (where
 * miniprogram-simulate renders) lacks Node timer features the emulator relies on.
 * Prints `{"url": ...}` once ready; stops when stdin closes (the parent ended) or on SIGTERM.
 */
import { startRepoEmulator } from './emulator';

async function main(): Promise<void> {
  const emulator = await startRepoEmulator();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emulator.stop().finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
