/**
 * Decides one client request against its collection's rule: allowed, refused with the reason,
 * or (legacy presets only) narrowed to the caller's own documents.
 */
import type { ForeignRead } from './aggregate-reads';
import { evaluateRule, type DocBinding, type EvalEnv } from './evaluate';
import { branchesOf, QueryTooComplexError, type Branch } from './query-constraints';
import { ruleValueFor, type CollectionRule, type Operation, type Preset } from './rule-file';

type Doc = Record<string, unknown>;

/** How `doc(id)` requests are judged (see docs/emulator.md): strict is the default. */
export const DOC_ID_MODES = ['strict', 'read-then-check'] as const;
export type DocIdMode = (typeof DOC_ID_MODES)[number];

export type ClientOperation =
  /**
   * where().get/count/update/remove and aggregate's first $match; `foreign` when an aggregate
   * stage reads another collection (judged by that collection's rule).
   */
  | {
      kind: 'query';
      operation: Exclude<Operation, 'create'>;
      query?: Doc;
      requestData?: unknown;
      foreign?: ForeignRead;
    }
  /** doc(id).get/update/remove; `stored` reads the document (read-then-check mode). */
  | {
      kind: 'doc';
      operation: Exclude<Operation, 'create'>;
      id: unknown;
      stored: () => Promise<Doc | null>;
      requestData?: unknown;
    }
  /** add(): the document as it will be written (with `_openid`). */
  | { kind: 'create'; document: Doc };

export type Decision =
  | { kind: 'allow' }
  | { kind: 'deny'; message: string; reason: string }
  /** Legacy presets: act only on the caller's documents (others are silently left out). */
  | { kind: 'own-only' };

export interface JudgeContext {
  openid: string;
  now: number;
  docIdMode: DocIdMode;
  readDocument: EvalEnv['readDocument'];
}

export const PERMISSION_DENIED = 'Permission denied';

const PRESET_TAGS: Record<Preset, string> = {
  READONLY: 'readOnly',
  PRIVATE: 'private',
  ADMINWRITE: 'adminWrite',
  ADMINONLY: 'adminOnly',
};

export async function judge(
  rule: CollectionRule,
  op: ClientOperation,
  ctx: JudgeContext,
): Promise<Decision> {
  const operation = op.kind === 'create' ? 'create' : op.operation;
  if (rule.kind === 'preset') return judgePreset(rule.preset, operation);
  const { key, value } = ruleValueFor(rule.keys, operation);
  if (value.kind === 'constant') {
    return value.value ? { kind: 'allow' } : deny(`rule "${key}" is false`);
  }
  const label = `rule "${key}" (${value.source})`;
  const env = (doc: DocBinding, requestData?: unknown): EvalEnv => ({
    auth: { openid: ctx.openid },
    now: ctx.now,
    requestData,
    doc,
    readDocument: ctx.readDocument,
  });
  const check = async (doc: DocBinding, requestData: unknown, what: string): Promise<Decision> => {
    const verdict = await evaluateRule(value.expr, env(doc, requestData));
    if (verdict.result === true) return { kind: 'allow' };
    const detail = verdict.notes.length > 0 ? verdict.notes.join('; ') : 'evaluates to false';
    return deny(`${label} ${what}: ${detail}`);
  };

  if (op.kind === 'create')
    return check({ kind: 'document', value: op.document }, op.document, 'on the new document');
  if (op.kind === 'doc' && ctx.docIdMode === 'read-then-check') {
    const stored = await op.stored();
    // Nothing stored: nothing to reveal or change (get reports "does not exist", update 0).
    if (!stored) return { kind: 'allow' };
    return check({ kind: 'document', value: stored }, op.requestData, 'on the stored document');
  }
  let branches: Branch[];
  if (op.kind === 'doc') {
    // Strict reading: the request carries only `{ _id }`, so only `_id` is known about the doc.
    branches = [[{ field: '_id', op: 'eq', value: op.id }]];
  } else {
    try {
      branches = branchesOf(op.query);
    } catch (error) {
      if (error instanceof QueryTooComplexError)
        return deny(`query too complex to judge: ${error.message}`);
      throw error;
    }
  }
  for (const [i, branch] of branches.entries()) {
    const where =
      branches.length > 1 ? `$or branch ${i + 1} of ${branches.length}` : 'on the query';
    const decision = await check(
      { kind: 'query', branch },
      op.requestData,
      `${where} ${describeBranch(branch)}`,
    );
    if (decision.kind !== 'allow') return decision;
  }
  return { kind: 'allow' };
}

function judgePreset(preset: Preset, operation: Operation): Decision {
  const denied = (): Decision => ({
    kind: 'deny',
    message: `Permission Denied: Your operation is not allowed base on the ACL tag (${PRESET_TAGS[preset]})`,
    reason: `preset ${preset} refuses ${operation} from the client`,
  });
  switch (preset) {
    case 'ADMINONLY':
      return denied();
    case 'ADMINWRITE':
      return operation === 'read' ? { kind: 'allow' } : denied();
    case 'READONLY':
      return operation === 'read' || operation === 'create'
        ? { kind: 'allow' }
        : { kind: 'own-only' };
    case 'PRIVATE':
      return operation === 'create' ? { kind: 'allow' } : { kind: 'own-only' };
  }
}

function deny(reason: string): Decision {
  return { kind: 'deny', message: PERMISSION_DENIED, reason };
}

function describeBranch(branch: Branch): string {
  if (branch.length === 0) return '{} (no condition)';
  const parts = branch.map((c) => `${c.field} ${c.op} ${safeJson(c.value)}`);
  return `{ ${parts.join(', ')} }`;
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return '?';
  }
}
