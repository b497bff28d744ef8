import type { FunctionName, RequestOf, ResponseOf } from '../contract/index';
import type { CloudCallError } from './cloud-error';
import { readEnvelope, readServerTime } from './envelope-reader';
import { logCallFailure } from './error-log';
import { fromTransportFailure } from './transport-error';

/** The part of wx.cloud the wrapper needs; the real wx.cloud and the emulator bridge both fit. */
export interface CloudFunctionCaller {
  callFunction(param: { name: string; data?: object }): Promise<{ result?: unknown }>;
}

/** A typed call: the name picks the request and response types from the contract. */
export type TypedCall = <N extends FunctionName>(
  name: N,
  data: RequestOf<N>,
) => Promise<ResponseOf<N>>;

/**
 * Longer than the functions' own 5 s timeout plus a cold start: past it the SDK would keep the
 * page waiting for tens of seconds on a weak network, so the call ends as NETWORK instead.
 */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

export interface CallHooks {
  /** Client-side limit per call; a call still unanswered then fails as NETWORK. */
  timeoutMs?: number;
  /** Every answer's serverTime, with the local times the call was sent and answered. */
  onServerTime?: (serverTime: number, sentAt: number, receivedAt: number) => void;
  /** Every failure once classified; defaults to console.error + the realtime log. */
  onFailure?: (error: CloudCallError) => void;
  now?: () => number;
}

/** Rejects like a network failure when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const errMsg = `cloud.callFunction:fail client timeout after ${ms} ms (${name})`;
      reject({ errCode: -1, errMsg });
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}

/**
 * Builds a typed `call` on top of a wx.cloud-like caller. Every failure (transport or
 * business) rejects with a CloudCallError; success resolves with the envelope's data.
 */
export function createCall(getCloud: () => CloudFunctionCaller, hooks: CallHooks = {}): TypedCall {
  const now = hooks.now ?? (() => Date.now());
  const timeoutMs = hooks.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const onFailure = hooks.onFailure ?? logCallFailure;
  return async <N extends FunctionName>(name: N, data: RequestOf<N>) => {
    const sentAt = now();
    let raw: { result?: unknown };
    try {
      raw = await withTimeout(getCloud().callFunction({ name, data }), timeoutMs, name);
    } catch (failure) {
      const error = fromTransportFailure(name, failure);
      onFailure(error);
      throw error;
    }
    // A caller that resolves with something other than an object is as broken as a bad envelope.
    const result = typeof raw === 'object' && raw !== null ? raw.result : undefined;
    const serverTime = readServerTime(result);
    if (serverTime !== undefined) hooks.onServerTime?.(serverTime, sentAt, now());
    try {
      return readEnvelope<ResponseOf<N>>(name, result);
    } catch (error) {
      onFailure(error as CloudCallError);
      throw error;
    }
  };
}

/** `call('login', {})` for pages: uses wx.cloud, looked up at call time (after wx.cloud.init). */
export const call: TypedCall = createCall(() => wx.cloud);
