import { EJSON } from 'bson';
import { parse } from 'csv-parse/sync';
import { normalizeKeys } from './document-keys';
import { stripBom } from './parse-json-lines';
import { SeedError } from './seed-error';
import type { ParsedCollection } from './parsed-collection';

/**
 * The console's CSV export/import: the first row names the fields (`a.b` is a nested field),
 * every other row is one document. CSV has no types, so a cell becomes a number when it is one
 * (`45`, `-1.5`), `true`/`false` a boolean, a cell holding a JSON object or array that value
 * (Extended JSON, so `{"$date":"..."}` is a date), an empty cell no field; `_id` stays text.
 */
export function parseCsv(text: string, file: string): ParsedCollection {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // `info` adds each record's line number (csv-parse's typings do not follow the option).
    rows = parse(stripBom(text), {
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SeedError(file, line, `not valid CSV: ${(error as Error).message}`);
  }
  const header = rows[0];
  if (!header) return { docs: [], origins: [] };
  const names = header.record.map((name) => name.trim());
  if (new Set(names).size !== names.length)
    throw new SeedError(file, header.info.lines, 'the header row names a field twice');
  try {
    normalizeKeys(Object.fromEntries(names.map((name) => [name, 0])));
  } catch (error) {
    throw new SeedError(file, header.info.lines, `header row: ${(error as Error).message}`);
  }
  const docs: Record<string, unknown>[] = [];
  const origins: string[] = [];
  for (const { record, info } of rows.slice(1)) {
    const flat: Record<string, unknown> = {};
    record.forEach((cell, column) => {
      if (cell !== '') flat[names[column] as string] = cellValue(names[column] as string, cell);
    });
    try {
      docs.push(normalizeKeys(flat));
    } catch (error) {
      throw new SeedError(file, info.lines, (error as Error).message);
    }
    origins.push(`${file} line ${info.lines}`);
  }
  return { docs, origins };
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function cellValue(name: string, cell: string): unknown {
  if (name === '_id') return cell;
  if (NUMBER.test(cell)) return Number(cell);
  if (cell === 'true' || cell === 'false') return cell === 'true';
  if (/^\s*[[{]/.test(cell)) {
    try {
      return EJSON.parse(cell, { relaxed: true });
    } catch {
      return cell; // text that only looks like JSON stays text
    }
  }
  return cell;
}
