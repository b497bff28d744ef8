/**
 * The user's own npm, asked for what it knows: which registry it is configured for and where a
 * package's tarball is. Going through npm (not a hard-coded URL) keeps mirrors such as
 * npmmirror, project .npmrc files, scoped registries and auth working as they do for installs.
 */
import { execFile } from 'node:child_process';

const NPM_TIMEOUT_MS = 60_000;
/** npm retries a failed request for about a minute by default; offline, one quick retry says
 * enough, and the start should not hang that long before saying why. */
const QUICK_RETRY = [
  '--fetch-retries=1',
  '--fetch-retry-mintimeout=1000',
  '--fetch-retry-maxtimeout=3000',
];

export interface NpmDist {
  tarball: string;
  integrity?: string;
}

/** npm as a command: the npm running this process when there is one, else `npm` on PATH. */
function npmCommand(args: string[]): { file: string; args: string[]; shell: boolean } {
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.js$/.test(cli))
    return { file: process.execPath, args: [cli, ...args], shell: false };
  // npm is a .cmd script on Windows, which only a shell runs.
  const windows = process.platform === 'win32';
  return { file: windows ? 'npm.cmd' : 'npm', args, shell: windows };
}

export function runNpm(args: string[], cwd: string): Promise<string> {
  const command = npmCommand(args);
  return new Promise((resolve, reject) => {
    execFile(
      command.file,
      command.args,
      { cwd, shell: command.shell, timeout: NPM_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        reject(new Error(npmFailure(error, stdout, stderr)));
      },
    );
  });
}

/** npm's own reason in one line (`npm error code E404` ... -> the code and the message). */
function npmFailure(
  error: Error & { code?: unknown; killed?: boolean },
  stdout: string,
  stderr: string,
): string {
  if (error.code === 'ENOENT') return 'npm was not found on PATH';
  if (error.killed) return `npm did not answer within ${NPM_TIMEOUT_MS / 1000} s`;
  // `--json` puts the error in stdout as {"error":{"code","summary"}}.
  try {
    const parsed = JSON.parse(stdout) as { error?: { code?: string; summary?: string } };
    if (parsed.error) return [parsed.error.code, parsed.error.summary].filter(Boolean).join(' ');
  } catch {
    // not JSON: use stderr below
  }
  const lines = stderr
    .split('\n')
    .map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((line) => line !== '' && !/^(A complete log|Log files|\d{4}-)/.test(line));
  return lines.slice(0, 2).join(' ') || error.message.split('\n')[0];
}

export async function npmDist(spec: string, cwd: string): Promise<NpmDist> {
  const out = await runNpm(['view', spec, 'dist', '--json', ...QUICK_RETRY], cwd);
  if (out.trim() === '') throw new Error(`the registry has no ${spec}`);
  let dist: unknown;
  try {
    dist = JSON.parse(out);
  } catch {
    throw new Error(`npm view ${spec} answered something that is not JSON`);
  }
  if (Array.isArray(dist)) dist = dist[dist.length - 1];
  const tarball = (dist as { tarball?: unknown } | undefined)?.tarball;
  if (typeof tarball !== 'string') throw new Error(`the registry has no ${spec}`);
  const integrity = (dist as { integrity?: unknown }).integrity;
  return { tarball, integrity: typeof integrity === 'string' ? integrity : undefined };
}
