/**
 * The mini program's own configuration files as WeChat reads them (issue 26, item 7): the admin
 * page ships in a subpackage (not in every user's main package), and search is told not to index
 * it (sitemap.json rules are read in order; the first match decides).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../miniprogram');
const json = <T>(file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;

interface AppJson {
  pages: string[];
  subpackages?: Array<{ root: string; pages: string[] }>;
}

test('the admin page lives in a subpackage, not in the main package', () => {
  const app = json<AppJson>('app.json');
  expect(app.pages.some((page) => page.includes('admin'))).toBe(false);
  const admin = (app.subpackages ?? []).find((pkg) => pkg.root === 'admin');
  expect(admin?.pages).toEqual(['index']);
  expect(json<{ navigationBarTitleText: string }>('admin/index.json').navigationBarTitleText).toBe(
    '用户管理',
  );
});

test('sitemap.json keeps the admin page out of WeChat search, before allowing the rest', () => {
  const { rules } = json<{ rules: Array<{ action: string; page: string }> }>('sitemap.json');
  const first = rules.find((rule) => rule.page === 'admin/index' || rule.page === '*');
  expect(first).toEqual({ action: 'disallow', page: 'admin/index' });
});
