// `npm run preflight` (also the first step of `npm run deploy`): what still blocks a release,
// one line each with how to fix it. Read from the files a release is made of; what no file can
// show (settings in the MP admin) is listed as a reminder with a link. Exit 1 on any blocker.
//
//   npm run preflight                     this repository
//   node scripts/preflight.mjs --root dir another checkout (tests)
//   ... --build-follows                   `npm run build` runs next: unbuilt functions are fine
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Shared with the server package's `wx-cloud-login-server preflight` (an adopting project).
import { checkAdmins, checkAppid, remindPlatformSettings } from '../server/preflight/platform.mjs';
import { createReport } from '../server/preflight/report.mjs';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root =
  rootArg >= 0
    ? path.resolve(args[rootArg + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildFollows = args.includes('--build-follows');

const read = (file) => readFileSync(path.join(root, file), 'utf8');
const json = (file) => JSON.parse(read(file));

const report = createReport();
const { block } = report;

checkAppid(report, json('project.config.json'));

// The environment ids of each build (miniprogram/config/env.ts).
const envSource = read('miniprogram/config/env.ts');
const placeholder = /PLACEHOLDER_ENV_ID = '([^']*)'/.exec(envSource)?.[1];
const envIds = Object.fromEntries(
  [...envSource.matchAll(/\b(develop|trial|release): '([^']*)'/g)].map((m) => [m[1], m[2]]),
);
const unset = Object.entries(envIds).filter(([, id]) => !id || id === placeholder);
if (unset.length > 0) {
  block(
    `miniprogram/config/env.ts 的 ${unset.map(([v]) => v).join('、')} 仍是占位环境 ID ${placeholder}`,
    '改成自己的云开发环境 ID（云开发控制台 → 设置 → 环境 ID；体验版、正式版可以不同）',
  );
}
const target = process.env.TCB_ENV_ID?.trim();
if (target && envIds.release && target !== envIds.release) {
  block(
    `要部署到 ${target}，但正式版（release）连接的是 ${envIds.release}`,
    '把 TCB_ENV_ID 设为正式版的环境，或改 miniprogram/config/env.ts 的 release',
  );
}

// Server configuration (cloudbaserc.json).
const rc = json('cloudbaserc.json');
const vars = rc.functionDefaultConfig?.envVariables ?? {};
checkAdmins(report, vars.ADMIN_OPENIDS, 'cloudbaserc.json');

// The user agreement shipped as a template (miniprogram/config/agreement.ts).
const agreementFile = 'miniprogram/config/agreement.ts';
// A project that replaced the page with its own agreement may have removed the file.
const agreement = existsSync(path.join(root, agreementFile)) ? read(agreementFile) : '';
if (/AGREEMENT_IS_TEMPLATE = true/.test(agreement)) {
  block(
    '《用户协议》仍是模板（miniprogram/config/agreement.ts）',
    '换成自己的协议全文，并把 AGREEMENT_IS_TEMPLATE 改为 false',
  );
}

// Built functions: what `tcb fn deploy` uploads.
if (!buildFollows) {
  const functionRoot = rc.functionRoot ?? 'cloudfunctions';
  for (const { name } of rc.functions ?? []) {
    const bundle = `${functionRoot}/${name}/index.js`;
    if (!existsSync(path.join(root, bundle)))
      block(`${bundle} 不存在，云函数未构建`, '先运行 npm run build');
  }
}

// What no file shows: settings in the MP admin (微信公众平台).
remindPlatformSettings(report, { phoneBinding: Number(vars.PHONE_BIND_MAX_PER_DAY ?? '5') > 0 });

process.exit(report.print());
