/**
 * A project whose function folders use the packed server package (wx-cloud-login-server) with
 * one cached wx-server-sdk version: the tarball is installed once per version next to that SDK
 * (linked from the compat cache, so nothing is downloaded twice), and every function folder's
 * node_modules points at that one install, as if each folder had run the same `npm install`.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installInto } from '../login-packages/support/pack';
import { cachedSdkDir } from './project';
import { probeName } from './versions';

export const SERVER_PACKAGE = 'wx-cloud-login-server';

/** The handlers run on each version, with the config.json the guide gives them. */
const FUNCTIONS: Record<string, object | undefined> = {
  login: undefined,
  checkSession: undefined,
  updateUserInfo: { permissions: { openapi: ['security.msgSecCheck'] } },
  reserveAvatarUpload: undefined,
  bindPhoneNumber: { permissions: { openapi: ['phonenumber.getPhoneNumber'] } },
  logout: undefined,
  deleteAccount: undefined,
};

/**
 * Installs the tarball with wx-server-sdk@version (linked from the compat cache) into a folder
 * of its own; returns it. npm checks the version against the package's peer range, so one
 * outside it fails here unless `ignorePeerRange`.
 */
export function installServerPackage(
  scratch: string,
  tarball: string,
  version: string,
  ignorePeerRange: boolean,
): string {
  const install = path.join(scratch, 'installs', probeName(version));
  mkdirSync(install, { recursive: true });
  installInto(
    install,
    { [SERVER_PACKAGE]: tarball, 'wx-server-sdk': `file:${cachedSdkDir(version)}` },
    ignorePeerRange ? ['--legacy-peer-deps'] : [],
  );
  return install;
}

/** A project whose function folders each use the install; returns the project folder. */
export function serverProjectFor(scratch: string, install: string, version: string): string {
  const name = probeName(version);
  const project = path.join(scratch, 'projects', name);
  for (const [fn, config] of Object.entries(FUNCTIONS)) {
    const dir = path.join(project, 'cloudfunctions', fn);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.js'),
      `exports.main = require('${SERVER_PACKAGE}').${fn};\n`,
    );
    if (config) writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    symlinkSync(path.join(install, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  }
  const rc = {
    version: '2.0',
    envId: `server-${name.replace(/_/g, '-')}`,
    functionRoot: 'cloudfunctions',
    // The oldest runtime the package supports (engines: node >= 16.13).
    functionDefaultConfig: { runtime: 'Nodejs16.13', timeout: 20 },
    functions: Object.keys(FUNCTIONS).map((fn) => ({ name: fn })),
  };
  writeFileSync(path.join(project, 'cloudbaserc.json'), JSON.stringify(rc, null, 2));
  return project;
}
