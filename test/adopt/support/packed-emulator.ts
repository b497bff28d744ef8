/**
 * The emulator's packed command (`wx-cloud-emulator`, installed from its tarball) serving a
 * project, as a developer starts it; test-side reads of its database go through the console's
 * HTTP API, as a developer looks at records.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { requestJson } from '../../../emulator/src/http/json-client';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface PackedEmulator {
  url: string;
  /** Documents of a collection matching `filter` (the console's Data tab filter). */
  documents(collection: string, filter: object): Promise<Array<Record<string, unknown>>>;
  /** 添加集合 in the console, as the project's developer did for its own collections. */
  createCollection(name: string): Promise<void>;
  stop(): Promise<void>;
}

export function startPackedEmulator(tools: string, project: string): Promise<PackedEmulator> {
  const bin = path.join(tools, 'node_modules/.bin/wx-cloud-emulator');
  const child = spawn(bin, ['--project', project, '--port', '0', '--in-memory'], {
    cwd: tools,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wx-cloud-emulator did not start in ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wx-cloud-emulator exited ${code}:\n${output}`));
    });
    const onData = () => {
      // Printed once the server accepts calls (what follows only describes the project).
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
      if (!found) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const url = found[1]!;
      resolve({
        url,
        async documents(collection, filter) {
          const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: '100' });
          const reply = await requestJson(
            `${url}/api/collections/${encodeURIComponent(collection)}/documents?${query}`,
            { method: 'GET' },
          );
          if (reply.status !== 200) {
            throw new Error(`documents(${collection}): ${reply.status} ${reply.text}`);
          }
          return (reply.body as { documents: Array<Record<string, unknown>> }).documents;
        },
        async createCollection(name) {
          const reply = await requestJson(`${url}/api/collections`, {
            method: 'POST',
            json: { name },
          });
          if (reply.status !== 200) throw new Error(`createCollection(${name}): ${reply.text}`);
        },
        async stop() {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(timer);
        },
      });
    };
    child.stdout.on('data', onData);
  });
}
