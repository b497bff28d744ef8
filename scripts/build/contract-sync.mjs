// The mini program cannot import files outside miniprogramRoot (WeChat DevTools compiles only
// that folder), so the contract is copied into miniprogram/contract. The copy is committed so the
// project opens in DevTools straight from a clone; test/contract checks it never drifts.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const contractSource = path.join(root, 'contract/src');
export const contractCopy = path.join(root, 'miniprogram/contract');
export const COPY_HEADER = '// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。\n';

export async function build() {
  await mkdir(contractCopy, { recursive: true });
  for (const file of await readdir(contractSource)) {
    if (!file.endsWith('.ts')) continue;
    const text = await readFile(path.join(contractSource, file), 'utf8');
    const target = path.join(contractCopy, file);
    const wanted = COPY_HEADER + text;
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== wanted) await writeFile(target, wanted);
  }
}

// Also runnable alone: `node scripts/build/contract-sync.mjs` after editing contract/src.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
