// Before/after probe: two checkouts of this repository (each built with `npm run build`), their
// emulators started side by side in this one process, login measured on each in turn so both
// see the same machine load. Per round: 150 sequential logins (p50) and 150 logins from 4
// clients (logins per second), returning users. Not part of `npm run bench`: it needs two trees.
//
//   node bench/compare-login.mjs <before-checkout> <after-checkout> [rounds]
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [before, after, roundsArg] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/compare-login.mjs <before-checkout> <after-checkout> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 3);
const USERS = 100;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function login(emu, i) {
  const body = JSON.stringify({ data: {} });
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-wx-openid': `compare-${i % USERS}`,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${emu.url}/functions/login`,
      { method: 'POST', agent, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => (JSON.parse(text).result?.ok ? resolve() : reject(new Error(text))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function start(tree) {
  const { startEmulator } = await import(path.join(path.resolve(tree), 'emulator/dist/index.js'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'compare-login-'));
  return startEmulator({ project: path.resolve(tree), dataDir, port: 0 });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const emulators = { before: await start(before), after: await start(after) };
const results = { before: { p50Ms: [], perSec: [] }, after: { p50Ms: [], perSec: [] } };
try {
  for (let i = 0; i < USERS; i++) for (const emu of Object.values(emulators)) await login(emu, i);
  for (let r = 0; r < rounds; r++) {
    for (const [name, emu] of Object.entries(emulators)) {
      const times = [];
      for (let i = 0; i < 150; i++) {
        const started = process.hrtime.bigint();
        await login(emu, i);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      results[name].p50Ms.push(Math.round(median(times) * 100) / 100);
      let sent = 0;
      const started = process.hrtime.bigint();
      const client = async () => {
        while (sent < 150) await login(emu, (sent += 1) + 7);
      };
      await Promise.all([client(), client(), client(), client()]);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      results[name].perSec.push(Math.round(150 / seconds));
    }
  }
  console.log(JSON.stringify({ before, after, rounds, results }, null, 2));
} finally {
  for (const emu of Object.values(emulators)) await emu.stop();
}
