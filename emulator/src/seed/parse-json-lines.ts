import { EJSON } from 'bson';
import { isPlainObject } from '../shared/plain-object';
import { normalizeKeys } from './document-keys';
import { SeedError } from './seed-error';
import type { ParsedCollection } from './parsed-collection';

/** A pretty-printed document may span lines (the console docs' own example); not more than this. */
const MAX_LINES_PER_DOCUMENT = 10_000;

/**
 * The console's JSON export: JSON Lines, one document per line, dates as
 * `{"$date": "2018-08-31T17:30:00.882Z"}` (Extended JSON, relaxed or canonical). A document
 * that does not parse on its own line is joined with the following lines until it does, so the
 * multi-line objects of the import guide's example load too.
 */
export function parseJsonLines(text: string, file: string): ParsedCollection {
  const lines = stripBom(text).split(/\r?\n/);
  const docs: Record<string, unknown>[] = [];
  const origins: string[] = [];
  let index = 0;
  while (index < lines.length) {
    if ((lines[index] as string).trim() === '') {
      index++;
      continue;
    }
    const start = index;
    const { value, next } = readDocument(lines, start, file);
    index = next;
    if (!isPlainObject(value)) throw new SeedError(file, start + 1, 'a line must hold one object');
    docs.push(withKeysChecked(value, file, start + 1));
    origins.push(`${file} line ${start + 1}`);
  }
  return { docs, origins };
}

function readDocument(lines: string[], start: number, file: string) {
  let text = '';
  let firstError = '';
  const end = Math.min(lines.length, start + MAX_LINES_PER_DOCUMENT);
  for (let i = start; i < end; i++) {
    text += `${lines[i]}\n`;
    try {
      return { value: EJSON.parse(text, { relaxed: true }) as unknown, next: i + 1 };
    } catch (error) {
      firstError ||= (error as Error).message;
      // Only an object left open can continue on the next line.
      if (!text.trimStart().startsWith('{')) break;
    }
  }
  throw new SeedError(file, start + 1, `not a JSON document: ${firstError}`);
}

function withKeysChecked(doc: Record<string, unknown>, file: string, line: number) {
  try {
    return normalizeKeys(doc);
  } catch (error) {
    throw new SeedError(file, line, (error as Error).message);
  }
}

export const stripBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
