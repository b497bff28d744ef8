/** Signed downloads (temp file URLs) and the server SDK's upload PUT (COS stand-in). */
import { readBody } from '../http/body';
import { sendJson } from '../http/reply';
import type { Route, RouteMatch } from '../http/route-types';
import { checkCloudPath } from './file-id';
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX } from './signed-url';
import type { StorageService } from './storage-service';

const COS_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

function target(match: RouteMatch): { env: string; cloudPath: string } | null {
  const env = match.params.env ?? '';
  const cloudPath = match.params['*'] ?? '';
  return env && checkCloudPath(cloudPath) === null ? { env, cloudPath } : null;
}

/** COS answers errors with XML; the node SDK parses it (an empty body means success). */
function cosError(code: string, message: string): string {
  return `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>emulator</RequestId><TraceId>emulator</TraceId></Error>`;
}

export function fileRoutes(service: StorageService): Route[] {
  return [
    {
      method: ['GET', 'HEAD'],
      path: `${DOWNLOAD_PREFIX}/:env/*`,
      handler: async (req, res, match) => {
        const file = target(match);
        if (!file) return sendJson(res, 404, { errCode: -503003, errMsg: 'file not found' });
        const { verdict, content, meta } = await service.download(
          file.cloudPath,
          file.env,
          match.query,
        );
        if (verdict !== 'ok') {
          return sendJson(res, 403, { errCode: -503002, errMsg: `temp URL refused: ${verdict}` });
        }
        if (!content || !meta)
          return sendJson(res, 404, { errCode: -503003, errMsg: 'file not found' });
        res.writeHead(200, {
          'content-type': meta.contentType,
          'content-length': content.length,
          'cache-control': 'private, max-age=60',
        });
        res.end(req.method === 'HEAD' ? undefined : content);
      },
    },
    {
      method: 'PUT',
      path: `${UPLOAD_PREFIX}/:env/*`,
      handler: async (req, res, match) => {
        const file = target(match);
        const verdict = file
          ? service.signer.verify('upload', file, match.query, Date.now())
          : 'bad-signature';
        if (!file || verdict !== 'ok' || file.env !== service.env) {
          res.writeHead(403, { 'content-type': 'application/xml' });
          res.end(cosError('AccessDenied', `upload URL refused: ${verdict}`));
          return;
        }
        await service.upload(file.cloudPath, await readBody(req, COS_UPLOAD_LIMIT_BYTES), '');
        res.writeHead(200, { 'content-length': 0 });
        res.end();
      },
    },
  ];
}
