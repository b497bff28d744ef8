/** Starts emulator-process.ts as a child process and stops it again (for jsdom page tests). */
import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ChildEmulator {
  url: string;
  stop(): Promise<void>;
}

export function startChildEmulator(): Promise<ChildEmulator> {
  // tsx runs the TypeScript sources directly, as jest does.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'emulator-process.ts')],
    {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start in ${START_TIMEOUT_MS} ms: ${errors}`));
    }, START_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ url: (JSON.parse(line) as { url: string }).url, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator process exited (${code}) before it was ready: ${errors}`));
    });
  });
}
