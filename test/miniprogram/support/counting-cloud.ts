/**
 * Test support without the emulator itself (safe under jsdom): a wx.cloud whose callFunction
 * calls are counted by name (and can be made to fail like an offline network), wx-like storage
 * in a Map, and fresh OPENIDs.
 */
import { createWxCloud, type BridgeWxCloud } from '../../../emulator/src/bridge';
import type { CloudFunctionCaller } from '../../../miniprogram/lib/call';
import type { KeyValueStorage } from '../../../miniprogram/lib/session/types';

export interface CountingCloud extends CloudFunctionCaller {
  /** Names of every callFunction made, in order. */
  calls: string[];
  count(name?: string): number;
  /** How many calls of `name` have finished (answered or failed). */
  settled(name: string): number;
  reset(): void;
  /** Fails the next `times` calls of `name` as an offline network would, before they leave. */
  failNext(name: string, times: number): void;
  /** Lets the next `times` calls of `name` run on the server, then loses their reply. */
  loseNextReply(name: string, times: number): void;
  /**
   * Lets the next call of `name` run on the server but holds its reply until the returned
   * function is called: a slow answer, arriving after calls made later.
   */
  holdNextReply(name: string): () => void;
}

export function countingCloud(bridge: BridgeWxCloud): CountingCloud {
  const calls: string[] = [];
  const finished: string[] = [];
  const failures = new Map<string, number>();
  const lost = new Map<string, number>();
  const held = new Map<string, Promise<void>>();
  const takeOne = (counts: Map<string, number>, name: string) => {
    const left = counts.get(name) ?? 0;
    if (left > 0) counts.set(name, left - 1);
    return left > 0;
  };
  const networkError = (detail: string) => {
    const errMsg = `cloud.callFunction:fail request:fail ${detail}`;
    return Object.assign(new Error(errMsg), { errCode: -1, errMsg });
  };
  return {
    calls,
    count: (name) => (name ? calls.filter((n) => n === name).length : calls.length),
    settled: (name) => finished.filter((n) => n === name).length,
    reset: () => {
      calls.splice(0);
      finished.splice(0);
    },
    failNext: (name, times) => void failures.set(name, times),
    loseNextReply: (name, times) => void lost.set(name, times),
    holdNextReply: (name) => {
      let release = () => undefined as void;
      held.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    callFunction(param) {
      calls.push(param.name);
      if (takeOne(failures, param.name)) return Promise.reject(networkError('network is down'));
      const reply = bridge.callFunction({ name: param.name, data: param.data ?? {} });
      const done = () => void finished.push(param.name);
      reply.then(done, done);
      if (takeOne(lost, param.name))
        return reply.then(() => Promise.reject(networkError('timeout')));
      const gate = held.get(param.name);
      if (gate) {
        held.delete(param.name);
        return reply.then((answer) => gate.then(() => answer));
      }
      return reply;
    },
  };
}

/** wx storage stand-in: a Map, shared between "launches" to model what survives a restart. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, structuredClone(value)),
    remove: (key) => void data.delete(key),
  };
}

let openidCounter = 0;
/** A fresh OPENID per test, so tests never see each other's users and sessions. */
export function newOpenid(label: string): string {
  openidCounter += 1;
  return `o-${label}-${process.pid}-${openidCounter}`;
}

/** A wx.cloud bridge to a running emulator, acting as `openid`. */
export function bridgeFor(emulator: { url: string }, openid: string): BridgeWxCloud {
  return createWxCloud({ url: emulator.url, openid });
}
