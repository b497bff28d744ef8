import { displayPhone, maskPhoneNumber } from '../../client/src/lib/phone-mask';

describe('masking a bound number', () => {
  test.each([
    ['13800138000', '138****8000'],
    ['2025550123', '202****0123'],
    ['12345', '1***45'],
    ['123', '****'],
  ])('%s -> %s', (number, masked) => {
    expect(maskPhoneNumber(number)).toBe(masked);
  });

  test('the country code is shown only outside mainland China', () => {
    expect(displayPhone({ countryCode: '86', number: '13800138000' })).toBe('138****8000');
    expect(displayPhone({ countryCode: '1', number: '2025550123' })).toBe('+1 202****0123');
  });
});
