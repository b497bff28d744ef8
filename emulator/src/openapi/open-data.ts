/**
 * Open data by cloud ID (`wx.cloud.CloudID`, `cloud.getOpenData`). In production an open-data
 * API (wx.getWeRunData, share info...) gives the mini program a `cloudID`, valid 5 minutes and
 * bound to the user; here a test or the console issues one for an openid with the data it
 * stands for. Two ways in, as in production:
 *   - `cloud.getOpenData({ list })` in a function: the svrkit call `ApiGetOpenDataByCloudId`,
 *     failing -601005 (unknown), -601006 (expired) or -601007 (issued to another user);
 *   - a top-level `callFunction` data field `{ cloudID }` (what wx.cloud.CloudID(id) stands for)
 *     arrives in the event as `{ cloudID, data }` when the cloud ID is the caller's and valid.
 */
import { randomBytes } from 'node:crypto';
import { ApiGetOpenDataByCloudIdReq, ApiGetOpenDataByCloudIdResp } from './schema';
import { type OpenApiCaller, OPENID_PATTERN } from './types';
import { encodeSvrkitReply, encodeSystemError, WireError } from './wire';

/** Production: a cloud ID is valid 5 minutes. */
export const CLOUD_ID_TTL_MS = 5 * 60_000;
export const ERR_INVALID_CLOUD_ID = -601005;
export const ERR_CLOUD_ID_EXPIRED = -601006;
export const ERR_CLOUD_ID_USER_MISMATCH = -601007;

export interface IssuedCloudId {
  cloudID: string;
  expiresAt: number;
}

interface StoredCloudId {
  openid: string;
  data: Record<string, unknown>;
  expiresAt: number;
}

export class CloudIdInputError extends Error {
  override name = 'CloudIdInputError';
}

const MAX_IDS = 10_000;

export class OpenDataStore {
  private readonly ids = new Map<string, StoredCloudId>();

  constructor(private readonly now: () => number) {}

  /** `data` is what the open-data API stands for, e.g. `{ stepInfoList: [...] }`. */
  issue(input: { openid: unknown; data: unknown }): IssuedCloudId {
    if (typeof input.openid !== 'string' || !OPENID_PATTERN.test(input.openid)) {
      throw new CloudIdInputError('openid must be 1-128 letters, digits, _ or -');
    }
    if (typeof input.data !== 'object' || input.data === null || Array.isArray(input.data)) {
      throw new CloudIdInputError('data must be a JSON object (e.g. { "stepInfoList": [...] })');
    }
    while (this.ids.size >= MAX_IDS) this.ids.delete(this.ids.keys().next().value as string);
    // Production's look: a numeric prefix, an underscore and an opaque token.
    const cloudID = `27_${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + CLOUD_ID_TTL_MS;
    this.ids.set(cloudID, {
      openid: input.openid,
      data: structuredClone(input.data) as Record<string, unknown>,
      expiresAt,
    });
    return { cloudID, expiresAt };
  }

  /** The open data of one cloud ID for this user, or the SDK error code that refuses it. */
  resolve(
    cloudID: string,
    openid: string,
    appid: string,
  ): { data: Record<string, unknown> } | { error: number } {
    const stored = this.ids.get(cloudID);
    if (!stored) return { error: ERR_INVALID_CLOUD_ID };
    if (stored.expiresAt <= this.now()) return { error: ERR_CLOUD_ID_EXPIRED };
    if (stored.openid !== openid) return { error: ERR_CLOUD_ID_USER_MISMATCH };
    const watermark = { appid, timestamp: Math.floor((stored.expiresAt - CLOUD_ID_TTL_MS) / 1000) };
    return { data: { ...structuredClone(stored.data), watermark } };
  }

  /** `cloud.getOpenData`: the svrkit request bytes in, the reply bytes out. */
  getOpenData(reqData: Buffer, caller: OpenApiCaller): { reply: Buffer; ok: boolean } {
    let request: { cloudidList: string[]; appid: string };
    try {
      request = ApiGetOpenDataByCloudIdReq.toObject(ApiGetOpenDataByCloudIdReq.decode(reqData), {
        defaults: true,
      }) as typeof request;
    } catch (error) {
      // Answered as a bad request by admin-action, like any undecodable requestData.
      throw new WireError(
        `reqData is not an ApiGetOpenDataByCloudIdReq: ${(error as Error).message}`,
      );
    }
    const dataList = [];
    for (const cloudID of request.cloudidList) {
      const found = this.resolve(cloudID, caller.openid, request.appid || caller.appid);
      if ('error' in found) return { reply: encodeSystemError(found.error), ok: false };
      dataList.push({ cloudId: cloudID, json: JSON.stringify({ cloudID, data: found.data }) });
    }
    const reply = ApiGetOpenDataByCloudIdResp.encode(
      ApiGetOpenDataByCloudIdResp.fromObject({ dataList }),
    );
    return { reply: encodeSvrkitReply(reply.finish()), ok: true };
  }

  /**
   * A client call's data with each top-level `{ cloudID }` replaced by `{ cloudID, data }`, as
   * production does for wx.cloud.CloudID values. Nested values and cloud IDs that are not the
   * caller's valid ones are left as sent (the function sees no `data`).
   */
  decodeEvent(data: unknown, openid: string, appid: string): unknown {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
    let decoded: Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(data)) {
      const cloudID = (value as { cloudID?: unknown } | null)?.cloudID;
      if (typeof cloudID !== 'string' || Object.keys(value as object).length !== 1) continue;
      const found = this.resolve(cloudID, openid, appid);
      if ('error' in found) continue;
      decoded ??= { ...(data as Record<string, unknown>) };
      decoded[key] = { cloudID, data: found.data };
    }
    return decoded ?? data;
  }
}
