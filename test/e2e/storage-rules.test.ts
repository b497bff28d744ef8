/**
 * The storage rule and playground in a real Chromium against a real emulator with this
 * project's shipped storage/security-rules.json: the Storage tab shows the rule in force and
 * its file; a user's avatar is put in the playground, which refuses another user's
 * delete (naming the rule and the file's uploader), allows the uploader's, and deletes nothing.
 * `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes docs/images/storage-playground.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { snap } from './support/browser';
import { useConsoleSession } from './support/console-session';
import { waitForText } from './support/wait';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('storage rule and playground in Chromium', () => {
  const ctx = useConsoleSession({
    seed: async (emu) => {
      const reply = await fetch(`${emu.url}/storage/upload?cloudPath=avatars/alice.png`, {
        method: 'PUT',
        headers: { 'x-wx-openid': 'o-alice' },
        body: PNG,
      });
      expect(reply.status).toBe(200);
    },
  });
  const { pageErrors } = ctx;
  const page = () => ctx.page;
  const stored = async () => {
    const reply = await fetch(`${ctx.emu.url}/api/storage`);
    const body = (await reply.json()) as { files: Array<{ path: string }> };
    return body.files.map((f) => f.path);
  };

  test('the Storage tab shows the rule in force and judges a delete without deleting', async () => {
    await page().goto(`${ctx.emu.url}/#/storage`);
    await waitForText(page().getByTestId('storage-rule-source'), (t) =>
      t.includes(path.join('storage', 'security-rules.json')),
    );
    expect(await page().getByTestId('storage-rule-json').textContent()).toContain(
      'resource.openid == auth.openid',
    );

    // The avatar's button puts its fileID in the playground.
    await waitForText(page().getByTestId('files'), (t) => t.includes('avatars/alice.png'));
    await page().getByTestId('files').getByText('放入试验场').first().click();
    const fileInput = page().getByTestId('spg-file');
    expect(await fileInput.inputValue()).toMatch(/^cloud:\/\/.+\/avatars\/alice\.png$/);

    // Another user's deleteFile (the default operation) is refused, with the rule and the owner.
    const answer = page().getByTestId('spg-answer');
    await page().getByTestId('spg-openid').fill('o-bob');
    await page().getByTestId('spg-ask').click();
    const refused = await waitForText(answer, (t) => t.includes('拒绝'));
    expect(refused).toContain('write: resource.openid == auth.openid is false');
    expect(refused).toContain('resource.openid = o-alice');
    await page().mouse.move(0, 0);
    const file = await snap(page(), 'storage-playground-1280x800');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const target = path.resolve(__dirname, '../../docs/images/storage-playground.png');
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }

    // The uploader's delete is allowed, and still nothing is deleted.
    await page().getByTestId('spg-openid').fill('o-alice');
    await page().getByTestId('spg-ask').click();
    await waitForText(answer, (t) => t.includes('允许'));
    expect(await stored()).toContain('avatars/alice.png');
    expect(pageErrors).toEqual([]);
  });
});
