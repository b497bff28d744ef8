import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The mini program compiles its own copy of the contract (see scripts/build/contract-sync.mjs).
// A stale copy would let client and server disagree on shapes, so it must match the source.
const root = path.resolve(__dirname, '../..');
const source = path.join(root, 'contract/src');
const copy = path.join(root, 'miniprogram/contract');
const HEADER = '// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。\n';

describe('miniprogram/contract', () => {
  const files = readdirSync(source).filter((f) => f.endsWith('.ts'));

  it('has every contract file', () => {
    expect(readdirSync(copy).sort()).toEqual(expect.arrayContaining(files.sort()));
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s equals the source', (file) => {
    const original = readFileSync(path.join(source, file), 'utf8');
    expect(readFileSync(path.join(copy, file), 'utf8')).toBe(HEADER + original);
  });
});
