import { EJSON } from 'bson';
import type { Envelope } from '../../../contract/src';
import { createWxCloud } from '../../../emulator/src';
import type { Caller, FunctionsHarness } from './harness';

const ejson = (value: unknown) => EJSON.stringify(value, { relaxed: false });

async function handle(fx: FunctionsHarness, body: Record<string, unknown>) {
  const reply = await fx.emulator.database.handle(body);
  if (reply.code) throw new Error(`${String(body.action)} failed: ${JSON.stringify(reply)}`);
  return reply;
}

/** The mini program's client database as this user (the bridge: real @cloudbase/database). */
export function clientDb(fx: FunctionsHarness, caller: Caller) {
  return createWxCloud({ url: fx.emulator.url, openid: caller.openid }).database();
}

/**
 * Adds a document through the client database with no rules applied (the console's default,
 * 仅创建者可读写): what any user can do straight from the mini program. The client SDK path
 * stamps the caller's `_openid` on it.
 */
export async function clientInsert(
  fx: FunctionsHarness,
  collection: string,
  caller: Caller,
  doc: Record<string, unknown>,
): Promise<void> {
  await fx.emulator.database.handle({
    action: 'database.addCollection',
    collectionName: collection,
  });
  await clientDb(fx, caller).collection(collection).add({ data: doc });
}

/** Adds a document as someone in the cloud console would (admin rights, no `_openid`). */
export async function consoleInsert(
  fx: FunctionsHarness,
  collection: string,
  doc: Record<string, unknown>,
): Promise<void> {
  await fx.emulator.database.handle({
    action: 'database.addCollection',
    collectionName: collection,
  });
  await handle(fx, {
    action: 'database.insertDocument',
    collectionName: collection,
    data: [ejson(doc)],
  });
}

/** Sets fields as someone editing the record in the cloud console would. */
export async function consoleSet(
  fx: FunctionsHarness,
  collection: string,
  query: Record<string, unknown>,
  fields: Record<string, unknown>,
): Promise<void> {
  await handle(fx, {
    action: 'database.modifyDocument',
    collectionName: collection,
    queryType: 'WHERE',
    query: ejson(query),
    data: ejson(fields),
    merge: true,
  });
}

/** Uploads a file as a mini program user (wx.cloud.uploadFile through the bridge's route). */
export async function uploadAs(fx: FunctionsHarness, caller: Caller, cloudPath: string) {
  const response = await fetch(
    `${fx.emulator.url}/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`,
    { method: 'PUT', headers: { 'x-wx-openid': caller.openid }, body: Buffer.from(cloudPath) },
  );
  const body = (await response.json()) as { fileID?: string };
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.fileID;
}

/** Whether storage still holds the file (temp URL lookup answers status 0). */
export async function fileExists(fx: FunctionsHarness, fileID: string): Promise<boolean> {
  const response = await fetch(`${fx.emulator.url}/storage/temp-urls`, {
    method: 'POST',
    headers: { 'x-wx-openid': 'o-probe', 'content-type': 'application/json' },
    body: JSON.stringify({ fileList: [fileID] }),
  });
  const body = (await response.json()) as { fileList: Array<{ status: number }> };
  return body.fileList[0]?.status === 0;
}

/** Calls until the answer is not INTERNAL (a database fault), at most `max` times. */
export async function retryInternal<T>(
  attempt: () => Promise<Envelope<T>>,
  max: number,
): Promise<{ envelope: Envelope<T>; attempts: number }> {
  let envelope: Envelope<T> | undefined;
  for (let attempts = 1; attempts <= max; attempts += 1) {
    envelope = await attempt();
    if (envelope.ok || envelope.error.code !== 'INTERNAL') return { envelope, attempts };
  }
  throw new Error(`still INTERNAL after ${max} attempts: ${JSON.stringify(envelope)}`);
}

/**
 * What the mini program does to change its avatar: ask for an upload path, upload there.
 * Resolves the file ID to save with updateUserInfo.
 */
export async function uploadAvatarAs(fx: FunctionsHarness, caller: Caller, token: string) {
  const reply = await fx.call<{ cloudPath: string }>('reserveAvatarUpload', { token }, caller);
  if (!reply.ok) throw new Error(`reserveAvatarUpload failed: ${JSON.stringify(reply.error)}`);
  return uploadAs(fx, caller, reply.data.cloudPath);
}
