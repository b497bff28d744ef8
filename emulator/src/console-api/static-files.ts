/**
 * Serves the built console (emulator/dist/console) at `/`: a handful of files written by Vite,
 * so a small content-type table and a path check are all it takes.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The console's pages load only their own files and talk only to this server; no page
 * elsewhere may frame them (clickjacking). Element Plus sets inline styles, hence
 * 'unsafe-inline' for styles only; scripts stay 'self'.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function serveConsoleFile(
  consoleDir: string,
  relative: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const wanted = relative === '' ? 'index.html' : relative;
  const file = path.resolve(consoleDir, wanted);
  // Never outside the console folder (`/../../etc/passwd`).
  if (file !== consoleDir && !file.startsWith(consoleDir + path.sep))
    return sendText(res, 404, 'not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (wanted === 'index.html') {
      return sendText(
        res,
        503,
        '控制台尚未构建 / console not built: run "npm run build" (it writes emulator/dist/console)',
      );
    }
    return sendText(res, 404, 'not found');
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    'content-security-policy': CONSOLE_CSP,
    // Vite puts a content hash in every asset name; index.html must always be fetched fresh.
    'cache-control': wanted.startsWith('assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
