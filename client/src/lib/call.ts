import type { FunctionName, RequestOf, ResponseOf } from '../../../contract/src/index';
import { callTimeoutFor } from './call-timeouts';
import { CloudCallError } from './cloud-error';
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

export interface CallHooks {
  /**
   * Client-side limit for every call, replacing the per-function ones (call-timeouts.ts); a call
   * still unanswered then fails as CLIENT_TIMEOUT.
   */
  timeoutMs?: number;
  /** Every answer's serverTime, with the local times the call was sent and answered. */
  onServerTime?: (serverTime: number, sentAt: number, receivedAt: number) => void;
  /** Every failure once classified; defaults to console.error + the realtime log. */
  onFailure?: (error: CloudCallError) => void;
  now?: () => number;
}

/** What withTimeout rejects with: the client gave up, the function may still be running. */
class ClientTimeout {
  constructor(readonly errMsg: string) {}
}

/** Rejects with a ClientTimeout when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ClientTimeout(`cloud.callFunction:fail client timeout after ${ms} ms (${name})`));
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
  const onFailure = hooks.onFailure ?? logCallFailure;
  return async <N extends FunctionName>(name: N, data: RequestOf<N>) => {
    const sentAt = now();
    let raw: { result?: unknown };
    try {
      const timeoutMs = hooks.timeoutMs ?? callTimeoutFor(name);
      raw = await withTimeout(getCloud().callFunction({ name, data }), timeoutMs, name);
    } catch (failure) {
      const error =
        failure instanceof ClientTimeout
          ? new CloudCallError({
              code: 'CLIENT_TIMEOUT',
              functionName: name,
              errMsg: failure.errMsg,
            })
          : fromTransportFailure(name, failure);
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
