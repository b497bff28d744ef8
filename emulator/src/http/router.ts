/** Matches a request to the first route whose pattern and method fit. */
import type { HttpMethod, Route, RouteMatch } from './route-types';

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
    this.routes = routes.map(compile);
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
