/**
 * The pages of the project's mini program, for the checks production makes against the
 * published version (`wxacode.getUnlimited` with `check_path`): read from project.config.json's
 * `miniprogramRoot` (default the project folder) and its app.json `pages` and subpackages.
 * Undefined when the project has no mini program here: the emulator then checks syntax only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function miniProgramPages(projectDir: string): Set<string> | undefined {
  const config = readJson(path.join(projectDir, 'project.config.json'));
  const root = typeof config?.miniprogramRoot === 'string' ? config.miniprogramRoot : '';
  const app = readJson(path.join(projectDir, root, 'app.json'));
  if (!app) return undefined;
  const pages = new Set(strings(app.pages));
  const listed: unknown = app.subpackages ?? app.subPackages;
  const packages: unknown[] = Array.isArray(listed) ? listed : [];
  for (const sub of packages) {
    const { root: subRoot, pages: subPages } = (sub ?? {}) as { root?: unknown; pages?: unknown };
    if (typeof subRoot !== 'string') continue;
    for (const page of strings(subPages)) pages.add(path.posix.join(subRoot, page));
  }
  return pages;
}
