// The bench's one seam to the emulator: starts it (on a temp data directory, as users run it:
// persistent SQLite, not in memory) and hands each section the few operations it needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWxCloud } from '../../emulator/src/bridge';
import { startEmulator } from '../../emulator/src/index';
import type { DbOpsDeps } from '../db-ops';
import type { DbScalingDeps } from '../db-scaling';
import type { RoundTripDeps } from '../round-trips';
import { loadSessionManager, type CloudCaller } from './client';
import { ROOT } from './paths';

export interface BenchEmulator {
  url: string;
  /** A second emulator serving bench/fixtures/overhead-project (noop and addOne). */
  overheadUrl: string;
  /** Disk syncs and the commits they covered so far (emulator/src/database/group-commit.ts). */
  diskStats(): { syncs: number; commits: number };
  roundTripDeps(): Promise<RoundTripDeps>;
  dbOpsDeps(): DbOpsDeps;
  dbScalingDeps(): DbScalingDeps;
  stop(): Promise<void>;
}

interface Envelope {
  ok?: boolean;
  data?: Record<string, unknown>;
  error?: unknown;
}

function bridgeFor(url: string, openid: string): CloudCaller {
  const cloud = createWxCloud({ url, openid });
  return {
    callFunction(param) {
      return cloud.callFunction({ name: param.name, data: param.data ?? {} });
    },
  };
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-emulator-'));
  const emu = await startEmulator({ project: ROOT, dataDir, port: 0 });
  // A second emulator, also on disk, serving the do-nothing and add-one fixture functions.
  const overheadDir = mkdtempSync(path.join(tmpdir(), 'bench-overhead-'));
  const overhead = await startEmulator({
    project: path.join(ROOT, 'bench/fixtures/overhead-project'),
    dataDir: overheadDir,
    port: 0,
  });
  await overhead.database.handle({ action: 'database.addCollection', collectionName: 'bench' });

  const call = async (name: string, data: object, openid: string) => {
    const reply = await emu.callFunction(name, data, { openid });
    const envelope = reply.result as Envelope | undefined;
    if (!envelope?.ok)
      throw new Error(`${name} failed: ${JSON.stringify(reply.body).slice(0, 300)}`);
    return envelope.data ?? {};
  };

  const collections = new Set<string>();
  const insertMany = async (collection: string, docs: string[]) => {
    if (!collections.has(collection)) {
      await emu.database.handle({ action: 'database.addCollection', collectionName: collection });
      collections.add(collection);
    }
    const reply = (await emu.database.handle({
      action: 'database.insertDocument',
      collectionName: collection,
      data: docs,
    })) as { code?: string; message?: string };
    if (reply.code) throw new Error(`seeding ${collection}: ${reply.code} ${reply.message ?? ''}`);
  };

  return {
    url: emu.url,
    overheadUrl: overhead.url,
    diskStats: () => emu.database.stats().disk ?? { syncs: 0, commits: 0 },
    async roundTripDeps() {
      return {
        cloudFor: (openid) => bridgeFor(emu.url, openid),
        createManager: await loadSessionManager(),
        async revokeAll(cloud, token) {
          const { result } = await cloud.callFunction({
            name: 'logout',
            data: { token, scope: 'all' },
          });
          if (!(result as Envelope | undefined)?.ok)
            throw new Error(`logout failed: ${JSON.stringify(result)}`);
        },
      };
    },
    dbOpsDeps: () => ({
      call,
      async countActions(fn) {
        emu.database.resetStats();
        await fn();
        const invocations = Object.values(emu.database.stats().byInvocation);
        // One function call, one invocation: its own counts. Without attribution, the totals.
        if (invocations.length === 1 && invocations[0]) return invocations[0].byAction;
        return emu.database.stats().byAction;
      },
    }),
    dbScalingDeps: () => ({ adminUrl: emu.adminUrl, envId: emu.project.envId, insertMany }),
    async stop() {
      await overhead.stop();
      rmSync(overheadDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      await emu.stop();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
