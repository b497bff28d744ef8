// roundTrips and singleFlight: how many callFunction calls the real session manager (the mini
// program's own code) makes through the emulator's wx.cloud bridge to reach a usable session.
import type { CloudCaller, ManagerFactory, SessionManagerLike, StorageLike } from './lib/client';

/** A wx.cloud stand-in that forwards to the bridge and counts calls per function name. */
export class CountingCloud implements CloudCaller {
  readonly calls: string[] = [];
  constructor(private readonly inner: CloudCaller) {}
  callFunction(param: { name: string; data?: object }): Promise<{ result?: unknown }> {
    this.calls.push(param.name);
    return this.inner.callFunction(param);
  }
  count(name?: string): number {
    return name ? this.calls.filter((n) => n === name).length : this.calls.length;
  }
}

/** In-memory wx storage that survives "relaunches" (new managers over the same map). */
export function memoryStorage(): StorageLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}

export interface RoundTripDeps {
  /** A bridge (wx.cloud) acting as `openid`. */
  cloudFor(openid: string): CloudCaller;
  createManager: ManagerFactory;
  /** Ends every session of the user on the server, outside the measured client. */
  revokeAll(cloud: CloudCaller, token: string): Promise<void>;
}

export interface RoundTripResult {
  firstLaunch: number;
  warmLaunch: number;
  expiredSession: number;
  revokedSession: number;
}

const STORAGE_KEY = 'wx-cloud-login:session';

async function launch(
  deps: RoundTripDeps,
  openid: string,
  storage: StorageLike,
  run: (m: SessionManagerLike) => Promise<unknown>,
): Promise<number> {
  const cloud = new CountingCloud(deps.cloudFor(openid));
  await run(deps.createManager({ cloud, storage, storageKey: STORAGE_KEY }));
  return cloud.count();
}

export async function measureRoundTrips(deps: RoundTripDeps): Promise<RoundTripResult> {
  const openid = `bench-rt-${Date.now()}`;
  const storage = memoryStorage();
  const firstLaunch = await launch(deps, openid, storage, (m) => m.ensureLogin());
  const warmLaunch = await launch(deps, openid, storage, (m) => m.ensureLogin());

  // Expired: the stored session's expiry has passed (the client sees it without asking).
  const stored = storage.data.get(STORAGE_KEY) as { expiresAt: number };
  storage.data.set(STORAGE_KEY, { ...stored, expiresAt: Date.now() - 1000 });
  const expiredSession = await launch(deps, openid, storage, (m) => m.ensureLogin());

  // Revoked: the stored session looks valid, the server ended it; then one authenticated call.
  const { token } = storage.data.get(STORAGE_KEY) as { token: string };
  await deps.revokeAll(deps.cloudFor(openid), token);
  const revokedSession = await launch(deps, openid, storage, (m) =>
    m.callAuthenticated('checkSession', {}),
  );
  return { firstLaunch, warmLaunch, expiredSession, revokedSession };
}

export interface SingleFlightResult {
  concurrentCalls: number;
  loginCalls: number;
  succeeded: number;
  totalCalls: number;
}

/** 50 concurrent authenticated calls right after the server revoked the stored session. */
export async function measureSingleFlight(
  deps: RoundTripDeps,
  concurrentCalls = 50,
): Promise<SingleFlightResult> {
  const openid = `bench-sf-${Date.now()}`;
  const storage = memoryStorage();
  const cloud = new CountingCloud(deps.cloudFor(openid));
  const manager = deps.createManager({ cloud, storage, storageKey: STORAGE_KEY });
  const session = (await manager.ensureLogin()) as { token: string };
  await deps.revokeAll(deps.cloudFor(openid), session.token);
  cloud.calls.length = 0;

  const outcomes = await Promise.allSettled(
    Array.from({ length: concurrentCalls }, () => manager.callAuthenticated('checkSession', {})),
  );
  return {
    concurrentCalls,
    loginCalls: cloud.count('login'),
    succeeded: outcomes.filter((o) => o.status === 'fulfilled').length,
    totalCalls: cloud.count(),
  };
}
