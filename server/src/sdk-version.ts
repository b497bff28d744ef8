/**
 * The oldest wx-server-sdk the package runs on. The function folder installs its own SDK (a peer
 * dependency), so an old template's pin reaches us unchanged: 0.x has no DYNAMIC_CURRENT_ENV
 * (init would silently use the account's default environment, not the function's), and 1.5.x
 * sends cloud calls to a fixed public host. 1.8.3 is the oldest version the matrix proves
 * (test/sdk-compat/server-package.test.ts); peerDependencies in server/package.json agrees.
 */
export const MIN_SDK_VERSION = '1.8.3';

/** The function folder's wx-server-sdk is older than MIN_SDK_VERSION (thrown at load). */
export class SdkVersionError extends Error {
  constructor(readonly found: string) {
    super(
      `wx-cloud-login-server needs wx-server-sdk ${MIN_SDK_VERSION} or later; this function ` +
        `folder has ${found}. Run \`npm install wx-server-sdk@latest\` in the function folder ` +
        `(or at least ~2.6.3, the DevTools template's), then deploy it again.`,
    );
    this.name = 'SdkVersionError';
  }
}

/** Major, minor, patch of "x.y.z[-tag]"; undefined when it is not such a version. */
function parts(version: string): number[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

/**
 * Throws SdkVersionError unless `version` (from the SDK's package.json) is MIN_SDK_VERSION or
 * later. Hand-written rather than semver: three numbers, and the package
 * stays free of dependencies.
 */
export function checkSdkVersion(version: unknown): void {
  const found = typeof version === 'string' ? parts(version) : undefined;
  const minimum = parts(MIN_SDK_VERSION)!;
  if (!found)
    throw new SdkVersionError(typeof version === 'string' ? version : 'an unreadable version');
  for (let i = 0; i < 3; i += 1) {
    if (found[i]! > minimum[i]!) return;
    if (found[i]! < minimum[i]!) throw new SdkVersionError(version as string);
  }
}
