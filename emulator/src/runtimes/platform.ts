/**
 * Which npm package holds the Node binary for this machine. Node's own release builds are
 * published to the npm registry as `node-<os>-<arch>` (what the `node` package installs), so the
 * exact runtime comes from the registry the user's npm already uses.
 */
import path from 'node:path';

const OS: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'win',
};
const ARCH = new Set(['x64', 'arm64', 'ppc64', 's390x']);

export interface NodePackage {
  name: string;
  /** The binary inside the package (tarball paths start with `package/`). */
  binary: string;
}

export function nodePackageFor(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): NodePackage | undefined {
  const os = OS[platform];
  if (!os || !ARCH.has(arch)) return undefined;
  return {
    name: `node-${os}-${arch}`,
    binary: platform === 'win32' ? path.join('bin', 'node.exe') : path.join('bin', 'node'),
  };
}
