/**
 * One setup for the console suites: a real emulator on the repo's own project (in memory, any
 * free port) and a Chromium page on the console, with page errors collected so each suite can
 * assert there were none. Registers its own beforeAll/afterAll; read the fields inside tests.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  startEmulator,
  type RunningEmulator,
  type StartEmulatorOptions,
} from '../../../emulator/src/index';
import { openBrowser, type Browser } from './browser';
import { ConsolePage } from './console-page';

export interface ConsoleSession {
  emu: RunningEmulator;
  browser: Browser;
  page: Page;
  ui: ConsolePage;
  /** Uncaught errors thrown in the page, in order. */
  pageErrors: string[];
}

export interface ConsoleSessionOptions {
  /** Extra emulator options on top of the repo project, in memory, port 0. */
  emulator?: StartEmulatorOptions;
  /** Runs once the emulator is up, before the browser opens (seed data, subscribe to events). */
  seed?: (emu: RunningEmulator) => Promise<void> | void;
  /** The console route to open first (`#/<route>`); none leaves the page blank. */
  route?: string;
}

export function useConsoleSession(options: ConsoleSessionOptions = {}): ConsoleSession {
  const session = { pageErrors: [] as string[] } as ConsoleSession;
  beforeAll(async () => {
    session.emu = await startEmulator({
      project: path.resolve(__dirname, '../../..'),
      inMemory: true,
      port: 0,
      ...options.emulator,
    });
    await options.seed?.(session.emu);
    session.browser = await openBrowser();
    session.page = session.browser.page;
    session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
    session.ui = new ConsolePage(session.page);
    if (options.route !== undefined)
      await session.page.goto(`${session.emu.url}/#/${options.route}`);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.emu?.stop();
  });
  return session;
}
