/**
 * Signed, expiring URLs for downloads (temp file URLs) and for the server SDK's upload PUT:
 * `<base><prefix>/<env>/<cloudPath>?t=<expiry seconds>&sign=<hmac>`. The secret is made per
 * emulator start, so a URL stops working when it expires (as a real one does) and cannot be
 * forged by editing the path or reused for the other purpose. A download URL also signs the
 * file's version: once the file is deleted or replaced, its old links stop working.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_PREFIX = '/storage/download';
export const UPLOAD_PREFIX = '/storage/cos';

export type UrlPurpose = 'download' | 'upload';
export type Verdict = 'ok' | 'expired' | 'bad-signature';

const PREFIXES: Record<UrlPurpose, string> = { download: DOWNLOAD_PREFIX, upload: UPLOAD_PREFIX };

export class UrlSigner {
  private readonly secret = randomBytes(32);

  private sign(
    purpose: UrlPurpose,
    file: { env: string; cloudPath: string; version?: string },
    expiresAt: number,
  ): string {
    const { env, cloudPath, version = '' } = file;
    return createHmac('sha256', this.secret)
      .update(`${purpose}\n${env}\n${cloudPath}\n${version}\n${expiresAt}`)
      .digest('hex');
  }

  url(
    purpose: UrlPurpose,
    base: { baseUrl: string; env: string; cloudPath: string; version?: string },
    maxAgeSeconds: number,
    now: number,
  ): string {
    const { baseUrl, env, cloudPath } = base;
    const expiresAt = Math.floor(now / 1000) + maxAgeSeconds;
    const encodedPath = cloudPath.split('/').map(encodeURIComponent).join('/');
    const sign = this.sign(purpose, base, expiresAt);
    const where = `${baseUrl}${PREFIXES[purpose]}/${encodeURIComponent(env)}/${encodedPath}`;
    const version = base.version ? `&v=${encodeURIComponent(base.version)}` : '';
    return `${where}?t=${expiresAt}${version}&sign=${sign}`;
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
    const version = query.get('v') ?? '';
    const wanted = Buffer.from(this.sign(purpose, { ...file, version }, expiresAt), 'utf8');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'bad-signature';
    return expiresAt * 1000 < now ? 'expired' : 'ok';
  }
}
