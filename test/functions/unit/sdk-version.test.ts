/**
 * The load-time check of the function folder's wx-server-sdk (server/src/sdk-version.ts). The
 * matrix (npm run test:sdk-compat) runs it on real installs; these are the edges between.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSdkVersion, MIN_SDK_VERSION, SdkVersionError } from '../../../server/src/sdk-version';

describe('checkSdkVersion', () => {
  test.each(['1.8.3', '1.9.0', '1.10.0', '2.0.0', '2.6.3', '4.0.2', '10.0.0', '5.0.0-beta.1'])(
    'accepts %s',
    (version) => expect(() => checkSdkVersion(version)).not.toThrow(),
  );

  test.each(['1.8.2', '1.5.3', '0.8.1', '0.10.99', '1.7.30'])('refuses %s', (version) => {
    expect(() => checkSdkVersion(version)).toThrow(SdkVersionError);
    expect(() => checkSdkVersion(version)).toThrow(`needs wx-server-sdk 1.8.3 or later`);
  });

  test.each([undefined, '', 'latest', 2])('refuses an unreadable version (%p)', (version) => {
    expect(() => checkSdkVersion(version)).toThrow(SdkVersionError);
  });

  test('the minimum is the lowest bound of the peer range npm checks', () => {
    const manifest = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../server/package.json'), 'utf8'),
    ) as { peerDependencies: Record<string, string> };
    expect(manifest.peerDependencies['wx-server-sdk']).toMatch(
      new RegExp(`^\\^${MIN_SDK_VERSION.replace(/\./g, '\\.')} \\|\\|`),
    );
  });
});
