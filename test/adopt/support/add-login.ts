/**
 * docs/adopt.md performed on a project: each function below is one of the guide's steps, done
 * the way a team does it (one-line function folders, npm install of the packed tarballs,
 * 构建 npm, app.js and a page), so the adoption test proves the guide, not a shortcut.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildNpm } from '../../login-packages/support/build-npm';
import { installInto } from '../../login-packages/support/pack';

export const SERVER_PACKAGE = 'wx-cloud-login-server';
export const CLIENT_PACKAGE = 'wx-cloud-login-miniprogram';
/** The SDK a function folder installs (the registry's, from npm's cache when it has it). */
export const SDK = 'wx-server-sdk@4.0.2';

/** Guide step 1: every built-in function, and the config.json of those that need one. */
export const LOGIN_FUNCTIONS: Record<string, object | undefined> = {
  login: undefined,
  checkSession: undefined,
  logout: undefined,
  updateUserInfo: { permissions: { openapi: ['security.msgSecCheck'] } },
  reserveAvatarUpload: undefined,
  deleteAccount: undefined,
  cleanupSessions: { triggers: [{ name: 'daily', type: 'timer', config: '0 0 3 * * * *' }] },
  bindPhoneNumber: { permissions: { openapi: ['phonenumber.getPhoneNumber'] } },
  unbindPhoneNumber: undefined,
  adminUsers: undefined,
  onUserAuthorizationChange: undefined,
};

function functionsRoot(project: string): string {
  const config = JSON.parse(readFileSync(path.join(project, 'project.config.json'), 'utf8')) as {
    cloudfunctionRoot: string;
  };
  return path.join(project, config.cloudfunctionRoot);
}

function miniprogramRoot(project: string): string {
  const config = JSON.parse(readFileSync(path.join(project, 'project.config.json'), 'utf8')) as {
    miniprogramRoot: string;
  };
  return path.join(project, config.miniprogramRoot);
}

/** What DevTools' 上传并部署：云端安装依赖 does for the app's own functions: npm install. */
export function installOwnFunction(project: string, name: string): void {
  const dir = path.join(functionsRoot(project), name);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  installInto(dir, manifest.dependencies);
}

/** Guide step 1: a folder per function, `index.js` one line, the package and the SDK installed. */
export function addLoginFunctions(project: string, serverTarball: string): void {
  for (const [name, config] of Object.entries(LOGIN_FUNCTIONS)) {
    const dir = path.join(functionsRoot(project), name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.js'),
      `exports.main = require('${SERVER_PACKAGE}').${name};\n`,
    );
    if (config) writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2));
    installInto(dir, { [SERVER_PACKAGE]: serverTarball, 'wx-server-sdk': SDK.split('@')[1]! });
  }
}

/** Guide steps 5 to 7: install and build npm, log in from app.js, add the account page. */
export function addLoginToMiniprogram(project: string, clientTarball: string, guide: string): void {
  const root = miniprogramRoot(project);
  installInto(root, { [CLIENT_PACKAGE]: clientTarball });
  buildNpm(root);
  const appJs = path.join(root, 'app.js');
  const app = readFileSync(appJs, 'utf8');
  const init = /^(\s*)wx\.cloud\.init\(.*\);$/m.exec(app);
  if (!init) throw new Error('app.js has no wx.cloud.init line to log in after');
  writeFileSync(
    appJs,
    `const { installSession } = require('${CLIENT_PACKAGE}');\n` +
      app.replace(init[0], `${init[0]}\n${init[1]}installSession().refresh();`),
  );
  cpSync(path.join(guide, 'pages'), path.join(root, 'pages'), { recursive: true });
  const appJson = path.join(root, 'app.json');
  const manifest = JSON.parse(readFileSync(appJson, 'utf8')) as { pages: string[] };
  manifest.pages.push('pages/account/account');
  writeFileSync(appJson, JSON.stringify(manifest, null, 2));
}
