/**
 * The emulated WeChat side of `wx.openApi`: checks the calling function's permission, runs the
 * emulated API and counts every call (tests assert how often the platform was billed).
 * Everything here works on decoded values and returns the protobuf reply bytes; the HTTP part
 * is in admin-action.ts. Each call family lives in its own file; this one only routes.
 */
import { CustomerService } from './customer-service';
import { imgSecCheck } from './img-sec-check';
import { mediaCheckAsync } from './media-check';
import { msgSecCheck } from './msg-sec-check';
import { OpenDataStore } from './open-data';
import { Outbox } from './outbox';
import { PhoneCodeStore } from './phone-codes';
import { PlatformPushes } from './platform-pushes';
import { subscribeMessageSend } from './subscribe-message';
import { Subscriptions } from './subscribe-templates';
import { BinaryReply, type ApiReply, type JsonReply, type OpenApiCaller } from './types';
import {
  decodeRequest,
  encodeBinaryReply,
  encodeJsonReply,
  encodeSystemError,
  type SvrkitRequest,
} from './wire';
import { codeForPath, getUnlimited } from './wxacode';

export type { OpenApiCaller } from './types';

/** CloudBase's code for "this function has no permission for this openapi". */
export const ERR_OPENAPI_PERMISSION = -604101;
/** errcode of the WeChat answer for an API the emulator does not emulate. */
export const ERR_NOT_EMULATED = -1;
/** The svrkit API behind `cloud.getOpenData`. */
const GET_OPEN_DATA = 'ApiGetOpenDataByCloudId';

export interface OpenApiCallCount {
  calls: number;
  succeeded: number;
  failed: number;
}

type Emulated = (
  params: Record<string, unknown>,
  caller: OpenApiCaller,
) => ApiReply | Promise<ApiReply>;

export interface OpenApiServiceOptions {
  now: () => number;
  /** The project folder (subscribe-templates.json, the mini program's app.json). */
  projectDir: string;
  /** Told about calls the emulator does not emulate (the emulator log). */
  warn?: (message: string) => void;
}

/** Calls left out on purpose, and what to use instead (docs/emulator-openapi.md). */
const NOT_EMULATED_WHY: Record<string, string> = {
  'uniformMessage.send':
    'its weapp_template_msg was switched off in production on 2020-01-10 (use subscribeMessage.send), ' +
    'and mp_template_msg needs an official account bound to the mini program, which the emulator has not',
};

export class OpenApiService {
  readonly phoneCodes: PhoneCodeStore;
  readonly outbox = new Outbox();
  readonly subscriptions = new Subscriptions();
  readonly customerService: CustomerService;
  readonly openData: OpenDataStore;
  readonly platformPushes = new PlatformPushes();
  private readonly counts = new Map<string, OpenApiCallCount>();
  private readonly apis: Record<string, Emulated>;

  constructor(private readonly options: OpenApiServiceOptions) {
    const { now, projectDir } = options;
    this.phoneCodes = new PhoneCodeStore(now);
    this.customerService = new CustomerService(this.outbox, now);
    this.openData = new OpenDataStore(now);
    const messages = { projectDir, subscriptions: this.subscriptions, outbox: this.outbox, now };
    this.apis = {
      'phonenumber.getPhoneNumber': (params, caller) =>
        this.phoneCodes.exchange(params.code, params.openid, caller.appid),
      'security.msgSecCheck': (params) => msgSecCheck(params),
      'security.imgSecCheck': (params) => imgSecCheck(params),
      'security.mediaCheckAsync': (params, caller) => {
        const { reply, push } = mediaCheckAsync(params, caller.appid, now());
        if (push) this.platformPushes.emit(push);
        return reply;
      },
      'subscribeMessage.send': (params, caller) => subscribeMessageSend(params, caller, messages),
      'customerServiceMessage.send': (params, caller) => this.customerService.send(params, caller),
      'wxacode.getUnlimited': (params) => getUnlimited(params, projectDir),
      'wxacode.get': (params) => codeForPath(params),
      'wxacode.createQRCode': (params) => codeForPath(params),
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
  async handle(apiName: string, requestData: Buffer, caller: OpenApiCaller): Promise<Buffer> {
    const request = decodeRequest(requestData);
    if (request.kind === 'svrkit') return this.svrkit(request, caller);
    if (!caller.allowed.has(apiName)) return encodeSystemError(ERR_OPENAPI_PERMISSION);
    const api = this.apis[apiName];
    if (!api || request.kind !== 'openapi') {
      this.options.warn?.(`cloud call ${apiName} is not emulated`);
      return encodeJsonReply(this.notEmulated(apiName));
    }
    const reply = await api(request.params, { ...caller, appid: request.appid || caller.appid });
    this.count(apiName, reply.errcode === 0);
    return reply instanceof BinaryReply
      ? encodeBinaryReply(reply.body, reply.contentType)
      : encodeJsonReply(reply);
  }

  /** Open-data calls need no permission in production (the cloud ID carries the grant). */
  private svrkit(request: SvrkitRequest, caller: OpenApiCaller): Buffer {
    if (request.apiName !== GET_OPEN_DATA) {
      this.options.warn?.(
        `svrkit call ${request.apiName} is not emulated (only ${GET_OPEN_DATA}, cloud.getOpenData)`,
      );
      return encodeSystemError(ERR_NOT_EMULATED);
    }
    const { reply, ok } = this.openData.getOpenData(request.reqData, caller);
    this.count('getOpenData', ok);
    return reply;
  }

  private notEmulated(apiName: string): JsonReply {
    const why = NOT_EMULATED_WHY[apiName];
    return {
      errcode: ERR_NOT_EMULATED,
      errmsg:
        `${apiName} is not emulated by the local emulator` +
        (why ? `: ${why}` : '') +
        ` (emulated: ${this.emulated().join(', ')})`,
    };
  }

  private count(apiName: string, ok: boolean): void {
    const count = this.counts.get(apiName) ?? { calls: 0, succeeded: 0, failed: 0 };
    count.calls += 1;
    if (ok) count.succeeded += 1;
    else count.failed += 1;
    this.counts.set(apiName, count);
  }
}
