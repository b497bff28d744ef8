/**
 * DevTools' own 构建 npm button (the same builder as miniprogram-ci's packNpm) looks for each
 * dependency only in `node_modules` beside the mini program's package.json. This repository
 * installs with an npm workspace, so the packages sit in the root's node_modules and the button
 * failed with `__NO_NODE_MODULES__`. The build links them beside the package.json; these tests
 * follow the button's lookup rule on a workspace-shaped folder and on this repository.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNpm, linkDependencies } from '../../scripts/build/miniprogram-npm.cjs';
import { filesUnder } from '../login-packages/support/build-npm';

const ROOT = path.resolve(__dirname, '../..');

/** Where the button reads a dependency's files: `<dir>/node_modules/<name>/<miniprogram field>`. */
function devtoolsSource(miniprogramDir: string, name: string): string | undefined {
  const manifest = path.join(miniprogramDir, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const field = (JSON.parse(readFileSync(manifest, 'utf8')) as { miniprogram?: string })
    .miniprogram;
  return path.join(path.dirname(manifest), field ?? 'miniprogram_dist');
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('构建 npm in DevTools on a workspace layout', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'devtools-npm-'));
    // The workspace root's node_modules holds the package; the app folder has none of its own.
    write(
      path.join(dir, 'node_modules/ui-kit/package.json'),
      JSON.stringify({ name: 'ui-kit', miniprogram: 'dist' }),
    );
    write(path.join(dir, 'node_modules/ui-kit/dist/index.js'), 'module.exports = 1;\n');
    write(path.join(dir, 'node_modules/ui-kit/dist/button/button.wxml'), '<button/>\n');
    write(
      path.join(dir, 'app/package.json'),
      JSON.stringify({ name: 'app', dependencies: { 'ui-kit': '1.0.0' } }),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('without the link the button finds nothing; with it, the same files npm run build copies', () => {
    const app = path.join(dir, 'app');
    expect(devtoolsSource(app, 'ui-kit')).toBeUndefined();

    expect(linkDependencies(app)).toEqual(['ui-kit']);
    const source = devtoolsSource(app, 'ui-kit');
    expect(source && realpathSync(source)).toBe(
      realpathSync(path.join(dir, 'node_modules/ui-kit/dist')),
    );

    expect(buildNpm(app)).toEqual(['ui-kit']);
    const built = filesUnder(path.join(app, 'miniprogram_npm/ui-kit')).sort();
    expect(built).toEqual(filesUnder(source!).sort());
    expect(built).toEqual(['button/button.wxml', 'index.js']);
  });

  test('building twice keeps one working link; a real installed folder is left alone', () => {
    const app = path.join(dir, 'app');
    linkDependencies(app);
    expect(linkDependencies(app)).toEqual(['ui-kit']);
    expect(devtoolsSource(app, 'ui-kit')).toBeDefined();

    rmSync(path.join(app, 'node_modules'), { recursive: true, force: true });
    write(
      path.join(app, 'node_modules/ui-kit/package.json'),
      JSON.stringify({ name: 'ui-kit', miniprogram: 'own' }),
    );
    expect(linkDependencies(app)).toEqual([]);
    expect(devtoolsSource(app, 'ui-kit')).toBe(path.join(app, 'node_modules/ui-kit/own'));
  });
});

test("this repository's mini program: the button finds wx-cloud-login-miniprogram (client/)", () => {
  // npm test builds first, so the link is there as after `npm install && npm run build`.
  const source = devtoolsSource(path.join(ROOT, 'miniprogram'), 'wx-cloud-login-miniprogram');
  expect(source && realpathSync(source)).toBe(
    realpathSync(path.join(ROOT, 'client/miniprogram_dist')),
  );
});
