/**
 * Loads real pages (TS + WXML + JSON + WXSS from miniprogram/) into miniprogram-simulate.
 * jest resolves the page's `index` to index.ts and the jest transform (SWC) compiles it; the login package's components
 * and module come from miniprogram/miniprogram_npm, built by `npm run build` as DevTools' 构建 npm.
 * Call installWxRuntime() first: simulate merges its own wx API into the global `wx`.
 */
import path from 'node:path';

type Simulate = typeof import('miniprogram-simulate');
export type RenderedPage = ReturnType<Simulate['render']>;

const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

function simulate(): Simulate {
  // Required lazily so it sees the stubbed wx (see wx-runtime.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('miniprogram-simulate') as Simulate;
}

/**
 * Registers a page of the mini program at `root` (`page` is its path without extension, as in
 * app.json), its npm components resolved the way DevTools resolves them after 构建 npm: a
 * `usingComponents` path that is not relative (`<package>/<path>`) is `/miniprogram_npm/<package>/<path>`.
 */
export function loadMiniprogramPage(root: string, page: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const json = require(path.join(root, `${page}.json`)) as {
    usingComponents?: Record<string, string>;
  };
  const usingComponents = Object.fromEntries(
    Object.entries(json.usingComponents ?? {})
      .filter(([, target]) => !target.startsWith('.') && !target.startsWith('/'))
      .map(([tag, target]) => [tag, `/miniprogram_npm/${target}`]),
  );
  // rootPath is the mini program's root: the official compiler only compiles WXML under it.
  return simulate().load(path.join(root, page), { rootPath: root, usingComponents });
}

/** Registers one of this repository's pages once per test file (jest caches its module). */
export function loadPage(page: 'index' | 'profile' | 'admin'): string {
  // The admin page ships in its own subpackage (app.json `subpackages`, root `admin`).
  return loadMiniprogramPage(
    MINIPROGRAM_ROOT,
    page === 'admin' ? 'admin/index' : `pages/${page}/index`,
  );
}

/** Renders and attaches the page, which runs its `attached` lifetime. */
export function renderPage(id: string): RenderedPage {
  const page = simulate().render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** A rendered page, or a custom component inside one (its own data and shadow tree). */
export type RenderedPart = Pick<RenderedPage, 'querySelector' | 'data'>;

/** The custom component matching `selector`, e.g. the page's `<privacy-consent>`. */
export function partOf(page: RenderedPart, selector: string): RenderedPart {
  const found = page.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Text of the first element matching `selector`, or null when there is none. */
export function textOf(page: RenderedPart, selector: string): string | null {
  const found = page.querySelector(selector);
  return found ? (found.dom?.textContent ?? '').trim() : null;
}

/** Fires a tap or a component event on the first element matching `selector`. */
export function fire(page: RenderedPart, selector: string, event: string, detail?: object): void {
  const found = page.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  found.dispatchEvent(event, detail ? { detail } : {});
}
