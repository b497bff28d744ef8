/** Cloud storage semantics shared by the mini program routes, the admin actions and downloads. */
import { bucketFor, checkCloudPath, formatFileId, parseFileId } from './file-id';
import { FileStore, PathConflictError, versionOf, type FileMeta } from './file-store';
import { PathLock } from './path-lock';
import { UrlSigner, type Verdict } from './signed-url';
import { judgeStorage, type StorageOperation, type StorageVerdict } from './storage-rule';
import {
  DEFAULT_STORAGE_RULE,
  type StorageRuleInForce,
  type StorageRuleSource,
} from './storage-rule-source';

/** Per-file result codes, named as the TCB API names them; numbers are the wx errCodes. */
export const STORAGE_CODES = {
  SUCCESS: 0,
  INVALID_PARAM: -501007,
  STORAGE_EXCEED_AUTHORITY: -503002,
  STORAGE_FILE_NONEXIST: -503003,
} as const;
export type StorageCode = keyof typeof STORAGE_CODES;

export interface TempUrlItem {
  fileID: string;
  code: StorageCode;
  /** Why there is no URL (a missing file). */
  message?: string;
  tempFileURL: string;
  maxAge: number;
}

export interface DeleteItem {
  fileID: string;
  code: StorageCode;
}

/** Who asks: a mini program user (judged by the storage rule) or a function/admin (never). */
export type Requester = { openid: string } | 'admin';

/** Temp URLs live 2 hours unless a maxAge is given, capped at one day. */
const DEFAULT_MAX_AGE_SECONDS = 7200;
const MAX_MAX_AGE_SECONDS = 86400;

export class StorageError extends Error {
  constructor(
    readonly code: StorageCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface StorageServiceOptions {
  root: string;
  env: string;
  baseUrl: () => string;
  now?: () => number;
  /** The project's storage rule; without one, a new environment's default (READONLY). */
  rules?: StorageRuleSource;
}

export class StorageService {
  readonly env: string;
  readonly files: FileStore;
  readonly signer = new UrlSigner();
  private readonly baseUrl: () => string;
  /** Other envs whose file IDs name files here (a production env that seeded data names). */
  private readonly aliasEnvs = new Set<string>();
  /** Expiry of signed URLs follows the emulator's clock. */
  readonly now: () => number;
  readonly rules: StorageRuleSource | null;
  private readonly locks = new PathLock();

  constructor(options: StorageServiceOptions) {
    this.env = options.env;
    this.rules = options.rules ?? null;
    this.files = new FileStore(options.root);
    this.baseUrl = options.baseUrl;
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores a file. A client upload is judged by `write` against the file it replaces (or, for a
   * new path, a file that would be the caller's); the caller becomes the uploader. A function's
   * or admin's upload is never judged and leaves the file without a client owner. Every upload
   * route calls this, so none can skip the rule.
   */
  async upload(cloudPath: string, content: Buffer, requester: Requester): Promise<string> {
    const problem = checkCloudPath(cloudPath);
    if (problem) throw new StorageError('INVALID_PARAM', problem);
    return this.locks.run(cloudPath, async () => {
      if (requester !== 'admin') {
        const existing = await this.files.meta(this.env, cloudPath);
        const owner = existing ? existing.owner : requester.openid;
        const verdict = await this.judge(requester.openid, 'write', cloudPath, owner);
        if (!verdict.allowed) {
          throw new StorageError('STORAGE_EXCEED_AUTHORITY', `upload refused: ${verdict.reason}`);
        }
      }
      const owner = requester === 'admin' ? '' : requester.openid;
      try {
        await this.files.put(this.env, cloudPath, content, owner);
      } catch (error) {
        if (error instanceof PathConflictError)
          throw new StorageError('INVALID_PARAM', error.message);
        throw error;
      }
      return formatFileId(this.env, cloudPath);
    });
  }

  /** The project's rule, or a new environment's default when there is no rule source. */
  ruleInForce(): StorageRuleInForce {
    return this.rules?.current() ?? DEFAULT_STORAGE_RULE;
  }

  /** The rule's verdict on a client request, with the file as `resource`. */
  async judge(
    openid: string,
    operation: StorageOperation,
    cloudPath: string,
    owner: string,
  ): Promise<StorageVerdict> {
    const source = this.ruleInForce();
    if (source.error) return { allowed: false, reason: `the rule file is broken: ${source.error}` };
    return judgeStorage(source.rule, operation, openid, { openid: owner, path: cloudPath });
  }

  /** Signed download links; a client's are judged by `read`, per file. */
  async tempUrls(
    items: ReadonlyArray<{ fileID: string; maxAge?: number }>,
    requester: Requester,
  ): Promise<TempUrlItem[]> {
    return Promise.all(
      items.map(async ({ fileID, maxAge }) => {
        const age = Math.min(
          Math.max(1, Math.floor(maxAge ?? DEFAULT_MAX_AGE_SECONDS)),
          MAX_MAX_AGE_SECONDS,
        );
        // `message`: the SDK's downloadFile fails with it (without one: "fail undefined").
        const none: TempUrlItem = {
          fileID,
          code: 'STORAGE_FILE_NONEXIST',
          message: `storage file not exists: ${fileID}`,
          tempFileURL: '',
          maxAge: age,
        };
        const file = this.ownFile(fileID);
        if (!file) return none;
        const meta = await this.files.meta(this.env, file.cloudPath);
        if (!meta) return none;
        if (requester !== 'admin') {
          const verdict = await this.judge(requester.openid, 'read', file.cloudPath, meta.owner);
          if (!verdict.allowed) {
            return { fileID, code: 'STORAGE_EXCEED_AUTHORITY', tempFileURL: '', maxAge: age };
          }
        }
        const base = {
          baseUrl: this.baseUrl(),
          env: this.env,
          cloudPath: file.cloudPath,
          version: versionOf(meta),
        };
        const tempFileURL = this.signer.url('download', base, age, this.now());
        return { fileID, code: 'SUCCESS', tempFileURL, maxAge: age };
      }),
    );
  }

  /** Deletes files; a client's deletes are judged by `write`, per file. */
  async delete(fileIDs: readonly string[], requester: Requester): Promise<DeleteItem[]> {
    const results: DeleteItem[] = [];
    for (const fileID of fileIDs) {
      const file = this.ownFile(fileID);
      const code = file
        ? await this.locks.run(file.cloudPath, () => this.deleteOne(file.cloudPath, requester))
        : 'STORAGE_FILE_NONEXIST';
      results.push({ fileID, code });
    }
    return results;
  }

  private async deleteOne(cloudPath: string, requester: Requester): Promise<StorageCode> {
    const meta = await this.files.meta(this.env, cloudPath);
    if (!meta) return 'STORAGE_FILE_NONEXIST';
    if (requester !== 'admin') {
      const verdict = await this.judge(requester.openid, 'write', cloudPath, meta.owner);
      if (!verdict.allowed) return 'STORAGE_EXCEED_AUTHORITY';
    }
    await this.files.remove(this.env, cloudPath);
    return 'SUCCESS';
  }

  /** Reads a file through a signed URL; the verdict says why it was refused. */
  async download(
    cloudPath: string,
    env: string,
    query: URLSearchParams,
  ): Promise<{ verdict: Verdict; content: Buffer | null; meta: FileMeta | null }> {
    const verdict = this.signer.verify('download', { env, cloudPath }, query, this.now());
    if (verdict !== 'ok' || env !== this.env) return { verdict, content: null, meta: null };
    const meta = await this.files.meta(env, cloudPath);
    // The link names the file's version: once deleted or replaced, it finds nothing.
    if (!meta || versionOf(meta) !== (query.get('v') ?? '')) {
      return { verdict, content: null, meta: null };
    }
    return { verdict, content: await this.files.read(env, cloudPath), meta };
  }

  /** Every stored file with its facts, for the emulator console. */
  async list(): Promise<Array<{ fileID: string; cloudPath: string } & FileMeta>> {
    const paths = await this.files.list(this.env);
    const listed = await Promise.all(
      paths.map(async (cloudPath) => {
        const meta = await this.files.meta(this.env, cloudPath);
        return meta ? { fileID: formatFileId(this.env, cloudPath), cloudPath, ...meta } : null;
      }),
    );
    return listed.filter((item) => item !== null);
  }

  /**
   * File IDs of `env` (any bucket) resolve to this environment's files from now on: seeded
   * documents keep the production IDs they were exported with (see emulator/src/seed).
   */
  acceptFileIdsOf(env: string): void {
    if (env !== this.env) this.aliasEnvs.add(env);
  }

  /**
   * A file ID of this environment's bucket (or of a seeded production env), or null: another
   * env's or bucket's file is not here.
   */
  ownFile(fileID: string): { cloudPath: string } | null {
    const file = typeof fileID === 'string' ? parseFileId(fileID) : null;
    if (!file) return null;
    if (this.aliasEnvs.has(file.env)) return file;
    return file.env === this.env && file.bucket === bucketFor(this.env) ? file : null;
  }
}

/** Where the server SDK PUTs a file after `storage.getUploadMetadata` (a stand-in for COS). */
export function uploadTarget(
  service: StorageService,
  cloudPath: string,
  baseUrl: string,
  now: number,
): { url: string; fileId: string } {
  const problem = checkCloudPath(cloudPath);
  if (problem) throw new StorageError('INVALID_PARAM', problem);
  // Ten minutes to start the upload, like the signature COS hands out.
  const url = service.signer.url('upload', { baseUrl, env: service.env, cloudPath }, 600, now);
  return { url, fileId: formatFileId(service.env, cloudPath) };
}
