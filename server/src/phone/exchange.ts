/**
 * The platform exchange and how its failures reach the client: 40029 (used, expired or another
 * user's code) is PHONE_CODE_INVALID; the platform being unable to answer is PHONE_UNAVAILABLE
 * with a reason; anything else is unexpected (INTERNAL, logged by the entry wrapper).
 */
import type { PhoneUnavailableReason } from '../../../contract/src';
import { getPhoneNumber } from '../cloud';
import { AppError } from '../errors';

export interface ExchangedNumber {
  countryCode: string;
  number: string;
}

const UNAVAILABLE: Record<number, PhoneUnavailableReason> = {
  [-1]: 'system_busy',
  45011: 'platform_rate_limited',
  1400001: 'quota_exhausted',
  [-604101]: 'no_permission',
};

function errCodeOf(error: unknown): number | undefined {
  const code = (error as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : undefined;
}

/** Maps a thrown platform failure to the contract's error; rethrows anything unknown. */
export function phoneFailure(error: unknown): AppError {
  const code = errCodeOf(error);
  if (code === 40029) return new AppError('PHONE_CODE_INVALID');
  const reason = code === undefined ? undefined : UNAVAILABLE[code];
  if (reason) return new AppError('PHONE_UNAVAILABLE', { reason });
  throw error;
}

const DIGITS = /^[0-9]{1,20}$/;

export async function exchangeCode(code: string, openid: string): Promise<ExchangedNumber> {
  let info;
  try {
    info = await getPhoneNumber(code, openid);
  } catch (error) {
    throw phoneFailure(error);
  }
  const number = String(info.purePhoneNumber ?? '');
  const countryCode = String(info.countryCode ?? '');
  // A reply without a usable number is the platform's fault, never stored half-formed.
  if (!DIGITS.test(number) || !/^[0-9]{1,4}$/.test(countryCode)) {
    // The message names the fields only: a phone number never goes into a log.
    throw new Error(
      `getPhoneNumber answered without a usable number (fields: ${Object.keys(info).join(',')})`,
    );
  }
  return { countryCode, number };
}
