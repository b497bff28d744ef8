/** Importing one collection file as the cloud console's 导入 does (emulator/src/seed). */
import { request } from './client';

export type ImportMode = 'insert' | 'upsert' | 'replace';

export interface ImportResult {
  ok: true;
  collections: Array<{ name: string; inserted: number; updated: number; created: boolean }>;
}

export function importCollection(input: {
  collection: string;
  file: string;
  content: string;
  mode: ImportMode;
}): Promise<ImportResult> {
  const format = input.file.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
  return request<ImportResult>('POST', 'import', { ...input, format });
}
