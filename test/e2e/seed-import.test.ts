/**
 * Seeds in the console: a project started with --seed shows its seeded collections, and the
 * Tools tab imports one exported collection file into one collection, in a real Chromium.
 */
import path from 'node:path';
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

const project = path.resolve(__dirname, '../fixtures/seed-project');

describe('Tools tab: import a collection', () => {
  const ctx = useConsoleSession({
    route: 'tools',
    emulator: { project, seedDir: path.join(project, 'seed') },
  });
  const count = (name: string) =>
    ctx.emu.database.listCollections().find((c) => c.name === name)?.count;

  test('a CSV export replaces that collection only', async () => {
    const page = ctx.page;
    expect(count('orders')).toBe(2);
    await page.getByTestId('import-file').setInputFiles({
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('_id,goodsId,count\no-9,g-pear,3\n'),
    });
    // The collection name comes from the file name, as the cloud console's export names it.
    expect(await page.getByTestId('import-collection').inputValue()).toBe('orders');
    await page.getByTestId('import-mode').click();
    await page.locator('.el-select-dropdown__item', { hasText: '替换 Replace' }).click();
    await page.getByTestId('import-submit').click();
    await waitForText(page.getByTestId('import-summary'), (t) => t.includes('orders：新增 1'));
    expect(count('orders')).toBe(1);
    expect(count('goods')).toBe(2);
    await snap(page, 'seed-import-replaced');
  });

  test('a bad JSON line is reported with file and line; nothing changes', async () => {
    const page = ctx.page;
    await page.getByTestId('import-collection').fill('goods');
    await page.getByTestId('import-file').setInputFiles({
      name: 'goods.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"_id":"g-x"}\n{"_id": nope}\n'),
    });
    await page.getByTestId('import-submit').click();
    await waitForText(page.locator('.el-message'), (t) => t.includes('goods.json line 2'));
    expect(count('goods')).toBe(2);
    expect(ctx.pageErrors).toEqual([]);
  });
});
