// 构建 npm for one mini program folder, as WeChat DevTools does it for packages with a
// `miniprogram` field: that folder of each dependency becomes `miniprogram_npm/<name>`.
// Used by `npm run build` for this repository's mini program (miniprogram/) and by the package
// and adoption tests for the projects they install the tarballs into.
// A stand-in for DevTools (which cannot run here). miniprogram-ci 2.1.42's packNpm runs offline
// (it wants a private key file even for packNpm; any RSA key does) and its output for this
// package was byte-identical to this copy; it is not a dependency here because it brings about
// 1,100 packages of exact-pinned Babel into the lockfile.
// CommonJS, so the build (ESM) and the tests (TypeScript under jest) both load this one file.
const {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} = require('node:fs');
const path = require('node:path');

/** `<dir>/node_modules/<name>/package.json` in `from` or the nearest parent that has it. */
function installedManifest(from, name) {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (from ${from})`);
  }
}

/**
 * Builds `<miniprogramDir>/miniprogram_npm` afresh from the dependencies in its package.json;
 * returns the names built. A dependency is found the way Node finds it from that folder: its own
 * node_modules first (an adopting project), else a parent's (this repository's npm workspace).
 */
function buildNpm(miniprogramDir) {
  const manifest = JSON.parse(readFileSync(path.join(miniprogramDir, 'package.json'), 'utf8'));
  const npmDir = path.join(miniprogramDir, 'miniprogram_npm');
  rmSync(npmDir, { recursive: true, force: true });
  const built = [];
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const pkgJson = installedManifest(miniprogramDir, name);
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
    const from = path.join(path.dirname(pkgJson), pkg.miniprogram ?? 'miniprogram_dist');
    if (!existsSync(from)) continue;
    cpSync(from, path.join(npmDir, name), { recursive: true });
    built.push(name);
  }
  return built;
}

/**
 * DevTools' own 构建 npm button (and miniprogram-ci's packNpm) looks for the packages only in
 * `node_modules` beside the mini program's package.json, never in a parent: with this
 * repository's npm workspace they are installed at the root, and the button fails with
 * `__NO_NODE_MODULES__`. A link per dependency, `<dir>/node_modules/<name>` to where Node finds
 * it, lets the button build the same miniprogram_npm as `npm run build` (checked with
 * miniprogram-ci 2.1.42: byte-identical). A 'junction' needs no rights on Windows; elsewhere the
 * type is ignored. A real folder already there (an adopting project's own install) is kept.
 */
function linkDependencies(miniprogramDir) {
  const manifest = JSON.parse(readFileSync(path.join(miniprogramDir, 'package.json'), 'utf8'));
  const linked = [];
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const at = path.join(miniprogramDir, 'node_modules', name);
    const target = realpathSync(path.dirname(installedManifest(miniprogramDir, name)));
    if (existsSync(at) && !lstatSync(at).isSymbolicLink()) continue;
    rmSync(at, { force: true, recursive: true });
    mkdirSync(path.dirname(at), { recursive: true });
    // Relative, so the link survives moving the checkout (Node makes a junction's target absolute).
    symlinkSync(path.relative(path.dirname(at), target), at, 'junction');
    linked.push(name);
  }
  return linked;
}

/** `npm run build`'s step: 构建 npm for this repository's mini program. */
async function build() {
  const miniprogramDir = path.resolve(__dirname, '../../miniprogram');
  linkDependencies(miniprogramDir);
  buildNpm(miniprogramDir);
}

module.exports = { buildNpm, linkDependencies, build };
