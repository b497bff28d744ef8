/**
 * Where console exports and imports live: `<project>/.cloudbase/exports/<name>`, never anywhere
 * else. A page could otherwise (through a forged request) have the emulator write the whole
 * database into, or read it from, any folder this user can reach. Answers name the folder
 * relative to the project only.
 */
import path from 'node:path';
import { badRequest } from '../http/http-error';

export const EXPORTS_FOLDER = path.join('.cloudbase', 'exports');
/** One folder name: letters, digits, `.`, `_`, `-`; no separators, no leading dot (`..`). */
const NAME = /^[\p{L}\p{N}_-][\p{L}\p{N}._-]{0,99}$/u;

export interface ExportFolder {
  /** Absolute, for the database module. */
  dir: string;
  /** `.cloudbase/exports/<name>`: what answers and errors show. */
  shown: string;
}

export function exportFolder(projectDir: string, name: string): ExportFolder {
  if (!NAME.test(name)) {
    throw badRequest(
      `export name must be one folder name (letters, digits, . _ -) under ${EXPORTS_FOLDER}; ` +
        'paths and ".." are not accepted',
    );
  }
  return {
    dir: path.join(projectDir, EXPORTS_FOLDER, name),
    shown: path.posix.join('.cloudbase', 'exports', name),
  };
}

/** 2026-11-21T20-58-16-123Z: sortable and safe in a folder name. */
export function timestampName(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}
