/**
 * The storage rule view and playground: `GET /api/storage/rules` shows the bucket's rule in
 * force and where it comes from; `POST /api/storage/rules/playground` judges one mini program
 * storage request as an OPENID without reading, writing or deleting any file.
 */
import path from 'node:path';
import type { EmulatorContext } from '../app/context';
import { badRequest } from '../http/http-error';
import type { Route } from '../http/route-types';
import { isPlainObject } from '../shared/plain-object';
import { storageFor } from '../storage';
import { storagePlayground } from '../storage/storage-playground';
import { storageRuleToJson, type StorageRule } from '../storage/storage-rule';
import { STORAGE_RULES_FILE } from '../storage/storage-rule-source';
import { consoleRoute } from '../http/console-route';
import type { StoragePlaygroundResponse, StorageRulesResponse } from './types';

export function storageRulesRoutes(ctx: EmulatorContext): Route[] {
  const service = storageFor(ctx);
  return [
    consoleRoute('GET', '/api/storage/rules', (): StorageRulesResponse => {
      const entry = service.ruleInForce();
      const spelled = (value: StorageRule['read']) =>
        value.kind === 'constant' ? value.value : value.source;
      const response: StorageRulesResponse = {
        rule: storageRuleToJson(entry.rule),
        read: spelled(entry.rule.read),
        write: spelled(entry.rule.write),
        // Relative to the project: the page need not show local paths.
        file: entry.file ? path.relative(ctx.project.dir, entry.file) : null,
        expected: STORAGE_RULES_FILE,
      };
      if (entry.error) response.error = entry.error;
      return response;
    }),
    consoleRoute(
      'POST',
      '/api/storage/rules/playground',
      async ({ body }): Promise<StoragePlaygroundResponse> => {
        if (!isPlainObject(body)) throw badRequest('body must be { openid, operation, file }');
        return storagePlayground(service, body);
      },
    ),
  ];
}
