/** Types shared by the emulated cloud calls (kept apart so call families need not import service.ts). */

/** Who is calling: the function (by its folder) and the user of its invocation. */
export interface OpenApiCaller {
  /** Empty for SDK calls made outside any function invocation. */
  functionName: string;
  /** Names listed in the function's config.json `permissions.openapi`. */
  allowed: ReadonlySet<string>;
  appid: string;
  /** OPENID of the invocation's user ('' outside a user's call, e.g. a timer). */
  openid: string;
}

/** What the WeChat server answers in JSON: `{errcode: 0, ...}` or `{errcode, errmsg}`. */
export type JsonReply = Record<string, unknown> & { errcode: number; errmsg: string };

/** A successful binary answer (an image). */
export class BinaryReply {
  readonly errcode = 0;
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}
}

export type ApiReply = JsonReply | BinaryReply;

/** What the emulator accepts as an OPENID anywhere in cloud calls (production's are 28 characters of this set). */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
