/**
 * Decoding a `wx.openApi` request's `requestData` and encoding the replies the SDK expects, with
 * the messages of schema.ts. Pure functions: no HTTP, no state.
 */
import { API_TYPE, CommApiData, CommOpenApiResp } from './schema';

/** An openapi call as the SDK sends it: each top-level parameter as the JSON text of its value. */
export interface OpenApiRequest {
  kind: 'openapi';
  /** Parameters by (snake_case) name; JSON values parsed, other pairs kept as bytes. */
  params: Record<string, unknown>;
  appid: string;
}

/** `cloud.getOpenData` and friends: a named internal API with its own protobuf request. */
export interface SvrkitRequest {
  kind: 'svrkit';
  apiName: string;
  reqData: Buffer;
  appid: string;
}

export type DecodedRequest = OpenApiRequest | SvrkitRequest | { kind: 'other'; apiType: number };

export class WireError extends Error {
  override name = 'WireError';
}

interface RawPair {
  key?: string;
  value?: Uint8Array;
  contenttype?: string;
  filename?: string;
}

interface RawCommApiData {
  apiType?: number;
  openapiData?: { pairs?: RawPair[] };
  svrkitData?: { apiName?: string; reqData?: Uint8Array };
  appid?: string;
}

/** A binary parameter (e.g. `imgSecCheck`'s `media: { contentType, value: Buffer }`). */
export class MediaPart {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

function pairValue(pair: RawPair): unknown {
  const bytes = Buffer.from(pair.value ?? new Uint8Array());
  // A pair with a content type or file name is a binary upload (e.g. an image), not JSON text.
  if (pair.contenttype || pair.filename) {
    return new MediaPart(bytes, pair.contenttype ?? '', pair.filename ?? '');
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return bytes;
  }
}

export function decodeRequest(requestData: Buffer): DecodedRequest {
  let message: RawCommApiData;
  try {
    message = CommApiData.toObject(CommApiData.decode(requestData), {
      defaults: true,
    }) as RawCommApiData;
  } catch (error) {
    throw new WireError(`requestData is not a CommApiData message: ${(error as Error).message}`);
  }
  const appid = message.appid ?? '';
  if (message.apiType === API_TYPE.OPEN_API) {
    const params: Record<string, unknown> = {};
    for (const pair of message.openapiData?.pairs ?? []) {
      if (pair.key) params[pair.key] = pairValue(pair);
    }
    return { kind: 'openapi', params, appid };
  }
  if (message.apiType === API_TYPE.SVRKIT_API) {
    return {
      kind: 'svrkit',
      apiName: message.svrkitData?.apiName ?? '',
      reqData: Buffer.from(message.svrkitData?.reqData ?? new Uint8Array()),
      appid,
    };
  }
  return { kind: 'other', apiType: message.apiType ?? -1 };
}

function encodeResp(fields: Record<string, unknown>): Buffer {
  const message = CommOpenApiResp.fromObject(fields);
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/**
 * The WeChat server's JSON answer (`{errcode, errmsg, ...}`), wrapped as production wraps it.
 * A non-zero `errcode` here is an API failure the SDK raises with that errCode and errmsg.
 */
export function encodeJsonReply(json: Record<string, unknown>): Buffer {
  return encodeResp({
    respData: Buffer.from(JSON.stringify(json), 'utf8'),
    contentType: 'application/json',
    errorCode: 0,
    httpCode: 200,
  });
}

/** A binary answer (an image): the SDK hands the caller `{ contentType, buffer }`. */
export function encodeBinaryReply(body: Buffer, contentType: string): Buffer {
  return encodeResp({ respData: body, contentType, errorCode: 0, httpCode: 200 });
}

/** A CloudBase-level refusal (e.g. -604101 missing permission): no WeChat answer at all. */
export function encodeSystemError(errorCode: number): Buffer {
  return encodeResp({ errorCode, httpCode: 200 });
}

/** A svrkit answer: its own protobuf bytes in respData. */
export function encodeSvrkitReply(respData: Uint8Array, svrkitErrorCode = 0): Buffer {
  return encodeResp({ respData, errorCode: 0, svrkitErrorCode, httpCode: 200 });
}
