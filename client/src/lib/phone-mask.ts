/** `13800138000` -> `138****8000`: enough to recognise one's own number, not to read it off a screen. */
export function maskPhoneNumber(number: string): string {
  if (number.length >= 8) return `${number.slice(0, 3)}****${number.slice(-4)}`;
  if (number.length >= 4) return `${number.slice(0, 1)}***${number.slice(-2)}`;
  return '****';
}

/** What the page shows: the country code only outside mainland China (`+1 202****0123`). */
export function displayPhone(phone: { countryCode: string; number: string }): string {
  const masked = maskPhoneNumber(phone.number);
  return phone.countryCode === '86' ? masked : `+${phone.countryCode} ${masked}`;
}
