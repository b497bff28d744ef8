/** A real emulator (repo project, in memory, port 0) and a typed client for its console API. */
import { EJSON } from 'bson';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

export interface ApiReply<T> {
  status: number;
  body: T;
}

export interface ConsoleHarness {
  emu: RunningEmulator;
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiReply<T>>;
  /** One admin protocol call, as wx-server-sdk would send it. */
  admin(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Every document of a collection as canonical EJSON strings, in natural order. */
  rawDocuments(collection: string): Promise<string[]>;
}

export async function startHarness(): Promise<ConsoleHarness> {
  const emu = await startEmulator({ inMemory: true, port: 0 });
  const api = async <T>(method: string, path: string, body?: unknown): Promise<ApiReply<T>> => {
    const response = await fetch(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const admin = async (body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await fetch(emu.adminUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ envName: 'test', ...body }),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const rawDocuments = async (collection: string): Promise<string[]> => {
    const reply = await admin({
      action: 'database.getDocument',
      collectionName: collection,
      queryType: 'WHERE',
      limit: 1000,
    });
    const data = reply.data as { list: string[] };
    return data.list;
  };
  return { emu, api, admin, rawDocuments };
}

/** Inserts documents (BSON values allowed) through the admin protocol, like `add({data})`. */
export async function seed(
  h: ConsoleHarness,
  collection: string,
  docs: Record<string, unknown>[],
): Promise<void> {
  await h.admin({ action: 'database.addCollection', collectionName: collection });
  const reply = await h.admin({
    action: 'database.insertDocument',
    collectionName: collection,
    data: docs.map((doc) => EJSON.stringify(doc, { relaxed: false })),
  });
  if (reply.code) throw new Error(`seed failed: ${JSON.stringify(reply)}`);
}
