/**
 * The rules view and playground: `GET /api/rules` lists the rule in force for every collection
 * (stored or with a rule file); `POST /api/rules/playground` judges one client request as an
 * OPENID without changing data.
 */
import path from 'node:path';
import type { EmulatorContext } from '../app/context';
import { badRequest } from '../http/http-error';
import type { Route } from '../http/route-types';
import { isPlainObject } from '../shared/plain-object';
import { consoleRoute } from '../http/console-route';
import type { PlaygroundRequest, PlaygroundResponse, RulesResponse } from './rules-types';

export function rulesRoutes(ctx: EmulatorContext): Route[] {
  return [
    consoleRoute('GET', '/api/rules', async (): Promise<RulesResponse> => {
      const collections = (await ctx.database.listCollections()).map((c) => c.name);
      // Relative to the project: the page (and its screenshots) need not show local paths.
      const dir = path.relative(ctx.project.dir, ctx.rules.dir) || '.';
      return { dir, docIdMode: ctx.rules.docIdMode, rules: ctx.rules.list(collections) };
    }),
    consoleRoute('POST', '/api/rules/playground', async ({ body }): Promise<PlaygroundResponse> => {
      if (!isPlainObject(body)) {
        throw badRequest('body must be { openid, collection, operation, docId?, query?, data? }');
      }
      return ctx.rules.playground(body as unknown as PlaygroundRequest);
    }),
  ];
}
