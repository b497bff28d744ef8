import type { FunctionsHarness } from './harness';

type Handle = FunctionsHarness['emulator']['database']['handle'];

/**
 * Holds one database request of one function until `release` is called: the held request
 * runs only after whatever the test does in between, so an interleaving is chosen, not left
 * to timers. Requests are counted per function name from the moment the hold is set.
 */
export function holdRequest(fx: FunctionsHarness, functionName: string, nth: number) {
  const database = fx.emulator.database;
  const original: Handle = database.handle.bind(database);
  let seen = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached!: (held: boolean) => void;
  const reachedOrDone = new Promise<boolean>((resolve) => {
    reached = resolve;
  });
  database.handle = async (body, ctx) => {
    if (ctx?.functionName === functionName) {
      seen += 1;
      if (seen === nth) {
        reached(true);
        await released;
      }
    }
    return original(body, ctx);
  };
  return {
    /** Resolves true once the request is held (false after `restore` if it never came). */
    reached: reachedOrDone,
    release,
    /** Lets everything through and puts the plain handler back. */
    restore() {
      release();
      reached(false);
      database.handle = original;
    },
  };
}
