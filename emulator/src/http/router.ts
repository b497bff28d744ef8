/**
 * Matches a request to the first route whose pattern and method fit. Catch-alls (`/api/*`,
 * the console's `/*`) are tried after every other route, so the order modules are listed in
 * app/route-modules.ts never lets a catch-all hide a capability's route.
 */
import type { HttpMethod, Route } from './route-types';

export interface RouteMatch {
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

interface CompiledRoute {
  route: Route;
  methods: readonly HttpMethod[];
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        names.push('*');
        return '(.*)';
      }
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const methods = typeof route.method === 'string' ? [route.method] : route.method;
  return { route, methods, regex: new RegExp(`^${source}/?$`), names };
}

export type RouteLookup =
  | { kind: 'found'; route: Route; match: RouteMatch }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    const compiled = routes.map(compile);
    const isCatchAll = (c: CompiledRoute): boolean => c.names.includes('*');
    this.routes = [
      ...compiled.filter((c) => !isCatchAll(c)),
      ...compiled.filter((c) => isCatchAll(c)),
    ];
  }

  lookup(method: string, url: string): RouteLookup {
    const parsed = new URL(url, 'http://emulator.local');
    // Match the raw path and decode each parameter, so `%2F` inside a name stays in the name.
    const path = parsed.pathname;
    const allowed: HttpMethod[] = [];
    for (const compiled of this.routes) {
      const found = compiled.regex.exec(path);
      if (!found) continue;
      if (!compiled.methods.includes(method as HttpMethod)) {
        // A catch-all (`/*`, the console's static files) does not make every path a 405.
        if (!compiled.names.includes('*')) allowed.push(...compiled.methods);
        continue;
      }
      // A real route owns this path with other methods: that is a 405, not the catch-all.
      if (allowed.length > 0 && compiled.names.includes('*')) break;
      const params: Record<string, string> = {};
      try {
        compiled.names.forEach(
          (name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')),
        );
      } catch {
        return { kind: 'not-found' };
      }
      return {
        kind: 'found',
        route: compiled.route,
        match: { params, query: parsed.searchParams, path },
      };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}
