/**
 * One setup for the page suites: an emulator in a child process, a wx.cloud bridge for a fresh
 * user, the stubbed wx runtime on it, and the page loaded from its real WXML. Registers its own
 * beforeAll/afterAll; read the fields inside hooks and tests.
 */
import type { BridgeWxCloud } from '../../../emulator/src/bridge';
import { bridgeFor, newOpenid } from './counting-cloud';
import { startChildEmulator, type ChildEmulator } from './emulator-child';
import { loadPage } from './page-harness';
import { installWxRuntime, type WxRuntime } from './wx-runtime';

export interface PageSuite {
  emulator: ChildEmulator;
  bridge: BridgeWxCloud;
  wx: WxRuntime;
  /** What renderPage() takes. */
  pageId: string;
}

/** `page` as in app.json (`index`, `profile`); `openidPrefix` names this suite's users. */
export function usePageSuite(
  page: Parameters<typeof loadPage>[0],
  openidPrefix: string,
): PageSuite {
  const suite = {} as PageSuite;
  beforeAll(async () => {
    suite.emulator = await startChildEmulator();
    suite.bridge = bridgeFor(suite.emulator, newOpenid(openidPrefix));
    suite.wx = installWxRuntime(suite.bridge);
    suite.pageId = loadPage(page);
  }, 30_000);
  afterAll(async () => {
    await suite.emulator?.stop();
  });
  return suite;
}
