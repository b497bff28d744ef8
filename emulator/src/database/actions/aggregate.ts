import { isPlainObject, parseEjson, toCanonical, type Doc } from '../ejson';
import { evaluating, invalidParam } from '../errors';
import { findDocuments } from '../find';
import { Aggregator, queryOptions } from '../mingo-options';
import { requireString, transactionIdOf, type RequestBody } from '../request';
import { MAX_AGGREGATE_OUTPUT, MAX_AGGREGATE_STAGES, boundQuery } from '../request-bounds';
import { replaceServerDates } from '../server-date';
import { SIZE_GUARD } from '../size-guard';
import { MAX_ANSWER_VALUES, checkDocumentSize, withWorkBudget } from '../work-budget';
import type { ActionEnv, ActionReply } from './env';

/**
 * database.aggregateDocuments: `stages` is `[{ stageKey: "$match", stageValue: "<EJSON>" }]`.
 * mingo runs the pipeline; a leading `$match` is answered by the indexed scan first, and
 * `$lookup` reads the other collection (empty when it does not exist).
 */
export function aggregateDocuments(body: RequestBody, env: ActionEnv): ActionReply {
  const collection = requireString(body, 'collectionName');
  const view = env.view(collection, transactionIdOf(body));
  const pipeline = stagesOf(body.stages, env.now);
  const first = pipeline[0];
  const leadingMatch = first && isPlainObject(first.$match) ? first.$match : undefined;
  const input = findDocuments(view, leadingMatch, {});
  const rest = guarded(pipeline, leadingMatch ? 1 : 0);
  const out = evaluating(() =>
    withWorkBudget(() => {
      const stream = new Aggregator(rest, {
        ...queryOptions,
        collectionResolver: (name) =>
          env.store.has(name) ? findDocuments(env.view(name, undefined), undefined, {}) : [],
      }).stream(input);
      // Streamed, so an exploding $lookup/$unwind stops at the cap instead of filling memory.
      const list: unknown[] = [];
      let values = 0;
      for (const doc of stream as Iterable<unknown>) {
        if (list.length === MAX_AGGREGATE_OUTPUT) {
          throw invalidParam(
            `aggregate output exceeds ${MAX_AGGREGATE_OUTPUT} documents: add $limit`,
          );
        }
        values += checkDocumentSize(doc, 'aggregate output');
        if (values > MAX_ANSWER_VALUES) {
          throw invalidParam(
            `aggregate output holds more than ${MAX_ANSWER_VALUES} values: add $limit`,
          );
        }
        list.push(doc);
      }
      return list;
    }),
  );
  return { data: { list: out.map(toCanonical) } };
}

/** The stages after the first `from`, each followed by the size check (size-guard.ts). */
function guarded(pipeline: Doc[], from: number): Doc[] {
  return pipeline
    .slice(from)
    .flatMap((stage, i) => [
      stage,
      { [SIZE_GUARD]: `stages[${from + i}] (${Object.keys(stage)[0]})` },
    ]);
}

function stagesOf(stages: unknown, now: number): Doc[] {
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
  if (stages.length > MAX_AGGREGATE_STAGES) {
    throw invalidParam(`a pipeline may have at most ${MAX_AGGREGATE_STAGES} stages`);
  }
  return stages.map((stage, i) => {
    if (
      !isPlainObject(stage) ||
      typeof stage.stageKey !== 'string' ||
      !stage.stageKey.startsWith('$')
    ) {
      throw invalidParam(`stages[${i}] must be { stageKey, stageValue }`);
    }
    const value = replaceServerDates(parseEjson(stage.stageValue, `stages[${i}]`), now);
    // A $match is a query: its regexes run on the linear-time engine, its lists are capped.
    const bounded = stage.stageKey === '$match' && isPlainObject(value) ? boundQuery(value) : value;
    return { [stage.stageKey]: bounded };
  });
}
