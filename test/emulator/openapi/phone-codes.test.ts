/** The phone code store on its own, with a clock the test moves (no waiting). */
import { PhoneCodeStore, PHONE_CODE_TTL_MS } from '../../../emulator/src/openapi/phone-codes';

describe('PhoneCodeStore', () => {
  let now = 1_700_000_000_000;
  const store = new PhoneCodeStore(() => now);
  const issue = () => store.issue({ openid: 'o-a', phoneNumber: '13800138000' });

  test('a code works until 5 minutes have passed, then answers 40029 "expired"', () => {
    const early = issue();
    const late = issue();
    expect(late.expiresAt).toBe(now + PHONE_CODE_TTL_MS);
    now += PHONE_CODE_TTL_MS - 1;
    expect(store.exchange(early.code, undefined, 'wx1').errcode).toBe(0);
    now += 1;
    const reply = store.exchange(late.code, undefined, 'wx1');
    expect(reply).toEqual({
      errcode: 40029,
      errmsg: 'invalid code, hint: [emulator: code expired]',
    });
  });

  test('the watermark carries the appid and the emulated time in seconds', () => {
    const reply = store.exchange(issue().code, 'o-a', 'wx123');
    expect(reply.phone_info).toMatchObject({
      watermark: { appid: 'wx123', timestamp: Math.floor(now / 1000) },
    });
  });

  test('a code issued to fail keeps failing and is never consumed', () => {
    const { code } = store.issue({ openid: 'o-a', phoneNumber: '13800138000', failWith: 45011 });
    expect(store.exchange(code, undefined, 'wx1').errcode).toBe(45011);
    expect(store.exchange(code, undefined, 'wx1').errcode).toBe(45011);
  });
});
