/**
 * Loads real pages (TS + WXML + JSON + WXSS from miniprogram/) into miniprogram-simulate.
 * jest resolves the page's `index` to index.ts and the jest transform (SWC) compiles it, so no separate build.
 * Call installWxRuntime() first: simulate merges its own wx API into the global `wx`.
 */
import path from 'node:path';

type Simulate = typeof import('miniprogram-simulate');
export type RenderedPage = ReturnType<Simulate['render']>;

const PAGES_ROOT = path.resolve(__dirname, '../../../miniprogram/pages');

function simulate(): Simulate {
  // Required lazily so it sees the stubbed wx (see wx-runtime.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('miniprogram-simulate') as Simulate;
}

/** Registers a page once per test file (jest caches its module, so Component() runs once). */
export function loadPage(page: 'index' | 'profile' | 'admin'): string {
  // The admin page ships in its own subpackage (app.json `subpackages`, root `admin`); the
  // official compiler only compiles WXML under rootPath, so its root is the mini program's.
  if (page === 'admin') {
    const root = path.join(PAGES_ROOT, '..');
    return simulate().load(path.join(root, 'admin', 'index'), { rootPath: root });
  }
  return simulate().load(path.join(PAGES_ROOT, page, 'index'), { rootPath: PAGES_ROOT });
}

/** Renders and attaches the page, which runs its `attached` lifetime. */
export function renderPage(id: string): RenderedPage {
  const page = simulate().render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Text of the first element matching `selector`, or null when there is none. */
export function textOf(page: RenderedPage, selector: string): string | null {
  const found = page.querySelector(selector);
  return found ? (found.dom?.textContent ?? '').trim() : null;
}

/** Fires a tap or a component event on the first element matching `selector`. */
export function fire(page: RenderedPage, selector: string, event: string, detail?: object): void {
  const found = page.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  found.dispatchEvent(event, detail ? { detail } : {});
}
