// How long /healthz takes to answer while hostile regex queries run (issue 10). Prints the
// median and worst of 20 rounds; each round sends 4 catastrophic-backtracking queries over a
// 40-character input and one /healthz request at the same time.
import { startEmulator } from '../emulator/src/index';
import { requestJson } from '../emulator/src/http/json-client';

const ROUNDS = 20;

async function main(): Promise<void> {
  const emu = await startEmulator({ inMemory: true });
  await emu.database.handle({ action: 'database.addCollection', collectionName: 'v' });
  await emu.database.handle({
    action: 'database.insertDocument',
    collectionName: 'v',
    data: [JSON.stringify({ name: 'a'.repeat(40) + '!' })],
  });
  const query = (pattern: string) =>
    requestJson(emu.adminUrl, {
      json: {
        action: 'database.getDocument',
        collectionName: 'v',
        queryType: 'WHERE',
        query: JSON.stringify({ name: { $regex: pattern } }),
      },
    });
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    const hostile = Promise.all(['^(a+)+$', '^(a|aa)+$', '(a|a)*$', '^(\\w+\\s?)*$'].map(query));
    await requestJson(`${emu.url}/healthz`, { method: 'GET' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    await hostile;
  }
  times.sort((a, b) => a - b);
  console.log(
    `healthz under hostile regex: median ${times[ROUNDS / 2]!.toFixed(1)} ms, worst ${times[ROUNDS - 1]!.toFixed(1)} ms (${ROUNDS} rounds)`,
  );
  await emu.stop();
}

void main();
