// dbScaling: doc(id).get() and where({_openid}).get() through the real wx-server-sdk against
// collections of 1,000 and 100,000 documents. Seeding goes through the database API in large
// batches (not 100k SDK calls); the queries run in a separate Node process with the SDK
// pointed at the emulator's /admin, the way a function instance reaches it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { EJSON } from 'bson';
import { ROOT } from './lib/paths';
import { round } from './lib/stats';

const run = promisify(execFile);

export interface DbScalingDeps {
  adminUrl: string;
  envId: string;
  /** Creates the collection and inserts these EJSON-serialised documents. */
  insertMany(collection: string, docs: string[]): Promise<void>;
}

export interface DbScalingResult {
  getById: Record<'1000' | '100000', number>;
  whereOpenid: Record<'1000' | '100000', number>;
  seedMs: Record<'1000' | '100000', number>;
  samples: number;
}

const BATCH = 2000;

/** A users-like document, about the size of a real user record. */
function userDoc(size: number, i: number): string {
  const now = Date.now();
  return EJSON.stringify(
    {
      _id: `s${size}-${i}`,
      _openid: `o${size}-${i}`,
      nickName: `用户${i}`,
      avatarUrl: `cloud://bench.bucket/avatars/${i}.png`,
      gender: i % 3,
      country: 'China',
      province: 'Shanghai',
      city: 'Shanghai',
      language: 'zh_CN',
      createdAt: now,
      lastLoginAt: now,
      updatedAt: now,
      loginCount: 1 + (i % 50),
    },
    { relaxed: false },
  );
}

async function seed(
  deps: DbScalingDeps,
  size: number,
): Promise<{ collection: string; ms: number }> {
  const collection = `bench_users_${size}`;
  const start = Date.now();
  for (let from = 0; from < size; from += BATCH) {
    const docs: string[] = [];
    for (let i = from; i < Math.min(size, from + BATCH); i += 1) docs.push(userDoc(size, i));
    await deps.insertMany(collection, docs);
  }
  return { collection, ms: Date.now() - start };
}

type Timings = Record<string, { getById: number; whereOpenid: number }>;

function target(size: number, collection: string) {
  const indexes = Array.from({ length: 200 }, (_, k) => Math.floor((k * size) / 200) + (k % 7));
  return {
    name: String(size),
    collection,
    ids: indexes.map((i) => `s${size}-${i}`),
    openids: indexes.map((i) => `o${size}-${i}`),
  };
}

async function query(deps: DbScalingDeps, targets: ReturnType<typeof target>[], samples: number) {
  const input = JSON.stringify({ targets, samples });
  const client = path.join(ROOT, 'bench/fixtures/sdk-query-client.js');
  const { stdout } = await run(process.execPath, [client, input], {
    cwd: ROOT,
    timeout: 120_000,
    maxBuffer: 1 << 20,
    env: {
      PATH: process.env.PATH ?? '',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: deps.adminUrl }),
      TENCENTCLOUD_SECRETID: 'bench',
      TENCENTCLOUD_SECRETKEY: 'bench',
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: deps.envId,
      TENCENTCLOUD_REGION: 'ap-shanghai',
    },
  });
  return JSON.parse(stdout) as Timings;
}

export async function measureDbScaling(
  deps: DbScalingDeps,
  samples = 40,
): Promise<DbScalingResult> {
  const small = await seed(deps, 1000);
  const large = await seed(deps, 100_000);
  const t = await query(
    deps,
    [target(1000, small.collection), target(100_000, large.collection)],
    samples,
  );
  const at = (size: '1000' | '100000') =>
    t[size] ?? { getById: Number.NaN, whereOpenid: Number.NaN };
  return {
    getById: { '1000': round(at('1000').getById), '100000': round(at('100000').getById) },
    whereOpenid: {
      '1000': round(at('1000').whereOpenid),
      '100000': round(at('100000').whereOpenid),
    },
    seedMs: { '1000': small.ms, '100000': large.ms },
    samples,
  };
}
