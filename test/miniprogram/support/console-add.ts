/** What 添加文档 in the emulator console does, over its own API (jsdom has no fetch). */
import { request } from 'node:http';

/** POST /api/collections/<collection>/documents on the emulator at `url`. */
export function consoleAdd(url: string, collection: string, doc: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/collections/${collection}/documents`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`console insert: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(doc));
  });
}
