/** The console's storage rule view and playground, as the API answers them (shared with the Vue console). */
import type { JsonValue } from './types';

/** GET /api/storage/rules */
export interface StorageRulesResponse {
  /** The preset name or `{ read, write }` in force. */
  rule: JsonValue;
  /** What `read` and `write` are (a preset spelled out as its rule). */
  read: boolean | string;
  write: boolean | string;
  /** `storage/security-rules.json` relative to the project, or null: no file, the default. */
  file: string | null;
  /** Where the rule is looked for, relative to the project (shown when there is no file). */
  expected: string;
  /** Set when the file is broken (every client request is refused). */
  error?: string;
}

export type StoragePlaygroundOperationName = 'uploadFile' | 'getTempFileURL' | 'deleteFile';

/** POST /api/storage/rules/playground */
export interface StoragePlaygroundRequest {
  openid: string;
  operation: StoragePlaygroundOperationName;
  /** A cloud path or a file ID. */
  file: string;
}

export interface StoragePlaygroundResponse {
  allowed: boolean;
  decision: 'allow' | 'deny' | 'missing' | 'invalid';
  reason: string;
  resource?: { openid: string; path: string; exists: boolean };
}
