/**
 * Test support: a running emulator serving this repository's built cloud functions, and a
 * wx.cloud bridge to it whose callFunction calls are counted by name.
 */
import path from 'node:path';
import { createWxCloud, type BridgeWxCloud } from '../../../emulator/src/bridge';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import type { CloudFunctionCaller } from '../../../miniprogram/lib/call';
import type { KeyValueStorage, StoredSession } from '../../../miniprogram/lib/session/types';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function startRepoEmulator(): Promise<RunningEmulator> {
  // A few instances per function: enough for concurrency, gentle on a 2-core machine.
  return startEmulator({ project: REPO_ROOT, inMemory: true, port: 0, maxInstancesPerFunction: 4 });
}

export interface CountingCloud extends CloudFunctionCaller {
  /** Names of every callFunction made, in order. */
  calls: string[];
  count(name?: string): number;
  reset(): void;
  /** Fails the next `times` calls of `name` as an offline network would, before they leave. */
  failNext(name: string, times: number): void;
}

export function countingCloud(bridge: BridgeWxCloud): CountingCloud {
  const calls: string[] = [];
  const failures = new Map<string, number>();
  return {
    calls,
    count: (name) => (name ? calls.filter((n) => n === name).length : calls.length),
    reset: () => void calls.splice(0),
    failNext: (name, times) => void failures.set(name, times),
    callFunction(param) {
      calls.push(param.name);
      const left = failures.get(param.name) ?? 0;
      if (left > 0) {
        failures.set(param.name, left - 1);
        const errMsg = 'cloud.callFunction:fail request:fail network is down';
        return Promise.reject(Object.assign(new Error(errMsg), { errCode: -1, errMsg }));
      }
      // Without callbacks the bridge always returns a promise.
      return bridge.callFunction({ name: param.name, data: param.data ?? {} }) as Promise<{
        result?: unknown;
      }>;
    },
  };
}

export function bridgeFor(emulator: RunningEmulator, openid: string): BridgeWxCloud {
  return createWxCloud({ url: emulator.url, openid });
}

/** wx storage stand-in: a Map, shared between "launches" to model what survives a restart. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, StoredSession> } {
  const data = new Map<string, StoredSession>();
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
