import { CLIENT_FIELD_MAX_LENGTH } from '../../../contract/src';
import type { ClientInfo } from '../../../contract/src';
import { isPlainObject, stripControlCharacters, truncateCharacters } from './text';

const CLIENT_FIELDS = ['platform', 'model', 'version'] as const;

/**
 * Device facts sent with login are display-only, so they are cleaned rather than refused:
 * unknown keys and non-strings are dropped, control characters stripped, lengths cut.
 */
export function sanitiseClient(input: unknown): ClientInfo | undefined {
  if (!isPlainObject(input)) return undefined;
  const client: ClientInfo = {};
  for (const key of CLIENT_FIELDS) {
    const value = input[key];
    if (typeof value !== 'string') continue;
    const clean = truncateCharacters(stripControlCharacters(value).trim(), CLIENT_FIELD_MAX_LENGTH);
    if (clean) client[key] = clean;
  }
  return Object.keys(client).length > 0 ? client : undefined;
}
