/**
 * Where the storage rule comes from: `<project>/storage/security-rules.json`, one file because
 * production has one rule per bucket. It sits beside `database/security-rules/` but not inside
 * it: every file there is a collection's rule (for the emulator and for deploy). No file means
 * a new environment's default (READONLY). The file is checked when the emulator starts (a bad
 * one stops it) and re-read whenever its modification time or size changes; a file that turns
 * bad while running refuses every client request rather than falling back to something open.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  compileStorageRule,
  DEFAULT_STORAGE_PRESET,
  StorageRuleError,
  type StorageRule,
} from './storage-rule';

export const STORAGE_RULES_FILE = path.join('storage', 'security-rules.json');

export interface StorageRuleInForce {
  rule: StorageRule;
  /** Absolute path of the file, or undefined for the default (no file). */
  file?: string;
  /** Set when the file is broken: every client request is refused. */
  error?: string;
}

export const DEFAULT_STORAGE_RULE: StorageRuleInForce = {
  rule: compileStorageRule(DEFAULT_STORAGE_PRESET),
};
const DENY_ALL: StorageRule = compileStorageRule({ read: false, write: false });

export class StorageRuleSource {
  readonly file: string;
  private cached: { stamp: string; entry: StorageRuleInForce } | null = null;

  constructor(projectDir: string) {
    this.file = path.join(projectDir, STORAGE_RULES_FILE);
  }

  /** Throws StorageRuleError naming the file when it is broken (for the start). */
  check(): StorageRuleInForce {
    const entry = this.current();
    if (entry.error) throw new StorageRuleError(`${entry.file}: ${entry.error}`);
    return entry;
  }

  current(): StorageRuleInForce {
    let stamp: string;
    try {
      const stat = statSync(this.file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.cached = null;
      return DEFAULT_STORAGE_RULE;
    }
    if (this.cached?.stamp === stamp) return this.cached.entry;
    const entry = load(this.file);
    this.cached = { stamp, entry };
    return entry;
  }
}

function load(file: string): StorageRuleInForce {
  try {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new StorageRuleError(`not valid JSON: ${error.message}`);
      throw error;
    }
    return { file, rule: compileStorageRule(json) };
  } catch (error) {
    const message =
      error instanceof StorageRuleError
        ? error.message
        : `cannot read: ${(error as Error).message}`;
    return { file, rule: DENY_ALL, error: message };
  }
}
