/**
 * Child process of durability.test.ts: writes documents one by one and prints `ack <id>` only
 * after the database acknowledged each one, until it is killed (bounded to 100000 writes).
 */
import { openDatabase } from '../../../../emulator/src/database';

async function main(): Promise<void> {
  const db = openDatabase({ dataDir: process.argv[2] });
  await db.handle({ action: 'database.addCollection', collectionName: 'acks' });
  for (let i = 0; i < 100_000; i += 1) {
    const id = `doc-${i}`;
    const reply = await db.handle({
      action: 'database.insertDocument',
      collectionName: 'acks',
      data: [JSON.stringify({ _id: id, i: { $numberInt: String(i) } })],
    });
    if (reply.code) throw new Error(JSON.stringify(reply));
    process.stdout.write(`ack ${id}\n`);
  }
}

void main();
