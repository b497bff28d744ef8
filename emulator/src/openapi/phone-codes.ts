/**
 * Test codes for `phonenumber.getPhoneNumber`. In production the `getPhoneNumber` button hands the
 * mini program a one-time code; here the emulator issues it for a chosen OPENID and number. As in
 * production a code works once and for 5 minutes, and is refused with 40029 when the exchange
 * names another user's openid. `failWith` makes a code fail with a chosen platform errcode.
 */
import { randomBytes } from 'node:crypto';
import { OPENID_PATTERN } from './types';

/** Production: a code lives 5 minutes. */
export const PHONE_CODE_TTL_MS = 5 * 60_000;
/** The platform errcodes a code can be issued to fail with (documented in docs/emulator.md). */
export const PHONE_FAIL_CODES = [-1, 40013, 40029, 45011, 1400001] as const;
export type PhoneFailCode = (typeof PHONE_FAIL_CODES)[number];

const ERRMSG: Record<PhoneFailCode, string> = {
  [-1]: 'system error',
  40013: 'invalid appid',
  40029: 'invalid code',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  1400001: 'feature quota reached',
};

export interface PhoneCodeInput {
  openid: string;
  phoneNumber: string;
  /** Digits only, `86` when absent. */
  countryCode?: string;
  failWith?: PhoneFailCode;
}

export interface IssuedPhoneCode {
  code: string;
  expiresAt: number;
}

interface StoredCode {
  openid: string;
  phoneNumber: string;
  countryCode: string;
  expiresAt: number;
  failWith?: PhoneFailCode;
  used: boolean;
}

/** What the WeChat server answers: `{errcode: 0, phone_info}` or `{errcode, errmsg}`. */
export type PhoneExchangeReply = Record<string, unknown> & { errcode: number; errmsg: string };

export class PhoneCodeInputError extends Error {
  override name = 'PhoneCodeInputError';
}

const NUMBER = /^[0-9]{5,20}$/;
const COUNTRY = /^[0-9]{1,4}$/;

/** Checks what a test or the console sent; every failure names the field. */
export function parsePhoneCodeInput(body: unknown): PhoneCodeInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PhoneCodeInputError(
      'body must be a JSON object { openid, phoneNumber, countryCode? }',
    );
  }
  const b = body as Record<string, unknown>;
  if (typeof b.openid !== 'string' || !OPENID_PATTERN.test(b.openid)) {
    throw new PhoneCodeInputError('openid must be 1-128 letters, digits, _ or -');
  }
  if (typeof b.phoneNumber !== 'string' || !NUMBER.test(b.phoneNumber)) {
    throw new PhoneCodeInputError('phoneNumber must be 5-20 digits without country code');
  }
  const input: PhoneCodeInput = { openid: b.openid, phoneNumber: b.phoneNumber };
  if (b.countryCode !== undefined) {
    if (typeof b.countryCode !== 'string' || !COUNTRY.test(b.countryCode)) {
      throw new PhoneCodeInputError('countryCode must be 1-4 digits, e.g. "86"');
    }
    input.countryCode = b.countryCode;
  }
  if (b.failWith !== undefined) {
    if (!(PHONE_FAIL_CODES as readonly unknown[]).includes(b.failWith)) {
      throw new PhoneCodeInputError(`failWith must be one of ${PHONE_FAIL_CODES.join(', ')}`);
    }
    input.failWith = b.failWith as PhoneFailCode;
  }
  return input;
}

/** How many codes may wait at once; the oldest are dropped first (bounded memory). */
const MAX_CODES = 10_000;

export class PhoneCodeStore {
  private readonly codes = new Map<string, StoredCode>();

  constructor(private readonly now: () => number) {}

  issue(input: PhoneCodeInput): IssuedPhoneCode {
    this.dropExpired();
    while (this.codes.size >= MAX_CODES) {
      const oldest = this.codes.keys().next().value;
      if (oldest === undefined) break;
      this.codes.delete(oldest);
    }
    const code = randomBytes(32).toString('hex');
    const expiresAt = this.now() + PHONE_CODE_TTL_MS;
    this.codes.set(code, {
      openid: input.openid,
      phoneNumber: input.phoneNumber,
      countryCode: input.countryCode ?? '86',
      expiresAt,
      ...(input.failWith !== undefined ? { failWith: input.failWith } : {}),
      used: false,
    });
    return { code, expiresAt };
  }

  /** One exchange; `openid` is the optional check of production's API. */
  exchange(code: unknown, openid: unknown, appid: string): PhoneExchangeReply {
    const stored = typeof code === 'string' ? this.codes.get(code) : undefined;
    const invalid = (why: string): PhoneExchangeReply => ({
      errcode: 40029,
      errmsg: `invalid code, hint: [emulator: ${why}]`,
    });
    if (!stored) return invalid('unknown code');
    const now = this.now();
    if (stored.expiresAt <= now) return invalid('code expired');
    if (stored.used) return invalid('code already used');
    if (typeof openid === 'string' && openid !== '' && openid !== stored.openid) {
      return invalid('code was issued to another openid');
    }
    if (stored.failWith !== undefined) {
      return { errcode: stored.failWith, errmsg: ERRMSG[stored.failWith] };
    }
    stored.used = true;
    const { countryCode, phoneNumber } = stored;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        // Production shows the country code only for numbers outside mainland China.
        phoneNumber: countryCode === '86' ? phoneNumber : `+${countryCode} ${phoneNumber}`,
        purePhoneNumber: phoneNumber,
        countryCode,
        watermark: { timestamp: Math.floor(now / 1000), appid },
      },
    };
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [code, stored] of this.codes) {
      // Kept one more lifetime so a late exchange still hears "expired", not "unknown".
      if (stored.expiresAt + PHONE_CODE_TTL_MS <= now) this.codes.delete(code);
    }
  }
}
