/** Signed downloads (temp file URLs) and the server SDK's upload PUT (COS stand-in). */
import { HttpError } from '../http/http-error';
import type { Route } from '../http/route-types';
import { cosErrorXml, signedUploadTarget, urlTarget } from './signed-upload';
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX } from './signed-url';
import type { StorageService } from './storage-service';

const COS_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** Images a browser only ever draws; anything else (SVG, HTML, PDF...) could run as a page. */
const RASTER_IMAGES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/avif',
]);

/**
 * A user's upload is served from the console's own origin: opened in the browser, an SVG or
 * HTML file's script could drive the console API. Non-raster files download instead of
 * rendering, and a sandboxing CSP keeps any script from running even if one is rendered.
 */
export function downloadSafetyHeaders(
  contentType: string,
  cloudPath: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy':
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    'x-content-type-options': 'nosniff',
  };
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!RASTER_IMAGES.has(media)) {
    const name = cloudPath.split('/').pop() ?? 'file';
    headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
  }
  return headers;
}

function fileNotFound(): HttpError {
  return new HttpError(404, 'STORAGE_FILE_NONEXIST', 'file not found', -503003);
}

export function fileRoutes(service: StorageService): Route[] {
  return [
    {
      method: ['GET', 'HEAD'],
      path: `${DOWNLOAD_PREFIX}/:env/*`,
      handler: async (input) => {
        const { req, res, query } = input;
        const file = urlTarget(input);
        if (!file) throw fileNotFound();
        const { verdict, content, meta } = await service.download(file.cloudPath, file.env, query);
        if (verdict !== 'ok') {
          throw new HttpError(
            403,
            'STORAGE_EXCEED_AUTHORITY',
            `temp URL refused: ${verdict}`,
            -503002,
          );
        }
        if (!content || !meta) throw fileNotFound();
        res.writeHead(200, {
          'content-type': meta.contentType,
          'content-length': content.length,
          'cache-control': 'private, max-age=60',
          ...downloadSafetyHeaders(meta.contentType, file.cloudPath),
        });
        res.end(req.method === 'HEAD' ? undefined : content);
      },
    },
    {
      method: 'PUT',
      path: `${UPLOAD_PREFIX}/:env/*`,
      // The SDK PUTs the file with its own content type; the signed URL is the permission.
      body: { limit: COS_UPLOAD_LIMIT_BYTES, parse: 'bytes' },
      handler: async (input) => {
        const { res, raw } = input;
        const signed = signedUploadTarget(service, input);
        if ('refused' in signed) {
          res.writeHead(403, { 'content-type': 'application/xml' });
          res.end(cosErrorXml('AccessDenied', `upload URL refused: ${signed.refused}`));
          return;
        }
        await service.upload(signed.file.cloudPath, raw, 'admin');
        res.writeHead(200, { 'content-length': 0 });
        res.end();
      },
    },
  ];
}
