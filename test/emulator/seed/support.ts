/** The seed fixture project and throwaway seed folders for the seed tests. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const seedProject = path.resolve(__dirname, '../../fixtures/seed-project');
export const seedDir = path.join(seedProject, 'seed');

/** A temp folder holding `files` (relative path -> content); removed by the returned cleanup. */
export function seedFolder(files: Record<string, string | Buffer>): {
  dir: string;
  remove(): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wx-seed-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ShopAnswer {
  goods: Array<Record<string, unknown>>;
  orders: Array<Record<string, unknown>>;
  feedback: number;
  picture: string;
  tempUrlStatus: number;
}
