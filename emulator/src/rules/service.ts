/**
 * The emulator's security rules: where they come from, the client database that they guard,
 * the listing the console shows, and the playground that judges without touching data.
 */
import path from 'node:path';
import { ClientInputError } from './client-values';
import { handleClientRequest, type ClientDatabaseDeps, type ClientReply } from './client-database';
import { DOC_ID_MODES, type DocIdMode } from './judge';
import { playgroundBody, type PlaygroundInput } from './playground';
import { RuleFileError, ruleToJson, type RuleJson } from './rule-file';
import { RuleSource } from './rule-source';

export interface RulesOptions {
  /** Project folder; rules default to `<project>/database/security-rules`. */
  projectDir: string;
  /** `--rules <dir>`. */
  rulesDir?: string;
  /** `--rules-doc-id`, default strict. */
  docIdMode?: DocIdMode;
  /** The emulator database's admin entry point. */
  handle: ClientDatabaseDeps['handle'];
  log(message: string): void;
  now?: () => number;
}

export interface RuleListing {
  collection: string;
  rule: RuleJson;
  /** Path relative to the project, or null for the default rule. */
  file: string | null;
  error?: string;
}

export interface PlaygroundAnswer {
  allowed: boolean;
  /** allow, deny, or own-only (a legacy preset that acts only on the caller's documents). */
  decision: 'allow' | 'deny' | 'own-only' | 'invalid';
  reason: string;
  rule: RuleJson;
}

export interface ClientRules {
  readonly dir: string;
  readonly docIdMode: DocIdMode;
  handle(body: unknown, openid: string): Promise<ClientReply>;
  list(collections: string[]): RuleListing[];
  playground(input: PlaygroundInput): Promise<PlaygroundAnswer>;
}

export const DEFAULT_RULES_SUBDIR = path.join('database', 'security-rules');

/** Builds the rules and checks every rule file; a bad one throws RuleFileError (one line). */
export function createClientRules(options: RulesOptions): ClientRules {
  const dir = path.resolve(options.projectDir, options.rulesDir ?? DEFAULT_RULES_SUBDIR);
  const docIdMode = options.docIdMode ?? 'strict';
  if (!(DOC_ID_MODES as readonly string[]).includes(docIdMode)) {
    throw new RuleFileError(
      `--rules-doc-id must be ${DOC_ID_MODES.join(' or ')} (got "${docIdMode}")`,
    );
  }
  const source = new RuleSource(dir);
  source.checkAll();
  const deps: ClientDatabaseDeps = {
    handle: options.handle,
    rules: source,
    docIdMode,
    now: options.now ?? Date.now,
    log: options.log,
  };
  // The playground judges only: the database is read (get(), read-then-check) but never written.
  const readOnly: ClientDatabaseDeps = {
    ...deps,
    log: () => undefined,
    handle: async (body) =>
      body.action === 'database.getDocument'
        ? options.handle(body)
        : { data: {}, requestId: 'playground' },
  };
  const display = (file: string | undefined) =>
    file ? path.relative(options.projectDir, file) || file : null;
  return {
    dir,
    docIdMode,
    handle: (body, openid) => handleClientRequest(body, openid, deps),
    list(collections) {
      const names = [...new Set([...collections, ...source.collectionsWithFiles()])].sort();
      return names.map((collection) => {
        const entry = source.ruleFor(collection);
        const listing: RuleListing = {
          collection,
          rule: ruleToJson(entry.rule),
          file: display(entry.file),
        };
        if (entry.error) listing.error = entry.error;
        return listing;
      });
    },
    async playground(input) {
      const rule = ruleToJson(source.ruleFor(String(input.collection ?? '')).rule);
      let body;
      try {
        body = playgroundBody(input);
      } catch (error) {
        if (!(error instanceof ClientInputError)) throw error;
        return { allowed: false, decision: 'invalid', reason: error.message, rule };
      }
      const { reply, decision } = await handleClientRequest(body, input.openid, readOnly);
      if (!decision)
        return { allowed: false, decision: 'invalid', reason: String(reply.message), rule };
      const reason =
        decision.kind === 'deny'
          ? decision.reason
          : decision.kind === 'own-only'
            ? "legacy preset: only the caller's documents are read or changed (others are silently left out)"
            : 'the rule allows it';
      return { allowed: decision.kind !== 'deny', decision: decision.kind, reason, rule };
    },
  };
}
