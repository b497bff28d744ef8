// esbuild plugin: defer loading the parts of wx-server-sdk's dependency tree that these
// functions never use, so a cold start does not pay for them (measured in docs/functions.md).
//
// Why: @cloudbase/node-sdk requires its AI client, the data-model/MySQL client, xml2js
// (storage XML replies), axios (metadata probes outside SCF), jsonwebtoken (custom login
// tickets) and form-data (uploads) at the top of its modules. Bundled as is, all of it is
// parsed and run at every cold start. Each module below is replaced by a stand-in that loads
// the real, still-bundled module on first use, so a function that does use them loses nothing.
//
// The AI client is not bundled at all (`excluded`): it and what only it needs (@cloudbase/app,
// the mini program adapter, web-streams-polyfill...) are about 300 KB of the 1 MB budget, and
// these functions never call `app.ai()`. Its stand-in throws a clear error on first use instead.
// To bundle it, drop `excluded` from its entry below.
//
// Every module listed here is an internal of @cloudbase/node-sdk: the versions are pinned in
// package.json and test/functions/unit/bundle-internals.test.ts fails, naming the internal,
// when an upgrade stops requiring one of them the way this plugin expects.
//
// The data-model client is special: node-sdk calls `generateHTTPClient(...)` in its
// constructor (inside a try/catch) and only stores the result as `app.models`. Its stand-in
// defers that call too and returns an object that performs it on first access.

const NODE_SDK = /@cloudbase[\\/]node-sdk[\\/]dist[\\/]/;

/**
 * Module -> whether it is an ES-module transpiled to CJS (`__esModule`, answered without
 * loading it so `__importDefault` does not force a load), calls to defer, and whether it is
 * left out of the bundle (`excluded`: what to tell a function that uses it anyway).
 * @type {Record<string, { esModule: boolean, deferredCalls?: string[], excluded?: string }>}
 */
export const LAZY_MODULES = {
  './ai': { esModule: true, excluded: 'the AI client (app.ai())' },
  '@cloudbase/wx-cloud-client-sdk': { esModule: true, deferredCalls: ['generateHTTPClient'] },
  xml2js: { esModule: false },
  axios: { esModule: false },
  jsonwebtoken: { esModule: false },
  'form-data': { esModule: false },
};

const NAMESPACE = 'lazy-module';
const REAL = 'lazy-module-real';
const FILTER = new RegExp(
  `^(${Object.keys(LAZY_MODULES)
    .map((m) => m.replace(/[./]/g, (c) => `\\${c}`))
    .join('|')})$`,
);

// The stand-in is a Proxy over a plain function, so the real export may be an object, a
// function (axios) or a class (form-data); traps keep the Proxy invariants for the target's
// own non-configurable `prototype`.
function standIn(realPath, { esModule, deferredCalls = [], excluded }) {
  const load = excluded
    ? `const load = () => { throw new Error(${JSON.stringify(
        `wx-cloud-login: ${excluded} is not bundled into this function (see server/build/lazy-modules.mjs)`,
      )}); };`
    : `const load = (() => { let real; return () => (real ??= (process.env.WXCL_LAZY_DEBUG && console.log("lazy load", ${JSON.stringify(realPath)}, new Error().stack.split(String.fromCharCode(10)).slice(2,6).join(" | ")), require(${JSON.stringify(realPath)}))); })();`;
  return `
${load}
const lazy = (get, esModule, overrides) => {
  const target = function () {};
  const fixed = (key) => { const d = Reflect.getOwnPropertyDescriptor(target, key); return d && !d.configurable ? d : undefined; };
  return new Proxy(target, {
    get: (_, key) => {
      if (key === '__esModule' && esModule !== undefined) return esModule;
      return (overrides && overrides(key)) || get()[key];
    },
    has: (_, key) => key in get(),
    apply: (_, self, args) => Reflect.apply(get(), self, args),
    construct: (_, args) => Reflect.construct(get(), args),
    ownKeys: () => [...new Set([...Reflect.ownKeys(get()), ...Reflect.ownKeys(target).filter(fixed)])],
    getOwnPropertyDescriptor: (_, key) => {
      const own = fixed(key);
      if (own) return own;
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      if (d) d.configurable = true;
      return d;
    },
  });
};
const memo = (make) => { let value; return () => (value ??= make()); };
const deferredCalls = new Set(${JSON.stringify(deferredCalls)});
const lazyDefault = lazy(() => load().default, undefined, (key) =>
  deferredCalls.has(key) ? (...args) => lazy(memo(() => load().default[key](...args))) : undefined,
);
module.exports = lazy(load, ${esModule}, (key) => (key === 'default' && deferredCalls.size > 0 ? lazyDefault : undefined));
`;
}

/**
 * @param {{ onReplace?: (specifier: string, importer: string) => void }} [options]
 *   `onReplace` hears of each module the plugin swaps for a stand-in (the internals guard test).
 * @returns {import('esbuild').Plugin}
 */
export function lazyModules(options = {}) {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: FILTER }, async (args) => {
        const spec = LAZY_MODULES[args.path];
        if (!spec || args.pluginData === REAL || !NODE_SDK.test(args.importer)) return undefined;
        const real = await build.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          importer: args.importer,
          pluginData: REAL,
        });
        if (real.errors.length > 0) return { errors: real.errors };
        options.onReplace?.(args.path, args.importer);
        return { path: real.path, namespace: NAMESPACE, pluginData: spec };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: standIn(args.path, args.pluginData),
        loader: 'js',
      }));
      // The stand-in's require of the real file: resolve to it in the normal namespace.
      build.onResolve({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ path: args.path }));
    },
  };
}
