import type { FunctionName, RequestOf, ResponseOf } from '../contract/index';
import { readEnvelope } from './envelope-reader';
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
 * Builds a typed `call` on top of a wx.cloud-like caller. Every failure (transport or
 * business) rejects with a CloudCallError; success resolves with the envelope's data.
 */
export function createCall(getCloud: () => CloudFunctionCaller): TypedCall {
  return async <N extends FunctionName>(name: N, data: RequestOf<N>) => {
    let raw: { result?: unknown };
    try {
      raw = await getCloud().callFunction({ name, data });
    } catch (failure) {
      throw fromTransportFailure(name, failure);
    }
    // A caller that resolves with something other than an object is as broken as a bad envelope.
    const result = typeof raw === 'object' && raw !== null ? raw.result : undefined;
    return readEnvelope<ResponseOf<N>>(name, result);
  };
}

/** `call('login', {})` for pages: uses wx.cloud, looked up at call time (after wx.cloud.init). */
export const call: TypedCall = createCall(() => wx.cloud);
