/**
 * The client database: what `wx.cloud.database()` requests get. Each request is judged by its
 * collection's rule (judge.ts) and, when allowed, passed to the same database the admin path
 * uses, after what production does for clients: `'{openid}'` replaced, `_openid` set on add,
 * at most 20 documents per get(), no transactions. A refusal answers
 * `DATABASE_PERMISSION_DENIED` / `Permission denied` (errCode -502003 on the client) and the
 * emulator log says why.
 */
import { randomUUID } from 'node:crypto';
import {
  ClientInputError,
  parseEjsonField,
  substituteOpenid,
  toEjson,
  type Doc,
} from './client-values';
import type { ForeignRead } from './aggregate-reads';
import { planRequest, type ClientPlan } from './client-plan';
import { judge, PERMISSION_DENIED, type Decision, type DocIdMode } from './judge';
import type { RuleSource } from './rule-source';
import { isRecord } from './values';

/** Most documents one client get() returns (and its default), as in production. */
export const CLIENT_GET_LIMIT = 20;

export interface ClientDatabaseDeps {
  /** The emulator database's admin entry point (never throws; errors are `{ code }` replies). */
  handle(body: Doc): Promise<Record<string, unknown>>;
  rules: RuleSource;
  docIdMode: DocIdMode;
  now(): number;
  log(message: string): void;
}

export interface ClientReply {
  reply: Record<string, unknown>;
  decision: Decision | undefined;
}

export async function handleClientRequest(
  body: unknown,
  openid: string,
  deps: ClientDatabaseDeps,
): Promise<ClientReply> {
  const requestId = randomUUID();
  let plan: ClientPlan;
  try {
    plan = planRequest(body, openid, deps.now());
  } catch (error) {
    if (error instanceof ClientInputError) {
      return {
        reply: { code: 'INVALID_PARAM', message: error.message, requestId },
        decision: undefined,
      };
    }
    throw error;
  }
  const readDocument = (collection: string, id: unknown) => readOne(deps, collection, id);
  const decision = await decide(plan, openid, deps, readDocument);
  if (decision.kind === 'deny') {
    deps.log(`client ${openid} ${plan.action} on ${plan.collection} refused: ${decision.reason}`);
    return {
      reply: { code: 'DATABASE_PERMISSION_DENIED', message: decision.message, requestId },
      decision,
    };
  }
  if (decision.kind === 'own-only') {
    const narrowed = await narrowToOwn(plan, openid, readDocument);
    if ('reply' in narrowed) return { reply: { ...narrowed.reply, requestId }, decision };
    return { reply: await deps.handle(narrowed.body), decision };
  }
  return { reply: await deps.handle(await plan.finalBody(readDocument)), decision };
}

async function decide(
  plan: ClientPlan,
  openid: string,
  deps: ClientDatabaseDeps,
  readDocument: (collection: string, id: unknown) => Promise<Doc | null>,
): Promise<Decision> {
  if (plan.refused) return { kind: 'deny', message: PERMISSION_DENIED, reason: plan.refused };
  const context = { openid, now: deps.now(), docIdMode: deps.docIdMode, readDocument };
  let result: Decision = { kind: 'allow' };
  for (const operation of await plan.operations(readDocument)) {
    const foreign = operation.kind === 'query' ? operation.foreign : undefined;
    const entry = deps.rules.ruleFor(foreign?.collection ?? plan.collection);
    if (entry.error) {
      return {
        kind: 'deny',
        message: PERMISSION_DENIED,
        reason: `rule file ${entry.file} is invalid: ${entry.error}`,
      };
    }
    const judged = await judge(entry.rule, operation, context);
    const decision = foreign ? foreignDecision(judged, foreign, openid) : judged;
    if (decision.kind === 'deny') return decision;
    if (decision.kind === 'own-only') result = decision;
  }
  return result;
}

/**
 * A stage reading another collection: refused as that collection's rule refuses it; under a
 * legacy PRIVATE rule, narrowed to the caller's documents when the stage's form allows it.
 */
function foreignDecision(decision: Decision, read: ForeignRead, openid: string): Decision {
  const where = `${read.via} reads ${read.collection}`;
  if (decision.kind === 'deny') return { ...decision, reason: `${where}: ${decision.reason}` };
  if (decision.kind === 'allow') return decision;
  if (!read.narrow) {
    return {
      kind: 'deny',
      message: PERMISSION_DENIED,
      reason: `${where}, whose preset allows only the caller's documents, and this form cannot be narrowed to them (use the pipeline form)`,
    };
  }
  read.narrow({ _openid: openid });
  return { kind: 'allow' };
}

/** One document by `_id` through the admin path; null when missing or unreadable. */
async function readOne(
  deps: ClientDatabaseDeps,
  collection: string,
  id: unknown,
): Promise<Doc | null> {
  const reply = await deps.handle({
    action: 'database.getDocument',
    collectionName: collection,
    queryType: 'DOC',
    query: toEjson({ _id: id }),
  });
  const data = reply.data as { list?: unknown[] } | undefined;
  const first = data?.list?.[0];
  if (typeof first !== 'string') return null;
  const doc = parseEjsonField(first, 'document');
  return isRecord(doc) ? doc : null;
}

/**
 * Legacy presets (PRIVATE reads, READONLY/PRIVATE writes) do not refuse: they act only on the
 * caller's documents. A `doc(id)` request on someone else's document answers as if it did not
 * exist (get: nothing; update/remove: 0 changed).
 */
async function narrowToOwn(
  plan: ClientPlan,
  openid: string,
  readDocument: (collection: string, id: unknown) => Promise<Doc | null>,
): Promise<{ body: Doc } | { reply: Record<string, unknown> }> {
  const body = await plan.finalBody(readDocument);
  if (plan.docId !== undefined) {
    const stored = await readDocument(plan.collection, plan.docId);
    const upsertsMissing = !stored && body.upsert === true;
    if (upsertsMissing || stored?._openid === openid) return { body };
    if (plan.action === 'database.getDocument') return { reply: { data: { list: [] } } };
    if (plan.action === 'database.removeDocument') return { reply: { data: { deleted: 0 } } };
    return { reply: { data: { updated: 0 } } };
  }
  const own = { _openid: openid };
  if (plan.action === 'database.aggregateDocuments') {
    const stages = Array.isArray(body.stages) ? body.stages : [];
    return {
      body: { ...body, stages: [{ stageKey: '$match', stageValue: toEjson(own) }, ...stages] },
    };
  }
  const query = parseEjsonField(body.query, 'query');
  const narrowed = isRecord(query) && Object.keys(query).length > 0 ? { $and: [query, own] } : own;
  return { body: { ...body, query: toEjson(substituteOpenid(narrowed, openid)) } };
}
