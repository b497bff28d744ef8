/**
 * `wx-cloud-emulator --help`: every option, one line each, Chinese first. The command name is
 * the package's bin; inside this repository `npm start -- <options>` runs the same command.
 */
export const COMMAND = 'wx-cloud-emulator';

export const USAGE = `usage: ${COMMAND} [--project <dir>] [--port 9100] [--host 127.0.0.1] [options] (--help lists them all)`;

const OPTIONS: Array<[string, string]> = [
  [
    '--project <dir>',
    '项目根目录（含 project.config.json 或 cloudbaserc.json）或云函数目录；默认当前目录 / project root or its functions folder (default: the current folder)',
  ],
  ['--port <port>', '监听端口，0 为任选 / port to listen on (default 9100; 0 picks a free one)'],
  [
    '--host <address>',
    '监听地址；非回环地址需要访问令牌 / address to bind (default 127.0.0.1; off loopback a token is required)',
  ],
  ['--data-dir <dir>', '数据目录 / data folder (default <project>/.cloudbase/emulator)'],
  ['--in-memory', '数据只在内存中 / keep data in memory only'],
  ['--env-id <id>', '环境 ID / environment id (default: cloudbaserc.json envId, else local)'],
  ['--import <dir>', '启动时导入导出的数据 / import a folder written by an export at start'],
  [
    '--seed <dir>',
    '启动时按集合导入控制台导出的 JSON/CSV（每集合一个文件）及 storage/ 下的文件 / seed collections (one console export file each) and storage files at start',
  ],
  [
    '--seed-mode upsert|insert|replace',
    '种子数据与已有数据的合并方式（默认 upsert）/ how seeds meet existing documents (default upsert)',
  ],
  ['--export-on-exit <dir>', '退出时导出数据 / export the database there on exit'],
  ['--db-latency-ms <ms>', '数据库延迟 / add this latency to every database call'],
  ['--db-fault-rate <0..1>', '数据库故障率 / fail this share of database calls'],
  ['--idle-timeout-ms <ms>', '空闲实例回收时间 / reap instances idle this long (default 300000)'],
  ['--max-instances <n>', '每个函数的实例上限 / instance processes per function at most'],
  [
    '--rules <dir>',
    '安全规则目录 / security rules folder (default <project>/database/security-rules)',
  ],
  [
    '--rules-doc-id strict|read-then-check',
    'doc(id) 请求的规则判定方式 / how doc(id) requests are judged',
  ],
  [
    '--runtime-node exact|local',
    '按运行时的确切 Node 版本运行，或用本机 Node / exact Node per runtime (default) or this Node',
  ],
  [
    '--node <runtime>=<path>',
    '为某运行时指定 Node（可重复）/ a Node binary for a runtime (repeatable)',
  ],
  ['--clock-offset-ms <ms>', '模拟时钟偏移 / start the emulated clock this far from real time'],
  [
    '--parent-modules refuse|warn',
    '函数目录外（上级 node_modules）的模块：拒绝（同云端，默认）或警告后加载 / modules found only above a function folder: refuse (default, as the cloud) or warn and load',
  ],
  ['--no-triggers', '定时触发器不自动触发 / timer triggers never fire by themselves'],
  [
    '--allowed-host <name>',
    'Host 头允许的额外主机名（可重复）/ extra Host header names (repeatable)',
  ],
  ['--access-token <token>', '访问令牌 / require this token on every route but /healthz'],
  ['-h, --help', '显示本帮助 / show this help'],
];

export function helpText(): string {
  const width = Math.max(...OPTIONS.map(([name]) => name.length)) + 2;
  const lines = OPTIONS.map(([name, text]) => `  ${name.padEnd(width)}${text}`);
  return (
    `${COMMAND}: 本地运行微信云开发项目（云函数、数据库、存储、云调用）/ run a WeChat cloud project locally\n\n` +
    `usage: ${COMMAND} [options]\n` +
    `  e.g. ${COMMAND} --project ./my-miniprogram   (npx ${COMMAND} ... works too)\n\n` +
    `options:\n${lines.join('\n')}\n`
  );
}
