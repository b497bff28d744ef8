/**
 * How much one aggregate may build. Expressions that build arrays or strings charge what they
 * build (bounded-expressions.ts) to the running request's budget; between stages, and before a
 * document is answered, its size is counted (with an early stop, so a value that shares one
 * array many times, `['$x', '$x']` repeated, is counted as the tree it serializes to). Past a
 * limit the request fails with INVALID_PARAM naming the limit, instead of exhausting memory.
 */
import { invalidParam } from './errors';

/** Array elements and (64-character units of) string built by one request's expressions. */
export const MAX_BUILT_VALUES = 10_000_000;
/** Values in one document between two stages or in the answer. */
export const MAX_DOCUMENT_VALUES = 1_000_000;
/** Values in all documents of one aggregate's answer. */
export const MAX_ANSWER_VALUES = 5_000_000;

let left: number | undefined;

/** Runs one request's evaluation against a fresh budget (evaluation is synchronous). */
export function withWorkBudget<T>(work: () => T): T {
  const outer = left;
  left = MAX_BUILT_VALUES;
  try {
    return work();
  } finally {
    left = outer;
  }
}

/** Charges `amount` values about to be built by `what`; throws past the budget. */
export function charge(amount: number, what: string): void {
  const remaining = (left ?? MAX_BUILT_VALUES) - amount;
  if (remaining < 0) {
    throw invalidParam(
      `${what}: the aggregate would build more than ${MAX_BUILT_VALUES} values (add $limit or build less)`,
    );
  }
  if (left !== undefined) left = remaining;
}

/** Values in `value` counted as serialized, stopping once past `cap` (returns cap + 1 then). */
export function countValues(value: unknown, cap: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= cap) {
    const item = stack.pop();
    count += typeof item === 'string' ? 1 + Math.floor(item.length / 64) : 1;
    if (Array.isArray(item)) for (const child of item) stack.push(child);
    else if (item !== null && typeof item === 'object' && !(item instanceof Date))
      for (const child of Object.values(item)) stack.push(child);
  }
  return Math.min(count, cap + 1);
}

/** Throws when one document holds more than MAX_DOCUMENT_VALUES values. */
export function checkDocumentSize(doc: unknown, where: string): number {
  const count = countValues(doc, MAX_DOCUMENT_VALUES);
  if (count > MAX_DOCUMENT_VALUES) {
    throw invalidParam(`${where}: a document holds more than ${MAX_DOCUMENT_VALUES} values`);
  }
  return count;
}
