/**
 * `GET /api/project`: which project the console serves (its header names it; with several
 * emulators open, each tab says whose data it shows). Names only, no folder of this machine.
 */
import type { EmulatorContext } from '../app/context';
import { consoleRoute } from '../http/console-route';
import type { Route } from '../http/route-types';

export interface ProjectResponse {
  name: string;
  layout: string;
  envId: string;
}

export function projectRoutes(ctx: EmulatorContext): Route[] {
  return [
    consoleRoute('GET', '/api/project', (): ProjectResponse => ({
      name: ctx.project.name,
      layout: ctx.project.layout,
      envId: ctx.project.envId,
    })),
  ];
}
