/**
 * The collections a client aggregate reads besides the one it names: `$lookup` (both forms),
 * `$graphLookup`, `$unionWith`, and any of these inside `$lookup`, `$unionWith` or `$facet`
 * sub-pipelines. Each read is judged by its collection's `read` rule, on the query that the
 * read itself applies (a sub-pipeline's leading `$match`, `restrictSearchWithMatch`); a read
 * with no such query is judged as reading the whole collection. Stages that write
 * (`$out`, `$merge`) or that the emulator does not know are refused: what cannot be proven is
 * not run.
 */
import { isRecord } from './values';

type Doc = Record<string, unknown>;

export interface ForeignRead {
  collection: string;
  /** Where in the pipeline, for the refusal message (`stages[1].$lookup`). */
  via: string;
  /** The condition the read applies to the foreign documents, if any. */
  query?: Doc;
  /**
   * Limits the read to the caller's documents (a legacy PRIVATE collection), by rewriting the
   * stage in place; absent when the stage's form cannot be narrowed.
   */
  narrow?: (own: Doc) => void;
}

export type PipelineReads = { reads: ForeignRead[] } | { refused: string };

/** Stages that read nothing but their input (documents flowing through the pipeline). */
const INPUT_ONLY = new Set([
  '$match',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$group',
  '$sort',
  '$limit',
  '$skip',
  '$unwind',
  '$count',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$sample',
  '$replaceRoot',
  '$replaceWith',
  '$redact',
  '$geoNear',
  '$setWindowFields',
  '$densify',
  '$fill',
]);

class Refusal extends Error {}

/** The foreign reads of a pipeline (stages as `{ $stage: value }`), or why it is refused. */
export function foreignReads(stages: Doc[]): PipelineReads {
  try {
    const reads: ForeignRead[] = [];
    walk(stages, 'stages', reads, 0);
    return { reads };
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.message };
    throw error;
  }
}

const MAX_NESTING = 8;

function walk(stages: unknown, where: string, reads: ForeignRead[], depth: number): void {
  if (depth > MAX_NESTING) throw new Refusal(`sub-pipelines nested more than ${MAX_NESTING} deep`);
  if (!Array.isArray(stages)) throw new Refusal(`${where} must be an array of stages`);
  stages.forEach((stage, i) => {
    const keys = isRecord(stage) ? Object.keys(stage) : [];
    const key = keys[0];
    if (!isRecord(stage) || keys.length !== 1 || key === undefined)
      throw new Refusal(`${where}[${i}] must be one stage`);
    const via = `${where}[${i}].${key}`;
    const spec = stage[key];
    if (INPUT_ONLY.has(key)) return;
    switch (key) {
      case '$lookup':
        return lookup(spec, via, reads, depth);
      case '$graphLookup':
        return graphLookup(spec, via, reads);
      case '$unionWith':
        return unionWith(stage, spec, via, reads, depth);
      case '$facet':
        if (!isRecord(spec)) throw new Refusal(`${via} must be an object`);
        for (const [name, sub] of Object.entries(spec))
          walk(sub, `${via}.${name}`, reads, depth + 1);
        return;
      case '$out':
      case '$merge':
        throw new Refusal(`${via} writes to a collection: not available to the client`);
      default:
        throw new Refusal(`${via} is not a stage the rules can judge`);
    }
  });
}

function collectionOf(value: unknown, via: string): string {
  if (typeof value !== 'string' || value === '') throw new Refusal(`${via} must name a collection`);
  return value;
}

/** A sub-pipeline's own condition: its leading `$match`, as aggregate() itself is judged. */
function leadingMatch(pipeline: unknown): Doc | undefined {
  const first: unknown = Array.isArray(pipeline) ? pipeline[0] : undefined;
  return isRecord(first) && isRecord(first.$match) ? first.$match : undefined;
}

function lookup(spec: unknown, via: string, reads: ForeignRead[], depth: number): void {
  if (!isRecord(spec)) throw new Refusal(`${via} must be an object`);
  const collection = collectionOf(spec.from, `${via}.from`);
  const joins = spec.localField !== undefined || spec.foreignField !== undefined;
  if (spec.pipeline !== undefined) walk(spec.pipeline, `${via}.pipeline`, reads, depth + 1);
  const read: ForeignRead = { collection, via, query: leadingMatch(spec.pipeline) };
  // The pipeline form (without a join) reads through its pipeline, which a $match can head.
  // The localField form's candidates depend on each input document: nothing to prepend to.
  if (!joins) {
    read.narrow = (own) => {
      spec.pipeline = [{ $match: own }, ...((spec.pipeline as unknown[] | undefined) ?? [])];
    };
  }
  reads.push(read);
}

function graphLookup(spec: unknown, via: string, reads: ForeignRead[]): void {
  if (!isRecord(spec)) throw new Refusal(`${via} must be an object`);
  const collection = collectionOf(spec.from, `${via}.from`);
  const restrict = isRecord(spec.restrictSearchWithMatch)
    ? spec.restrictSearchWithMatch
    : undefined;
  reads.push({
    collection,
    via,
    query: restrict,
    narrow: (own) => {
      spec.restrictSearchWithMatch = restrict ? { $and: [restrict, own] } : own;
    },
  });
}

function unionWith(
  stage: Doc,
  spec: unknown,
  via: string,
  reads: ForeignRead[],
  depth: number,
): void {
  const form = isRecord(spec) ? spec : { coll: spec };
  const collection = collectionOf(form.coll, `${via}.coll`);
  if (form.pipeline !== undefined) walk(form.pipeline, `${via}.pipeline`, reads, depth + 1);
  reads.push({
    collection,
    via,
    query: leadingMatch(form.pipeline),
    narrow: (own) => {
      const pipeline = Array.isArray(form.pipeline) ? form.pipeline : [];
      stage.$unionWith = { ...form, pipeline: [{ $match: own }, ...pipeline] };
    },
  });
}
