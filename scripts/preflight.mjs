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

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root =
  rootArg >= 0
    ? path.resolve(args[rootArg + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildFollows = args.includes('--build-follows');

const DOCS = 'https://developers.weixin.qq.com/miniprogram/dev/framework';
/**
 * The privacy consent APIs (2.32.3); avatar/nickname fill-in and the phone number code need
 * 2.21.2. Below it the pages degrade with a notice, but 审核 expects the declared features to work.
 */
const MIN_BASE_LIBRARY = '2.32.3';

const read = (file) => readFileSync(path.join(root, file), 'utf8');
const json = (file) => JSON.parse(read(file));

const blockers = [];
const reminders = [];
const block = (what, fix) => blockers.push(`✗ ${what}：${fix}`);
const remind = (what, fix) => reminders.push(`! ${what}：${fix}`);

// The AppID: DevTools' tourist id cannot upload, use cloud development or pass 审核.
const appid = json('project.config.json').appid;
if (!appid || appid === 'touristappid') {
  block(
    `project.config.json 的 appid ${appid ? `仍是 ${appid}（游客 AppID）` : '为空'}`,
    '改成自己的小程序 AppID（微信公众平台 → 开发管理 → 开发设置 → AppID）',
  );
}

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
if (!String(vars.ADMIN_OPENIDS ?? '').trim()) {
  block(
    'cloudbaserc.json 的 ADMIN_OPENIDS 为空，没有人能处理停用、删除等管理操作',
    '填入至少一个管理员的 OPENID（逗号分隔；OPENID 可在云开发控制台 users 集合里查到）',
  );
}

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
remind(
  `基础库最低版本设为 ${MIN_BASE_LIBRARY} 或以上（隐私授权弹窗需要；头像昵称、手机号 code 至少 2.21.2）`,
  `微信公众平台 → 设置 → 基础设置 → 基础库最低版本设置；${DOCS}/client-lib/version.html`,
);
const phoneOn = Number(vars.PHONE_BIND_MAX_PER_DAY ?? '5') > 0;
remind(
  `《用户隐私保护指引》声明头像、昵称${phoneOn ? '、手机号' : ''}（未声明的接口会直接失败）`,
  `微信公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引；${DOCS}/user-privacy/`,
);

for (const line of [...blockers, ...reminders]) console.log(line);
if (blockers.length > 0) {
  console.log(
    `\npreflight: ${blockers.length} 项阻止发布（见上面 ✗ 的行）/ ${blockers.length} blocker(s)`,
  );
  process.exit(1);
}
console.log(
  `\npreflight: 没有阻止发布的问题；发布前请确认上面的提醒 / no blockers, check the reminders`,
);
