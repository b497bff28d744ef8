// The comparison point for roundTrips: the flow the seed articles write by hand, run against
// the same emulator through the same counting bridge. On every launch: if a key is stored, ask
// the server whether it is still good; if not (or none is stored), wx.login and log in. An
// authenticated call that is rejected logs in and retries. wx.login is a network round trip to
// WeChat's servers of its own; it is counted separately (our design needs none: the identity
// comes from the cloud function's context).
import { CountingCloud, memoryStorage } from './round-trips';
import type { CloudCaller } from './lib/client';

export interface HandWrittenCounts {
  callFunction: number;
  wxLogin: number;
}

class HandWrittenClient {
  wxLogins = 0;
  constructor(
    private readonly cloud: CloudCaller,
    private readonly storage: Map<string, unknown>,
  ) {}

  private async call(name: string, data: object): Promise<Record<string, unknown> | null> {
    const { result } = await this.cloud.callFunction({ name, data });
    const envelope = result as { ok?: boolean; data?: Record<string, unknown> } | undefined;
    return envelope?.ok ? (envelope.data ?? {}) : null;
  }

  private async login(): Promise<string> {
    this.wxLogins += 1; // wx.login(): the code they send to their server
    const data = await this.call('login', {});
    const token = String(data?.token ?? '');
    this.storage.set('skey', token);
    return token;
  }

  /** App launch: a stored-key check, a server check, a fresh login when needed. */
  async launch(): Promise<string> {
    const stored = this.storage.get('skey');
    if (typeof stored === 'string' && (await this.call('checkSession', { token: stored }))) {
      return stored;
    }
    return this.login();
  }

  async authenticated(name: string): Promise<void> {
    const token = String(this.storage.get('skey') ?? (await this.login()));
    if (await this.call(name, { token })) return;
    await this.call(name, { token: await this.login() });
  }
}

export async function measureHandWritten(
  cloudFor: (openid: string) => CloudCaller,
  revokeAll: (cloud: CloudCaller, token: string) => Promise<void>,
): Promise<
  Record<'firstLaunch' | 'warmLaunch' | 'expiredSession' | 'revokedSession', HandWrittenCounts>
> {
  const openid = `bench-hand-${Date.now()}`;
  const { data: storage } = memoryStorage();
  const run = async (fn: (client: HandWrittenClient) => Promise<unknown>) => {
    const cloud = new CountingCloud(cloudFor(openid));
    const client = new HandWrittenClient(cloud, storage);
    await fn(client);
    return { callFunction: cloud.count(), wxLogin: client.wxLogins };
  };
  const firstLaunch = await run((c) => c.launch());
  const warmLaunch = await run((c) => c.launch());
  // Expired: the server no longer accepts the stored key (the flow keeps no expiry locally).
  await revokeAll(cloudFor(openid), String(storage.get('skey')));
  const expiredSession = await run((c) => c.launch());
  // Revoked, then one authenticated call: the launch's server check finds out and logs in first.
  await revokeAll(cloudFor(openid), String(storage.get('skey')));
  const revokedSession = await run(async (c) => {
    await c.launch();
    await c.authenticated('checkSession');
  });
  return { firstLaunch, warmLaunch, expiredSession, revokedSession };
}

/** The same 50 concurrent calls after a revocation: nothing de-duplicates the logins. */
export async function measureHandWrittenSingleFlight(
  cloudFor: (openid: string) => CloudCaller,
  revokeAll: (cloud: CloudCaller, token: string) => Promise<void>,
  concurrentCalls = 50,
): Promise<{ concurrentCalls: number; loginCalls: number; wxLogin: number }> {
  const openid = `bench-hand-sf-${Date.now()}`;
  const { data: storage } = memoryStorage();
  const cloud = new CountingCloud(cloudFor(openid));
  const client = new HandWrittenClient(cloud, storage);
  await client.launch();
  await revokeAll(cloudFor(openid), String(storage.get('skey')));
  cloud.calls.length = 0;
  client.wxLogins = 0;
  await Promise.allSettled(
    Array.from({ length: concurrentCalls }, () => client.authenticated('checkSession')),
  );
  return { concurrentCalls, loginCalls: cloud.count('login'), wxLogin: client.wxLogins };
}
