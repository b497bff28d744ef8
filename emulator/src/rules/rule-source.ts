/**
 * Where rules come from: `<dir>/<collection>.json` (default `<project>/database/security-rules`).
 * Every file is checked when the emulator starts (a bad one stops it with one line naming the
 * file and the problem); afterwards a file is re-read whenever its modification time or size
 * changes, so editing a rule takes effect on the next request. A file that turns bad while
 * running refuses every client request on its collection (and the log says why) rather than
 * falling back to something more permissive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileRule, DEFAULT_RULE, RuleFileError, type CollectionRule } from './rule-file';

export interface RuleInForce {
  collection: string;
  rule: CollectionRule;
  /** The file it came from, or undefined for the default (no file). */
  file?: string;
  /** Set when the file is broken: every client request on the collection is refused. */
  error?: string;
}

interface Cached {
  stamp: string;
  entry: RuleInForce;
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export class RuleSource {
  private readonly cache = new Map<string, Cached>();

  constructor(readonly dir: string) {}

  /** Checks every rule file; throws RuleFileError naming the first bad one. */
  checkAll(): RuleInForce[] {
    return this.collectionsWithFiles().map((collection) => {
      const entry = this.ruleFor(collection);
      if (entry.error) throw new RuleFileError(`${entry.file}: ${entry.error}`);
      return entry;
    });
  }

  collectionsWithFiles(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((name) => COLLECTION_NAME.test(name))
      .sort();
  }

  ruleFor(collection: string): RuleInForce {
    if (!COLLECTION_NAME.test(collection)) return { collection, rule: DEFAULT_RULE };
    const file = path.join(this.dir, `${collection}.json`);
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.cache.delete(collection);
      return { collection, rule: DEFAULT_RULE };
    }
    const cached = this.cache.get(collection);
    if (cached?.stamp === stamp) return cached.entry;
    const entry = load(collection, file);
    this.cache.set(collection, { stamp, entry });
    return entry;
  }
}

function load(collection: string, file: string): RuleInForce {
  try {
    const text = readFileSync(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch (error) {
      throw new RuleFileError(`not valid JSON: ${(error as Error).message}`);
    }
    return { collection, file, rule: compileRule(json) };
  } catch (error) {
    const message =
      error instanceof RuleFileError ? error.message : `cannot read: ${(error as Error).message}`;
    return { collection, file, rule: { kind: 'custom', keys: {} }, error: message };
  }
}
