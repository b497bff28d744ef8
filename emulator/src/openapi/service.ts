/**
 * The emulated WeChat side of `wx.openApi`: checks the calling function's permission, runs the
 * emulated API and counts every call (tests assert how often the platform was billed).
 * Everything here works on decoded values and returns the protobuf reply bytes; the HTTP part
 * is in admin-action.ts.
 */
import { msgSecCheck } from './msg-sec-check';
import { PhoneCodeStore } from './phone-codes';
import { decodeRequest, encodeJsonReply, encodeSystemError, type DecodedRequest } from './wire';

/** CloudBase's code for "this function has no permission for this openapi". */
export const ERR_OPENAPI_PERMISSION = -604101;
/** errcode of the WeChat answer for an API the emulator does not emulate. */
export const ERR_NOT_EMULATED = -1;

/** Who is calling: the function (by its folder) and the user of its invocation. */
export interface OpenApiCaller {
  /** Empty for SDK calls made outside any function invocation. */
  functionName: string;
  /** Names listed in the function's config.json `permissions.openapi`. */
  allowed: ReadonlySet<string>;
  appid: string;
}

export interface OpenApiCallCount {
  calls: number;
  succeeded: number;
  failed: number;
}

type JsonReply = Record<string, unknown> & { errcode: number; errmsg: string };
type Emulated = (params: Record<string, unknown>, appid: string) => JsonReply;

export class OpenApiService {
  readonly phoneCodes: PhoneCodeStore;
  private readonly counts = new Map<string, OpenApiCallCount>();
  private readonly apis: Record<string, Emulated>;

  constructor(now: () => number) {
    this.phoneCodes = new PhoneCodeStore(now);
    this.apis = {
      'phonenumber.getPhoneNumber': (params, appid) =>
        this.phoneCodes.exchange(params.code, params.openid, appid),
      'security.msgSecCheck': (params) => msgSecCheck(params),
    };
  }

  /** Names of the APIs the emulator answers. */
  emulated(): string[] {
    return Object.keys(this.apis);
  }

  /** Calls that reached the emulated platform, by API name (permission refusals excluded). */
  stats(): Record<string, OpenApiCallCount> {
    return Object.fromEntries([...this.counts].map(([name, count]) => [name, { ...count }]));
  }

  resetStats(): void {
    this.counts.clear();
  }

  /** One `wx.openApi` call: `requestData` as sent, the reply as protobuf bytes. */
  handle(apiName: string, requestData: Buffer, caller: OpenApiCaller): Buffer {
    const request = decodeRequest(requestData);
    if (!caller.allowed.has(apiName)) return encodeSystemError(ERR_OPENAPI_PERMISSION);
    const reply = this.answer(apiName, request, caller);
    this.count(apiName, reply.errcode === 0);
    return encodeJsonReply(reply);
  }

  private answer(apiName: string, request: DecodedRequest, caller: OpenApiCaller): JsonReply {
    const api = this.apis[apiName];
    if (!api || request.kind !== 'openapi') {
      return {
        errcode: ERR_NOT_EMULATED,
        errmsg: `${apiName} is not emulated by the local emulator (emulated: ${this.emulated().join(', ')})`,
      };
    }
    return api(request.params, request.appid || caller.appid);
  }

  private count(apiName: string, ok: boolean): void {
    const count = this.counts.get(apiName) ?? { calls: 0, succeeded: 0, failed: 0 };
    count.calls += 1;
    if (ok) count.succeeded += 1;
    else count.failed += 1;
    this.counts.set(apiName, count);
  }
}
