// The yardstick for the emulator's speed: the least a local "function call that writes one
// document" can cost here. A bare node:http server on loopback that parses a JSON body and does
// one better-sqlite3 insert per request, with the durability settings the emulator uses (WAL,
// synchronous=FULL). The emulator adds function instances, the TCB protocol and the SDK on top of this.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BaselineServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `FULL` (the default) matches the emulator: every commit waits for the disk (fsync).
 * `NORMAL` skips that wait in WAL mode: the cheapest insert SQLite offers, still kill -9 safe.
 */
export type Synchronous = 'FULL' | 'NORMAL';

export async function startBaselineServer(
  synchronous: Synchronous = 'FULL',
): Promise<BaselineServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-baseline-'));
  const db = new Database(path.join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO docs (body) VALUES (?)');

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8') || '{}';
      const { lastInsertRowid } = insert.run(JSON.stringify(JSON.parse(body)));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result: { id: Number(lastInsertRowid) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
