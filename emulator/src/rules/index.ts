/** Security rules and the client database they guard (see service.ts and docs/emulator.md). */
export { createClientRules, DEFAULT_RULES_SUBDIR } from './service';
export type { ClientRules, PlaygroundAnswer, RuleListing, RulesOptions } from './service';
export { clientDatabaseRoutes, CLIENT_DATABASE_PATH } from './routes';
export { DOC_ID_MODES, type DocIdMode } from './judge';
export { RuleFileError } from './rule-file';
export type { PlaygroundInput } from './playground';
