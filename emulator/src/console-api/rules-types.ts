/** The console's rules view and playground, as the API answers them (shared with the Vue console). */
import type { JsonValue } from './types';

export interface RuleInfo {
  collection: string;
  /** The rule object or preset name in force. */
  rule: JsonValue;
  /** File it came from (relative to the project), or null: the default for a new collection. */
  file: string | null;
  /** Set when the file is broken (every client request on the collection is refused). */
  error?: string;
}

export interface RulesResponse {
  /** The rules folder, relative to the project. */
  dir: string;
  docIdMode: 'strict' | 'read-then-check';
  rules: RuleInfo[];
}

export type PlaygroundOperationName =
  'get' | 'count' | 'add' | 'update' | 'set' | 'remove' | 'aggregate';

export interface PlaygroundRequest {
  openid: string;
  collection: string;
  operation: PlaygroundOperationName;
  docId?: string;
  query?: JsonValue;
  data?: JsonValue;
}

export interface PlaygroundResponse {
  allowed: boolean;
  decision: 'allow' | 'deny' | 'own-only' | 'invalid';
  reason: string;
  rule: JsonValue;
}
