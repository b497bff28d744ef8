/**
 * Rules test harness: a real emulator (in memory) whose rules folder the test writes, the
 * bridge's client database (real @cloudbase/database builder) as any OPENID, and admin-side
 * seeding that bypasses rules as a cloud function would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import { createWxCloud, startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import type { BridgeDatabase } from '../../../emulator/src/bridge/database-types';
import type { DocIdMode } from '../../../emulator/src/rules';
import { postJson } from '../../../emulator/src/bridge/emulator-client';
import {
  CLIENT_DATABASE_PATH,
  DB_ERR_CODES,
  DatabaseError,
} from '../../../emulator/src/bridge/database-transport';

export type Doc = Record<string, unknown>;

/** Sends one raw client database request body; resolves the reply body. */
export type RawClient = (body: Doc) => Promise<Doc>;

/** A query, document or stage value as the SDK sends it: canonical Extended JSON text. */
export const ejson = (value: unknown): string => EJSON.stringify(value, { relaxed: false });

export interface RulesHarness {
  emu: RunningEmulator;
  rulesDir: string;
  /** The client database as this OPENID. */
  db(openid: string): BridgeDatabase;
  /**
   * A crafted request as this OPENID: the body goes to `/client/database` as a modified client
   * would send it (no builder in between); a `{ code }` reply rejects as the builder's would.
   */
  raw(openid: string): RawClient;
  /** Creates the collection and inserts the documents with admin rights. */
  seed(collection: string, docs: Doc[]): Promise<void>;
  /** Every stored document, read with admin rights. */
  all(collection: string): Promise<Doc[]>;
  writeRule(collection: string, rule: unknown): void;
  stop(): Promise<void>;
}

export async function startRulesHarness(
  rules: Record<string, unknown>,
  options: { docIdMode?: DocIdMode; project?: string; rulesDir?: string } = {},
): Promise<RulesHarness> {
  const own = options.rulesDir === undefined;
  const rulesDir = options.rulesDir ?? mkdtempSync(path.join(tmpdir(), 'wx-rules-'));
  const writeRule = (collection: string, rule: unknown) =>
    writeFileSync(path.join(rulesDir, `${collection}.json`), JSON.stringify(rule));
  if (own) for (const [collection, rule] of Object.entries(rules)) writeRule(collection, rule);
  const emu = await startEmulator({
    inMemory: true,
    port: 0,
    project: options.project,
    rulesDir,
    rulesDocId: options.docIdMode,
  });
  const admin = (body: Doc) => emu.database.handle(body);
  return {
    emu,
    rulesDir,
    db: (openid) => createWxCloud({ url: emu.url, openid }).database(),
    raw: (openid) => async (body) => {
      const reply = await postJson({ url: emu.url, openid }, CLIENT_DATABASE_PATH, body);
      const answer = reply.body as Doc;
      if (typeof answer?.code === 'string') {
        throw new DatabaseError(DB_ERR_CODES[answer.code] ?? -501001, String(answer.message));
      }
      return answer;
    },
    async seed(collection, docs) {
      await admin({ action: 'database.addCollection', collectionName: collection });
      if (docs.length === 0) return;
      const reply = await admin({
        action: 'database.insertDocument',
        collectionName: collection,
        data: docs.map((doc) => EJSON.stringify(doc, { relaxed: false })),
      });
      if (reply.code) throw new Error(`seed failed: ${JSON.stringify(reply)}`);
    },
    async all(collection) {
      const reply = await admin({
        action: 'database.getDocument',
        collectionName: collection,
        limit: 1000,
      });
      const list = (reply.data as { list?: string[] } | undefined)?.list ?? [];
      return list.map((text) => EJSON.parse(text, { relaxed: true }) as Doc);
    },
    writeRule,
    async stop() {
      await emu.stop();
      if (own) rmSync(rulesDir, { recursive: true, force: true });
    },
  };
}

/** What a client call ended with: its value, or the errCode/errMsg it rejected with. */
export type Outcome = { ok: true; value: unknown } | { ok: false; errCode: number; errMsg: string };

export async function outcomeOf(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const e = error as { errCode?: number; errMsg?: string; message?: string };
    return { ok: false, errCode: e.errCode ?? 0, errMsg: e.errMsg ?? e.message ?? String(error) };
  }
}
