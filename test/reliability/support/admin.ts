// The TCB admin protocol, spoken directly (as wx-server-sdk does) for seeding and inspecting
// data in the reliability suites: queries travel as canonical Extended JSON strings.
import { EJSON, type Document } from 'bson';
import { parseJson, postJson } from './http';

export interface AdminReply {
  data?: { list?: string[]; insertedIds?: string[]; total?: number; updated?: number };
  code?: string;
  message?: string;
}

const ejson = (value: unknown) => EJSON.stringify(value, { relaxed: false });

export class AdminClient {
  constructor(private readonly adminUrl: string) {}

  async send(body: Record<string, unknown>, timeoutMs = 30_000): Promise<AdminReply> {
    const reply = await postJson(this.adminUrl, body, {}, timeoutMs);
    const parsed = parseJson(reply.body) as AdminReply | undefined;
    if (reply.status !== 200 || !parsed)
      throw new Error(`admin HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
    return parsed;
  }

  async addCollection(name: string): Promise<void> {
    await this.send({ action: 'database.addCollection', collectionName: name });
  }

  /** Inserts documents; resolves with the ids the server acknowledged. */
  async insert(collection: string, docs: Document[]): Promise<string[]> {
    const reply = await this.send({
      action: 'database.insertDocument',
      collectionName: collection,
      data: docs.map(ejson),
    });
    if (reply.code) throw new Error(`${reply.code}: ${reply.message ?? ''}`);
    return reply.data?.insertedIds ?? [];
  }

  /** Every document matching `query` (paged, at most `maxDocs`). */
  async find(collection: string, query: Document = {}, maxDocs = 20_000): Promise<Document[]> {
    const out: Document[] = [];
    for (let offset = 0; offset < maxDocs; offset += 1000) {
      const reply = await this.send({
        action: 'database.getDocument',
        collectionName: collection,
        queryType: 'WHERE',
        query: ejson(query),
        order: ejson({ _id: 1 }),
        offset,
        limit: 1000,
      });
      if (reply.code) throw new Error(`${reply.code}: ${reply.message ?? ''}`);
      const page = (reply.data?.list ?? []).map(
        (item) => EJSON.parse(item, { relaxed: true }) as Document,
      );
      out.push(...page);
      if (page.length < 1000) break;
    }
    return out;
  }
}
