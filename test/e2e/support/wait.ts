import type { Locator } from 'playwright-core';

/**
 * Waits until a locator's text satisfies `accept` and returns that text. playwright-core has no
 * web-first assertions (those live in @playwright/test), so this small poll stands in for them.
 */
export async function waitForText(
  locator: Locator,
  accept: (text: string) => boolean,
  timeoutMs = 15000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if ((await locator.count()) > 0) {
      last = (await locator.first().textContent()) ?? '';
      if (accept(last)) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for text; last seen: ${JSON.stringify(last.slice(0, 300))}`,
  );
}

/** Polls `check` until it resolves true (bounded by `timeoutMs`). */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
}
