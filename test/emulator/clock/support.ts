/** The clock fixture project and small helpers shared by the clock and trigger suites. */
import path from 'node:path';
import type { InvocationEvent, RunningEmulator } from '../../../emulator/src';

export const clockProject = path.join(__dirname, '../../fixtures/clock-project');
export const DAY = 86_400_000;

/** Emulated time may drift from the test's own reading by the time a call takes, no more. */
export const SLACK_MS = 30_000;

/** Resolves with the first invocation matching `match` (bounded: rejects after timeoutMs). */
export function nextInvocation(
  emulator: RunningEmulator,
  match: (event: InvocationEvent) => boolean,
  timeoutMs = 10_000,
): Promise<InvocationEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emulator.events.off('invocation', listener);
      reject(new Error(`no matching invocation within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (event: InvocationEvent): void => {
      if (!match(event)) return;
      clearTimeout(timer);
      emulator.events.off('invocation', listener);
      resolve(event);
    };
    emulator.events.on('invocation', listener);
  });
}

export async function api(
  emulator: RunningEmulator,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const reply = await fetch(`${emulator.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
}
