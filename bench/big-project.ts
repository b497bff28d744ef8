// bigProject: a real project's size felt at start. A generated 40-function WeChat DevTools
// project (multi-file functions, config.json triggers and permissions, no dependencies to
// install) in a temp folder: time from startEmulator() to ready (functions start on first
// call, so this must not grow with the function count), the first (cold) call of one
// function, and a warm call after it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../emulator/src/index';
import { median, msSince, round } from './lib/stats';

export interface BigProjectResult {
  functions: number;
  /** startEmulator() until it resolved (listening), median of `runs` starts. */
  readyMs: number;
  /** The first call of a function: its instance process starts and loads it. */
  firstCallMs: number;
  warmCallMs: number;
  runs: number;
}

function writeProject(dir: string, count: number): void {
  const root = path.join(dir, 'cloudfunctions');
  writeFileSync(
    path.join(dir, 'project.config.json'),
    JSON.stringify({ projectname: 'bench-40', cloudfunctionRoot: 'cloudfunctions/' }),
  );
  for (let i = 0; i < count; i += 1) {
    const fn = path.join(root, `fn${String(i).padStart(2, '0')}`);
    mkdirSync(path.join(fn, 'lib'), { recursive: true });
    writeFileSync(
      path.join(fn, 'package.json'),
      JSON.stringify({ name: `fn${i}`, version: '1.0.0' }),
    );
    writeFileSync(
      path.join(fn, 'lib/answer.js'),
      `module.exports = (event) => ({ n: ${i}, event });\n`,
    );
    writeFileSync(
      path.join(fn, 'index.js'),
      "const answer = require('./lib/answer');\nexports.main = async (event) => answer(event);\n",
    );
    const config =
      i % 10 === 0
        ? { triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }] }
        : { permissions: { openapi: ['subscribeMessage.send'] } };
    writeFileSync(path.join(fn, 'config.json'), JSON.stringify(config));
  }
}

export async function measureBigProject(count = 40, runs = 5): Promise<BigProjectResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-big-project-'));
  try {
    writeProject(dir, count);
    const ready: number[] = [];
    const first: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = process.hrtime.bigint();
      const emu = await startEmulator({ project: dir, inMemory: true, triggers: false });
      ready.push(msSince(started));
      try {
        if (emu.functions.list().length !== count) throw new Error('not every function was found');
        const name = `fn${String(run % count).padStart(2, '0')}`;
        const cold = process.hrtime.bigint();
        const reply = await emu.callFunction(name, { run }, { openid: 'bench-big' });
        first.push(msSince(cold));
        if (!reply.ok) throw new Error(`${name}: ${reply.errMsg}`);
        const again = process.hrtime.bigint();
        await emu.callFunction(name, { run }, { openid: 'bench-big' });
        warm.push(msSince(again));
      } finally {
        await emu.stop();
      }
    }
    return {
      functions: count,
      readyMs: round(median(ready)),
      firstCallMs: round(median(first)),
      warmCallMs: round(median(warm)),
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
