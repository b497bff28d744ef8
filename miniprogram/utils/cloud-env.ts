import { CLOUD_ENV_IDS, type EnvVersion } from '../config/env';

/** develop (开发版/DevTools), trial (体验版) or release (正式版); release when unknown. */
function envVersion(): EnvVersion {
  try {
    const version = wx.getAccountInfoSync?.().miniProgram.envVersion;
    return version === 'develop' || version === 'trial' ? version : 'release';
  } catch {
    return 'release';
  }
}

/** The CloudBase environment of the running build (config/env.ts), for wx.cloud.init. */
export function envIdFor(ids: Readonly<Record<EnvVersion, string>> = CLOUD_ENV_IDS): string {
  return ids[envVersion()];
}
