/** One seed file's documents, each with where it came from (`users.json line 3`). */
export interface ParsedCollection {
  docs: Record<string, unknown>[];
  origins: string[];
}
