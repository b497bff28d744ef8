/**
 * Type test (compiled by `npm run typecheck`, never run): the built declarations describe the
 * programmatic API and the client database's shapes, and reject wrong calls.
 */
import { createWxCloud, startEmulator, type BridgeDatabase } from '../../../emulator/dist/index';

export async function typedUse(): Promise<number> {
  const emu = await startEmulator({ inMemory: true, rulesDocId: 'strict' });
  const db: BridgeDatabase = createWxCloud({ url: emu.url, openid: 'o' }).database();
  const _ = db.command;
  const page = await db
    .collection('users')
    .where({ age: _.gt(1) })
    .limit(5)
    .get();
  const one = await db.collection('users').doc('x').get();
  const added = await db.collection('users').add({ data: { at: db.serverDate() } });
  const stats = await db
    .collection('users')
    .where({})
    .update({ data: { n: _.inc(1) } });
  // @ts-expect-error add() takes { data }, as in the mini program
  await db.collection('users').add({ n: 1 });
  // @ts-expect-error the switch has two values
  await startEmulator({ rulesDocId: 'lenient' });
  return (
    page.data.length + Object.keys(one.data).length + String(added._id).length + stats.stats.updated
  );
}
