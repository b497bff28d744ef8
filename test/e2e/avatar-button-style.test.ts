/**
 * The profile page's avatar button at its intended size in a real browser engine. Under
 * `"style": "v2"` WeChat's built-in style gives every non-mini button `width: 184px` through
 * `button:not([size=mini])` (specificity 0,1,1), which beat the page's `.avatar-button` (0,1,0)
 * and drew a 184 px pill. The page WXSS (rpx -> px at a 375 px wide phone) is laid out in
 * Chromium on top of those built-in rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openBrowser, type Browser } from './support/browser';

const PAGE_WXSS = path.resolve(__dirname, '../../miniprogram/pages/profile/index.wxss');
const PHONE_WIDTH = 375;

/** The base library's v2 button rules that matter for size (WeUI-based). */
const BUILT_IN_V2 = `
button { position: relative; display: block; margin-left: auto; margin-right: auto;
  padding-left: 14px; padding-right: 14px; box-sizing: border-box; font-size: 18px;
  line-height: 2.55555556; border-radius: 5px; overflow: hidden; border: 0; }
button:not([size=mini]) { width: 184px; margin-left: auto; margin-right: auto; }
`;

/** WeChat's rpx: 750rpx is the screen width. */
const toPx = (wxss: string) =>
  wxss.replace(/(-?\d*\.?\d+)rpx/g, (_, n: string) => `${(Number(n) * PHONE_WIDTH) / 750}px`);

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser({ width: PHONE_WIDTH, height: 700 });
});
afterAll(async () => {
  await browser?.close();
});

it('the avatar button is a 60 px circle (120rpx), not the 184 px v2 default', async () => {
  const css = BUILT_IN_V2 + toPx(readFileSync(PAGE_WXSS, 'utf8'));
  await browser.page.setContent(`<!doctype html><html><head><style>${css}</style></head><body>
    <div class="profile"><div class="row"><span class="label">头像</span>
      <button class="avatar-button"><div class="avatar avatar-empty">选择头像</div></button>
    </div></div></body></html>`);
  const box = await browser.page.locator('.avatar-button').boundingBox();
  expect(box).toMatchObject({ width: 60, height: 60 });
});
