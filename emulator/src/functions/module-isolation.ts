/**
 * Inside a function process: modules resolve only from the function's own folder, as after an
 * upload (SCF gets the folder, nothing above it). Node would otherwise walk up to any parent
 * `node_modules` (a monorepo's, the user's home), so a function that works here fails in the
 * cloud with "Cannot find module". A module found only outside is named in one warning line;
 * `refuse` then fails the require as the cloud does, `warn` lets it load.
 */
import Module from 'node:module';
import path from 'node:path';

export type ParentModules = 'refuse' | 'warn';

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
interface ModuleInternals {
  _nodeModulePaths(from: string): string[];
  _resolveFilename: Resolve;
}

function isBare(request: string): boolean {
  return !request.startsWith('.') && !path.isAbsolute(request) && !request.startsWith('node:');
}

export function isolateModules(
  functionDir: string,
  mode: ParentModules,
  warn: (text: string) => void,
): void {
  const internals = Module as unknown as ModuleInternals;
  const inside = (file: string): boolean =>
    file === functionDir || file.startsWith(functionDir + path.sep);
  const allPaths = internals._nodeModulePaths;
  let confined = true;
  // The lookup folders of every module loaded from the function folder stop at that folder.
  internals._nodeModulePaths = function nodeModulePaths(this: unknown, from: string) {
    const paths = allPaths.call(this, from);
    return confined && inside(from) ? paths.filter(inside) : paths;
  };
  const resolve = internals._resolveFilename;
  const warned = new Set<string>();
  internals._resolveFilename = function resolveFilename(this: unknown, request, parent, ...rest) {
    try {
      return resolve.call(this, request, parent, ...rest);
    } catch (error) {
      const from = (parent as { filename?: string } | undefined)?.filename;
      const notFound = (error as { code?: string }).code === 'MODULE_NOT_FOUND';
      if (!notFound || !from || !inside(from) || !isBare(request)) throw error;
      let outside: string;
      confined = false;
      try {
        outside = resolve.call(this, request, parent, rest[0], { paths: [path.dirname(from)] });
      } catch {
        throw error;
      } finally {
        confined = true;
      }
      if (!warned.has(request)) {
        warned.add(request);
        warn(
          `module "${request}" is not in the function's folder: it resolves from ${outside}, ` +
            `which an upload leaves out (the cloud answers "Cannot find module"); add it to ` +
            `${path.join(functionDir, 'package.json')} and run npm install there` +
            (mode === 'warn' ? '' : ' (refused here as in the cloud)'),
        );
      }
      if (mode === 'refuse') throw error;
      return outside;
    }
  } as Resolve;
}
