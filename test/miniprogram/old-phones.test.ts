/**
 * Older phones and screen readers (issue 26, item 6), read from the mini program's own WXSS and
 * WXML: no `inset` or flex `gap` (iOS before 14.5 ignores them: the consent sheet ended up
 * off-screen, rows ran together); WeChat's `aria-*` attributes instead of `role`; a label on the
 * home avatar and the admin search; text colours with a contrast of at least 4.5:1 on the page
 * background and on white (WCAG AA for normal text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const ROOT = path.join(REPO, 'miniprogram');
/** The app's own files and the login package's components (client/src), not their build. */
const SOURCES = [ROOT, path.join(REPO, 'client/src')];

function filesUnder(ext: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : filesUnder(ext, full);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}
const files = (ext: string) => SOURCES.flatMap((dir) => filesUnder(ext, dir));
const rel = (file: string) => path.relative(REPO, file);
const read = (file: string) => readFileSync(file, 'utf8');

test.each(files('.wxss').map((file) => [rel(file)]))('%s: no inset, no gap', (file) => {
  const css = read(path.join(REPO, file));
  expect(css.match(/^\s*(inset|gap|row-gap|column-gap)\s*:.*$/gm) ?? []).toEqual([]);
});

test.each(files('.wxml').map((file) => [rel(file)]))('%s: aria-role, not role', (file) => {
  expect(read(path.join(REPO, file)).match(/\srole="[^"]*"/g) ?? []).toEqual([]);
});

test('the home avatar and the admin search have labels', () => {
  const home = read(path.join(ROOT, 'pages/index/index.wxml'));
  expect(home).toMatch(/<image[^>]*class="avatar"[^>]*aria-label="[^"]+"/);
  expect(home).toMatch(/class="avatar avatar-empty"[^>]*aria-label="[^"]+"/);
  expect(read(path.join(ROOT, 'admin/index.wxml'))).toMatch(/<input[^>]*aria-label="[^"]+"/);
});

/** WCAG relative luminance of #rgb / #rrggbb. */
function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/\w/g, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

test.each(files('.wxss').map((file) => [rel(file)]))('%s: text colours reach 4.5:1', (file) => {
  const css = read(path.join(REPO, file));
  // Rules with their own background are checked against it; others against page and card.
  const weak = [...css.matchAll(/[^{}]+\{([^}]*)\}/g)].flatMap(([, body]) => {
    const color = /(?:^|;|\s)color:\s*(#[0-9a-fA-F]{3,6})/.exec(body!)?.[1];
    if (!color) return [];
    const own = /background:\s*(#[0-9a-fA-F]{3,6})/.exec(body!)?.[1];
    const backgrounds = own ? [own] : ['#f5f5f5', '#ffffff'];
    return backgrounds
      .filter((bg) => contrast(color, bg) < 4.5)
      .map((bg) => `${color} on ${bg}: ${contrast(color, bg).toFixed(2)}`);
  });
  expect(weak).toEqual([]);
});
