import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tempDir, testDatabase } from './helpers';

const WRITER = join(__dirname, 'support', 'durability-writer.ts');

/** Starts the writer, collects acknowledged ids, and kills it with SIGKILL after `wanted` acks. */
function writeThenKill(dataDir: string, wanted: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= wanted && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited early (code ${code}): ${stderr}`));
    });
  });
}

describe('database durability', () => {
  test('every acknowledged write is present after kill -9 and reopen', async () => {
    const dataDir = tempDir('db-durable-');
    const acked = await writeThenKill(dataDir, 300);
    expect(acked.length).toBeGreaterThanOrEqual(300);
    const t = testDatabase({ dataDir });
    const missing: string[] = [];
    for (const id of acked) {
      const reply = await t.doc('acks', id);
      if (t.list(reply).length !== 1) missing.push(id);
    }
    expect(missing).toEqual([]);
    t.db.close();
  }, 60_000);
});
