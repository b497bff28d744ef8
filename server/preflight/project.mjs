// The checks of an adopting project's layout (a WeChat DevTools project that added the login
// the way docs/adopt.md says): every login function folder is the package's one-line handler,
// depends on the package and a wx-server-sdk it runs on, and carries the config.json its
// permissions and trigger need; the configuration in cloudbaserc.json (when there is one)
// passes the same validation the functions apply at load.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE = 'wx-cloud-login-server';

/**
 * Every handler the package exports (test/login-packages/preflight.test.ts keeps this equal to
 * server/src/handlers.ts), whether a project needs it, and what its config.json must grant.
 */
export const LOGIN_FUNCTIONS = {
  login: { required: true },
  checkSession: { required: true },
  logout: { required: true },
  updateUserInfo: { required: true, openapi: 'security.msgSecCheck' },
  reserveAvatarUpload: { required: true },
  deleteAccount: { required: true },
  cleanupSessions: { required: true, timer: true },
  bindPhoneNumber: { required: false, openapi: 'phonenumber.getPhoneNumber' },
  unbindPhoneNumber: { required: false },
  adminUsers: { required: false },
  onUserAuthorizationChange: { required: false },
};

const REQUIRE = `require\\(\\s*['"]${PACKAGE}['"]\\s*\\)`;

/**
 * The package handler an index.js exports, in either form the README shows:
 * `exports.main = require('wx-cloud-login-server').login`, or the package bound to a name first
 * (`const auth = require(...)`, `auth.configure(...)`, `exports.main = auth.login`).
 */
function exportedHandler(source) {
  const direct = new RegExp(`exports\\.main\\s*=\\s*${REQUIRE}\\s*\\.\\s*(\\w+)`).exec(source);
  if (direct) return direct[1];
  const named = /exports\.main\s*=\s*([A-Za-z_]\w*)\s*\.\s*(\w+)/.exec(source);
  if (!named) return undefined;
  const bound = new RegExp(`\\b(?:const|let|var)\\s+${named[1]}\\s*=\\s*${REQUIRE}`).test(source);
  return bound ? named[2] : undefined;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The lowest version a dependency spec allows ("~2.6.3" -> "2.6.3", "2" -> "2.0.0"). */
function lowestVersion(spec) {
  const match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(spec);
  return match ? `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` : undefined;
}

function checkSdk(report, support, where, spec, installed) {
  for (const [what, version] of [
    [`依赖写的 wx-server-sdk "${spec}"`, lowestVersion(spec)],
    ['已安装的 wx-server-sdk', installed],
  ]) {
    if (!version) continue;
    try {
      support.checkSdkVersion(version);
    } catch (error) {
      if (!(error instanceof support.SdkVersionError)) throw error;
      report.block(
        `${where} ${what} 低于 ${support.MIN_SDK_VERSION}（${version}）`,
        `在该目录 npm install wx-server-sdk@latest（或至少 ~2.6.3）`,
      );
    }
  }
}

function checkFunction(report, support, functionsDir, name, needs) {
  const dir = path.join(functionsDir, name);
  const where = `云函数 ${name}`;
  const indexJs = path.join(dir, 'index.js');
  const fix = `按 docs/adopt.md 第 1 步：${name}/index.js 写 exports.main = require('${PACKAGE}').${name};`;
  if (!existsSync(indexJs)) {
    if (needs.required)
      report.block(`${where} 不存在（${path.basename(functionsDir)}/${name}）`, fix);
    return;
  }
  const handler = exportedHandler(readFileSync(indexJs, 'utf8'));
  if (handler !== name) {
    report.block(
      handler
        ? `${where} 的 index.js 导出的是 ${handler}，不是 ${name}`
        : `${where} 的 index.js 不是 ${PACKAGE} 的处理函数（项目里已有同名云函数？）`,
      fix,
    );
  }
  const dependencies = readJson(path.join(dir, 'package.json'))?.dependencies ?? {};
  for (const dependency of [PACKAGE, 'wx-server-sdk']) {
    if (!dependencies[dependency]) {
      report.block(
        `${where} 的 package.json 没有依赖 ${dependency}`,
        `在该目录 npm install ${dependency}`,
      );
    }
  }
  if (dependencies['wx-server-sdk']) {
    const installed = readJson(path.join(dir, 'node_modules/wx-server-sdk/package.json'))?.version;
    checkSdk(report, support, where, dependencies['wx-server-sdk'], installed);
  }
  const config = readJson(path.join(dir, 'config.json')) ?? {};
  if (needs.openapi && !(config.permissions?.openapi ?? []).includes(needs.openapi)) {
    report.block(
      `${where} 的 config.json 没有云调用权限 ${needs.openapi}`,
      `写 {"permissions":{"openapi":["${needs.openapi}"]}}，随函数一起部署`,
    );
  }
  if (needs.timer && !(config.triggers ?? []).some((trigger) => trigger.type === 'timer')) {
    report.block(
      `${where} 的 config.json 没有定时触发器，过期会话不会被清理`,
      `写 {"triggers":[{"name":"daily","type":"timer","config":"0 0 3 * * * *"}]}`,
    );
  }
}

/** cloudbaserc.json's variables for one function (defaults, then the function's own). */
function variablesOf(rc, name) {
  const own = (rc?.functions ?? []).find((fn) => fn.name === name)?.envVariables ?? {};
  return { ...(rc?.functionDefaultConfig?.envVariables ?? {}), ...own };
}

/**
 * Checks the login's function folders under the project's cloudfunctionRoot, and returns what
 * the platform checks need: the ADMIN_OPENIDS found (env or configure() in code), whether files
 * could show them at all, and whether phone binding is on.
 */
export function checkAdoptingProject(report, support, root, projectConfig) {
  const functionRoot = projectConfig.cloudfunctionRoot;
  if (!functionRoot) {
    report.block(
      'project.config.json 没有 cloudfunctionRoot',
      '指向云函数目录，如 "cloudfunctions/"',
    );
    return { adminOpenids: '', adminsVisible: false, phoneBinding: false };
  }
  const functionsDir = path.join(root, functionRoot);
  for (const [name, needs] of Object.entries(LOGIN_FUNCTIONS))
    checkFunction(report, support, functionsDir, name, needs);

  const rc = readJson(path.join(root, 'cloudbaserc.json'));
  const present = Object.keys(LOGIN_FUNCTIONS).filter((name) =>
    existsSync(path.join(functionsDir, name, 'index.js')),
  );
  let adminOpenids = '';
  for (const name of present) {
    const variables = variablesOf(rc, name);
    try {
      support.readConfig(variables);
    } catch (error) {
      if (!(error instanceof support.ConfigError)) throw error;
      report.block(
        `云函数 ${name} 的环境变量（cloudbaserc.json）有误：${error.problems.join('；')}`,
        '按 README 的配置表改正',
      );
    }
    adminOpenids ||= String(variables.ADMIN_OPENIDS ?? '').trim();
  }
  // configure({ adminOpenids }) in a function's index.js counts as a configured admin.
  const inCode = present.some((name) =>
    /adminOpenids\s*:\s*\[\s*['"]/.test(
      readFileSync(path.join(functionsDir, name, 'index.js'), 'utf8'),
    ),
  );
  const hasPhone = existsSync(path.join(functionsDir, 'bindPhoneNumber/index.js'));
  // Without cloudbaserc.json the variables live in the cloud console, where no file shows them.
  const adminsVisible = rc !== undefined || inCode;
  return {
    adminOpenids: inCode ? 'configure()' : adminOpenids,
    adminsVisible,
    phoneBinding: hasPhone,
  };
}
