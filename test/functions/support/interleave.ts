import type { FunctionsHarness } from './harness';

type Handle = FunctionsHarness['emulator']['database']['handle'];

/** What a test can tell about one database request: its action and collection. */
export interface DbRequest {
  action?: unknown;
  collectionName?: unknown;
}

/** Which requests count: every one unless a test narrows it (parallel requests race). */
export type RequestMatch = (request: DbRequest) => boolean;

const any: RequestMatch = () => true;

/** An insert into `collection` (a session stored, a user created). */
export const insertInto =
  (collection: string): RequestMatch =>
  (request) =>
    request.action === 'database.insertDocument' && request.collectionName === collection;

/** An update of documents in `collection` (a user's map changed, sessions revoked). */
export const updateOf =
  (collection: string): RequestMatch =>
  (request) =>
    request.action === 'database.modifyDocument' && request.collectionName === collection;

/** Any write to `collection`. */
export const writeTo =
  (collection: string): RequestMatch =>
  (request) =>
    insertInto(collection)(request) || updateOf(collection)(request);

/** A promise and the function that settles it. */
function deferred<T>(): [Promise<T>, (value: T) => void] {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return [promise, settle];
}

/**
 * Calls `onRequest` for every database request of one function (those `match` selects), in
 * the order they reach the database, with their number from 1; it may return a promise to
 * wait for before the request runs, and is told when the request was answered.
 */
function intercept(
  fx: FunctionsHarness,
  functionName: string,
  match: RequestMatch,
  onRequest: (n: number) => { before?: Promise<void>; answered?: () => void },
) {
  const database = fx.emulator.database;
  const original: Handle = database.handle.bind(database);
  let seen = 0;
  database.handle = async (body, ctx) => {
    if (ctx?.functionName !== functionName || !match((body ?? {}) as DbRequest)) {
      return original(body, ctx);
    }
    seen += 1;
    const { before, answered } = onRequest(seen);
    await before;
    const reply = await original(body, ctx);
    answered?.();
    return reply;
  };
  return () => {
    database.handle = original;
  };
}

/**
 * Holds one database request of one function until `release` is called: the held request
 * runs only after whatever the test does in between, so an interleaving is chosen, not left
 * to timers. Requests (those `match` selects) are counted per function name from the moment
 * the hold is set. Several holds and watches may be set; restore them in reverse order.
 */
export function holdRequest(
  fx: FunctionsHarness,
  functionName: string,
  nth: number,
  match: RequestMatch = any,
) {
  const [released, release] = deferred<void>();
  const [reachedOrDone, reached] = deferred<boolean>();
  const unhook = intercept(fx, functionName, match, (n) => {
    if (n !== nth) return {};
    reached(true);
    return { before: released };
  });
  return {
    /** Resolves true once the request is held (false after `restore` if it never came). */
    reached: reachedOrDone,
    release: () => release(),
    /** Lets everything through and puts the previous handler back. */
    restore() {
      release();
      reached(false);
      unhook();
    },
  };
}

/**
 * Resolves once the nth request of one function (counted among those `match` selects, from
 * now) has been answered: lets a test wait for a write that runs in parallel with a held one.
 */
export function whenAnswered(
  fx: FunctionsHarness,
  functionName: string,
  nth: number,
  match: RequestMatch = any,
) {
  const [done, resolve] = deferred<void>();
  const answered = () => resolve();
  const unhook = intercept(fx, functionName, match, (n) => (n === nth ? { answered } : {}));
  return { done, restore: unhook };
}
