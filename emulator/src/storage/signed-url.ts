/**
 * Signed, expiring URLs for downloads (temp file URLs) and for the server SDK's upload PUT:
 * `<base><prefix>/<env>/<cloudPath>?t=<expiry seconds>&sign=<hmac>`. The secret is made per
 * emulator start, so a URL stops working when it expires (as a real one does) and cannot be
 * forged by editing the path or reused for the other purpose.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_PREFIX = '/storage/download';
export const UPLOAD_PREFIX = '/storage/cos';

export type UrlPurpose = 'download' | 'upload';
export type Verdict = 'ok' | 'expired' | 'bad-signature';

const PREFIXES: Record<UrlPurpose, string> = { download: DOWNLOAD_PREFIX, upload: UPLOAD_PREFIX };

export class UrlSigner {
  private readonly secret = randomBytes(32);

  private sign(purpose: UrlPurpose, env: string, cloudPath: string, expiresAt: number): string {
    return createHmac('sha256', this.secret)
      .update(`${purpose}\n${env}\n${cloudPath}\n${expiresAt}`)
      .digest('hex');
  }

  url(
    purpose: UrlPurpose,
    base: { baseUrl: string; env: string; cloudPath: string },
    maxAgeSeconds: number,
    now: number,
  ): string {
    const { baseUrl, env, cloudPath } = base;
    const expiresAt = Math.floor(now / 1000) + maxAgeSeconds;
    const encodedPath = cloudPath.split('/').map(encodeURIComponent).join('/');
    const sign = this.sign(purpose, env, cloudPath, expiresAt);
    const where = `${baseUrl}${PREFIXES[purpose]}/${encodeURIComponent(env)}/${encodedPath}`;
    return `${where}?t=${expiresAt}&sign=${sign}`;
  }

  verify(
    purpose: UrlPurpose,
    file: { env: string; cloudPath: string },
    query: URLSearchParams,
    now: number,
  ): Verdict {
    const expiresAt = Number(query.get('t'));
    if (!Number.isInteger(expiresAt)) return 'bad-signature';
    const given = Buffer.from(query.get('sign') ?? '', 'utf8');
    const wanted = Buffer.from(this.sign(purpose, file.env, file.cloudPath, expiresAt), 'utf8');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'bad-signature';
    return expiresAt * 1000 < now ? 'expired' : 'ok';
  }
}
