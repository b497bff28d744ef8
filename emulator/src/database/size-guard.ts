/**
 * The stage aggregate.ts puts after every stage of a pipeline: each document that leaves a stage
 * is counted (work-budget.ts), so a pipeline that grows its documents stage by stage fails at
 * the first stage past the limit, naming it, instead of exhausting memory later.
 */
import type { Iterator } from 'mingo/lazy';
import { checkDocumentSize } from './work-budget';

export const SIZE_GUARD = '$emulatorSizeGuard';

/** `{ $emulatorSizeGuard: "<where>" }`: passes documents through, counting each. */
export const $emulatorSizeGuard = (collection: Iterator, where: unknown): Iterator =>
  collection.map((doc) => {
    checkDocumentSize(doc, String(where));
    return doc;
  });
