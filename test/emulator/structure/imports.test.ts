/**
 * The emulator's import structure (issue 23): infrastructure folders (http, shared, logging,
 * config) import no capability, and no two top-level folders import each other, however
 * indirectly. `app/` (the composition root) and `index.ts` may import anything; nothing but
 * them imports `app/` except for its types (the context every route module receives).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../../emulator/src');
const INFRASTRUCTURE = new Set(['http', 'shared', 'logging', 'config']);

/** `folder -> folder` edges of relative imports between top-level folders of emulator/src. */
function folderImports(): Array<{ from: string; to: string; file: string; typeOnly: boolean }> {
  const edges: Array<{ from: string; to: string; file: string; typeOnly: boolean }> = [];
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const from = path.relative(SRC, file).split(path.sep)[0];
    if (from === 'index.ts') continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(import|export)( type)?[^;]*?from '(\.[^']+)'/gms)) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), match[3]));
      const to = target.split(path.sep)[0];
      if (to !== from) {
        edges.push({ from, to, file: path.relative(SRC, file), typeOnly: match[2] !== undefined });
      }
    }
  }
  return edges;
}

test('infrastructure folders import no capability', () => {
  const upward = folderImports()
    .filter((edge) => INFRASTRUCTURE.has(edge.from) && !INFRASTRUCTURE.has(edge.to))
    .map((edge) => `${edge.file} -> ${edge.to}`);
  expect(upward).toEqual([]);
});

test('only the composition root (app/, index.ts) imports app/ at run time', () => {
  const runtime = folderImports()
    .filter((edge) => edge.to === 'app' && edge.from !== 'app' && !edge.typeOnly)
    .map((edge) => edge.file);
  expect(runtime).toEqual([]);
});

test('no two top-level folders depend on each other (no folder cycle outside app/)', () => {
  const graph = new Map<string, Set<string>>();
  for (const edge of folderImports()) {
    if (edge.from === 'app' || edge.to === 'app') continue;
    if (!graph.has(edge.from)) graph.set(edge.from, new Set());
    graph.get(edge.from)!.add(edge.to);
  }
  const cycles: string[] = [];
  const reach = (start: string, node: string, seen: Set<string>, trail: string[]): void => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) cycles.push([...trail, next].join(' -> '));
      else if (!seen.has(next)) {
        seen.add(next);
        reach(start, next, seen, [...trail, next]);
      }
    }
  };
  for (const start of graph.keys()) reach(start, start, new Set(), [start]);
  expect(cycles).toEqual([]);
});
