import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * 构建 npm for one mini program folder, as WeChat DevTools does it for packages with a
 * `miniprogram` field: that folder of each dependency becomes `miniprogram_npm/<name>`.
 * A stand-in for DevTools (which cannot run here). miniprogram-ci 2.1.42's packNpm runs offline
 * (it wants a private key file even for packNpm; any RSA key does) and its output for this
 * package was byte-identical to this copy; it is not a dependency here because it brings about
 * 1,100 packages of exact-pinned Babel into the lockfile.
 */
export function buildNpm(miniprogramDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(miniprogramDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const built: string[] = [];
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const installed = path.join(miniprogramDir, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      miniprogram?: string;
    };
    const from = path.join(installed, pkg.miniprogram ?? 'miniprogram_dist');
    if (!existsSync(from)) continue;
    cpSync(from, path.join(miniprogramDir, 'miniprogram_npm', name), { recursive: true });
    built.push(name);
  }
  return built;
}

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
