// The emulator as users run it: `node emulator/dist/cli.js` in its own process, so a test can
// kill -9 it. Resolves once the CLI prints its URL; every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'emulator/dist/cli.js');

export interface CliEmulator {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown code runs, like a crash or a power cut of the process. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit; resolves the exit code (0 is a clean shutdown). */
  stop(): Promise<number | null>;
}

/** Waits (bounded) for the process to end; resolves its exit code (null when killed). */
function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export function startCli(args: string[], timeoutMs = 30_000): Promise<CliEmulator> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator CLI did not print its URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && Number(match[1]) > 0) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          process: child,
          output: () => output,
          kill9: async () => {
            child.kill('SIGKILL');
            await exited(child, 10_000);
          },
          stop: () => {
            child.kill('SIGTERM');
            return exited(child, 15_000);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator CLI exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}
