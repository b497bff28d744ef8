/**
 * Downloads a registry tarball to a file, reporting progress and checking the registry's
 * integrity hash (a truncated or tampered download never becomes a cached runtime). When the
 * direct download fails (a registry that needs the user's npm auth or proxy), `npm pack` gets
 * the same tarball through npm itself.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { runNpm, type NpmDist } from './npm-client';

export type Progress = (received: number, total: number | undefined) => void;

/** `sha512-<base64>` -> a hash that checks the downloaded bytes. */
function integrityCheck(integrity: string | undefined): {
  update(chunk: Uint8Array): void;
  verify(): void;
} {
  const match = integrity
    ? /^(sha512|sha384|sha256|sha1)-(\S+)$/.exec(integrity.split(' ')[0])
    : null;
  if (!match) return { update: () => undefined, verify: () => undefined };
  const hash = createHash(match[1]);
  return {
    update: (chunk) => hash.update(chunk),
    verify: () => {
      if (hash.digest('base64') !== match[2]) {
        throw new Error('the download does not match the registry integrity hash');
      }
    },
  };
}

async function fetchTo(dist: NpmDist, file: string, onProgress: Progress): Promise<void> {
  const response = await fetch(dist.tarball);
  if (!response.ok || !response.body) {
    throw new Error(`GET ${dist.tarball} answered HTTP ${response.status}`);
  }
  const lengthHeader = Number(response.headers.get('content-length'));
  const total = Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : undefined;
  const check = integrityCheck(dist.integrity);
  let received = 0;
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        check.update(chunk);
        received += chunk.byteLength;
        onProgress(received, total);
        yield chunk;
      }
    },
    createWriteStream(file),
  );
  check.verify();
}

/** `npm pack <spec>` into `dir`; returns the tarball npm wrote (npm checks integrity itself). */
async function npmPackTo(spec: string, dir: string, cwd: string): Promise<string> {
  const packDir = await mkdtemp(path.join(dir, 'pack-'));
  await runNpm(['pack', spec, '--pack-destination', packDir, '--json', '--silent'], cwd);
  const [tgz] = (await readdir(packDir)).filter((name) => name.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${spec} wrote no tarball`);
  return path.join(packDir, tgz);
}

/** The tarball of `spec` as a local file in `dir` (a scratch folder the caller removes). */
export async function downloadTarball(
  spec: string,
  dist: NpmDist,
  dir: string,
  cwd: string,
  onProgress: Progress,
): Promise<string> {
  const file = path.join(dir, 'package.tgz');
  try {
    await fetchTo(dist, file, onProgress);
    return file;
  } catch (direct) {
    await rm(file, { force: true });
    try {
      const packed = await npmPackTo(spec, dir, cwd);
      await rename(packed, file);
      return file;
    } catch (packed) {
      throw new Error(`${(direct as Error).message}; npm pack: ${(packed as Error).message}`);
    }
  }
}
