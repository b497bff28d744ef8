import { aggregate } from 'mingo';
import { isPlainObject, parseEjson, toCanonical, type Doc } from '../ejson';
import { evaluating, invalidParam } from '../errors';
import { findDocuments } from '../find';
import { queryOptions } from '../geo';
import { requireString, transactionIdOf, type RequestBody } from '../request';
import { replaceServerDates } from '../server-date';
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
  const rest = leadingMatch ? pipeline.slice(1) : pipeline;
  const out = evaluating(() =>
    aggregate(input, rest, {
      ...queryOptions,
      collectionResolver: (name) =>
        env.store.has(name) ? findDocuments(env.view(name, undefined), undefined, {}) : [],
    }),
  );
  return { data: { list: out.map(toCanonical) } };
}

function stagesOf(stages: unknown, now: number): Doc[] {
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
  return stages.map((stage, i) => {
    if (
      !isPlainObject(stage) ||
      typeof stage.stageKey !== 'string' ||
      !stage.stageKey.startsWith('$')
    ) {
      throw invalidParam(`stages[${i}] must be { stageKey, stageValue }`);
    }
    return {
      [stage.stageKey]: replaceServerDates(parseEjson(stage.stageValue, `stages[${i}]`), now),
    };
  });
}
