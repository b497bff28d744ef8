import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startHarness, type ConsoleHarness } from './support';

// Needs the built console (npm test runs `npm run build` first).
const built = path.resolve(__dirname, '../../../emulator/dist/console');

describe('console static files at /', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.emu.stop();
  });

  test('/ serves the console page, never cached', async () => {
    const page = await fetch(`${h.emu.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="app"></div>');
  });

  test('hashed assets are served with their type and cached for good', async () => {
    const script = readdirSync(path.join(built, 'assets')).find((f) => f.endsWith('.js'));
    expect(script).toBeDefined();
    const asset = await fetch(`${h.emu.url}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const head = await fetch(`${h.emu.url}/assets/${script}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  test('nothing outside the console folder, and unknown files are 404', async () => {
    for (const p of [
      '/..%2f..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/missing.js',
    ]) {
      const reply = await fetch(`${h.emu.url}${p}`);
      expect({ p, status: reply.status }).toEqual({ p, status: 404 });
    }
    // Other modules' routes still win over the catch-all.
    expect((await fetch(`${h.emu.url}/healthz`)).status).toBe(200);
  });
});
