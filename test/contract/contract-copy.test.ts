import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The mini program compiles its own copy of the contract (see scripts/build/contract-sync.mjs).
// A stale copy would let client and server disagree on shapes, so it must match the source
// exactly. `npm test` builds first, so on its own this check sees a fresh copy; .ci/run also
// runs `git diff --exit-code` after the build, which fails when the committed copy was stale.
const root = path.resolve(__dirname, '../..');
const source = path.join(root, 'contract/src');
const copy = path.join(root, 'miniprogram/contract');
const HEADER = '// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。\n';

describe('miniprogram/contract', () => {
  const files = readdirSync(source).filter((f) => f.endsWith('.ts'));

  it('holds exactly the contract files', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(copy).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s equals the source', (file) => {
    const original = readFileSync(path.join(source, file), 'utf8');
    expect(readFileSync(path.join(copy, file), 'utf8')).toBe(HEADER + original);
  });
});

describe('the sync (scripts/build/contract-sync.mjs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'contract-sync-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites changed files and deletes what the source no longer has', () => {
    const from = path.join(dir, 'src');
    const to = path.join(dir, 'copy');
    mkdirSync(from);
    mkdirSync(to);
    writeFileSync(path.join(from, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(from, 'notes.md'), 'not TypeScript');
    writeFileSync(path.join(to, 'a.ts'), 'stale');
    writeFileSync(path.join(to, 'removed.ts'), 'export const gone = 1;\n');
    const script = `import { syncContract } from './scripts/build/contract-sync.mjs';
await syncContract(${JSON.stringify(from)}, ${JSON.stringify(to)});`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(readdirSync(to)).toEqual(['a.ts']);
    expect(readFileSync(path.join(to, 'a.ts'), 'utf8')).toBe(`${HEADER}export const a = 1;\n`);
  });
});
