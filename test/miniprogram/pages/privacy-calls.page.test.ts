/**
 * @jest-environment jsdom
 *
 * Paused privacy calls (issue 26, item 7): WeChat pauses every privacy API until the app answers
 * through onNeedPrivacyAuthorization. Each paused call must get the answer (two at once: both),
 * and a call while no page can show the sheet must be answered at once, never left hanging.
 * pages/profile is rendered from its real WXML; wx.* is the stub that plays WeChat's part.
 */
import { installSession } from 'wx-cloud-login-miniprogram';
import { newOpenid } from '../support/counting-cloud';
import { fire, partOf, renderPage, type RenderedPage } from '../support/page-harness';
import { usePageSuite } from '../support/page-suite';
import { waitFor } from '../support/wx-runtime';

const suite = usePageSuite('profile', 'privacy-calls');

/** Removes the page as leaving it would (detached lifetime; missing from simulate's typings). */
const leave = (page: RenderedPage) => (page as unknown as { detach(): void }).detach();

/**
 * What `promise` settled with once the work already queued has run (a bounded number of
 * event-loop turns, no clock: nothing on this path waits for time), else 'left hanging'.
 */
async function settledAtOnce(promise: Promise<unknown>): Promise<unknown> {
  let outcome: unknown = 'left hanging';
  void promise.then(
    (value) => (outcome = value),
    (error: unknown) => (outcome = error),
  );
  for (let turn = 0; turn < 10 && outcome === 'left hanging'; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return outcome;
}

function openProfile() {
  suite.bridge.openid = newOpenid('privacy-calls');
  installSession();
  return renderPage(suite.pageId);
}

test('two calls paused at once both get the answer of the one sheet', async () => {
  const page = openProfile();
  const first = suite.wx.requestPrivacy('chooseAvatar');
  const second = suite.wx.requestPrivacy('getPhoneNumber');
  await waitFor(
    () =>
      (partOf(page, '#privacy-consent').data as { privacySheetVisible: boolean })
        .privacySheetVisible,
    'the sheet',
  );
  fire(partOf(page, '#privacy-consent'), '.privacy-agree', 'agreeprivacyauthorization');
  const answers = await settledAtOnce(Promise.all([first, second]));
  expect(answers).toEqual([
    { event: 'agree', buttonId: 'agree-privacy-button' },
    { event: 'agree', buttonId: 'agree-privacy-button' },
  ]);
  leave(page);
});

test('a privacy call while no page can show the sheet is refused at once, not left hanging', async () => {
  const page = openProfile(); // registers the app-wide listener
  leave(page); // the user left the page: nothing can ask
  const answer = await settledAtOnce(suite.wx.requestPrivacy('getLocation'));
  expect(answer).toEqual({ event: 'disagree' });
});
