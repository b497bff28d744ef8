#!/usr/bin/env node
// `npx wx-cloud-login-server preflight [--root dir]` in an adopting project (default: the
// current folder, which holds project.config.json): what still blocks a release, one line each
// with how to fix it, as this repository's `npm run preflight` does for itself. Exit 1 on any
// blocker. Runs from the built package (dist/preflight), next to support.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAdmins, checkAppid, remindPlatformSettings } from './platform.mjs';
import { checkAdoptingProject } from './project.mjs';
import { createReport } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// The package's own validation and minimum SDK (server/src/preflight-support.ts), CommonJS.
const support = createRequire(import.meta.url)('./support.js');

const USAGE = 'usage: wx-cloud-login-server preflight [--root <project folder>]';
const [command, ...args] = process.argv.slice(2);
if (command !== 'preflight') {
  console.error(USAGE);
  process.exit(2);
}
const rootArg = args.indexOf('--root');
const root = path.resolve(rootArg >= 0 ? (args[rootArg + 1] ?? '') : process.cwd());

let projectConfig;
try {
  projectConfig = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'));
} catch (error) {
  console.error(`preflight: ${root} 没有可读的 project.config.json（${error.message}）\n${USAGE}`);
  process.exit(2);
}

const report = createReport();
checkAppid(report, projectConfig);
const found = checkAdoptingProject(report, support, root, projectConfig);
if (found.adminsVisible) checkAdmins(report, found.adminOpenids, 'cloudbaserc.json 或 configure()');
else {
  report.remind(
    '至少一个管理员：没有 cloudbaserc.json，无法从文件确认 ADMIN_OPENIDS',
    '在云开发控制台给 adminUsers 等函数设环境变量 ADMIN_OPENIDS，或在 index.js 里 configure({ adminOpenids: [...] })',
  );
}
report.remind(
  '集合 users、sessions、phones、audit_log 已建，数据库与存储规则已按包里的文件设置（部署函数之前）',
  `云开发控制台 → 数据库 / 存储 → 权限设置，粘贴 ${path.join(here, '../rules')} 里的文件`,
);
remindPlatformSettings(report, { phoneBinding: found.phoneBinding });
process.exit(report.print());
