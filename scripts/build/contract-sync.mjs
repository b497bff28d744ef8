// The mini program cannot import files outside miniprogramRoot (WeChat DevTools compiles only
// that folder), so the contract is copied into miniprogram/contract. The copy is committed so the
// project opens in DevTools straight from a clone. The sync is exact: files the source no longer
// has are deleted. test/contract checks the copy; .ci/run fails when the build changes it.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const contractSource = path.join(root, 'contract/src');
export const contractCopy = path.join(root, 'miniprogram/contract');
export const COPY_HEADER = '// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。\n';

/** Makes `copyDir` hold exactly the `.ts` files of `sourceDir`, each with the header. */
export async function syncContract(sourceDir, copyDir) {
  await mkdir(copyDir, { recursive: true });
  const files = (await readdir(sourceDir)).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    const wanted = COPY_HEADER + (await readFile(path.join(sourceDir, file), 'utf8'));
    const target = path.join(copyDir, file);
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== wanted) await writeFile(target, wanted);
  }
  for (const entry of await readdir(copyDir)) {
    if (!files.includes(entry)) await rm(path.join(copyDir, entry), { recursive: true });
  }
}

export async function build() {
  await syncContract(contractSource, contractCopy);
}

// Also runnable alone: `node scripts/build/contract-sync.mjs` after editing contract/src.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
