// esbuild plugin: defer loading the parts of wx-server-sdk's dependency tree that these
// functions never use, so a cold start does not pay for them.
//
// Why: @cloudbase/node-sdk requires its AI client, the data-model/MySQL client and xml2js
// (storage XML replies) at the top of its modules. Bundled as is, all of it is parsed and run
// at every cold start. Each module below is replaced by a stand-in that loads the real,
// still-bundled module on first use, so nothing is lost for a function that does use them.
//
// The data-model client is special: node-sdk calls `generateHTTPClient(...)` in its
// constructor (inside a try/catch) and only stores the result as `app.models`. Its stand-in
// therefore defers that call too and returns an object that performs it on first access.

/** @type {Record<string, { importer: RegExp, esModule: boolean, deferredCalls?: string[] }>} */
const LAZY_MODULES = {
  './ai': { importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/, esModule: true },
  xml2js: { importer: /@cloudbase[\\/]node-sdk[\\/]/, esModule: false },
  '@cloudbase/wx-cloud-client-sdk': {
    importer: /@cloudbase[\\/]node-sdk[\\/]/,
    esModule: true,
    deferredCalls: ['generateHTTPClient'],
  },
};

const NAMESPACE = 'lazy-module';
const REAL = 'lazy-module-real';

function standIn(realPath, { esModule, deferredCalls = [] }) {
  return `
const load = (() => { let real; return () => (real ??= require(${JSON.stringify(realPath)})); })();
// An object whose properties are read from make() on first access.
const deferred = (make) => {
  let value;
  const get = () => (value ??= make());
  return new Proxy({}, {
    get: (_, key) => get()[key],
    has: (_, key) => key in get(),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Object.getOwnPropertyDescriptor(get(), key);
      if (d) d.configurable = true;
      return d;
    },
  });
};
const deferredCalls = new Set(${JSON.stringify(deferredCalls)});
const lazyDefault = new Proxy({}, {
  get: (_, key) =>
    deferredCalls.has(key) ? (...args) => deferred(() => load().default[key](...args)) : load().default[key],
});
module.exports = new Proxy({}, {
  get: (_, key) => {
    if (key === '__esModule') return ${esModule};
    if (key === 'default' && deferredCalls.size > 0) return lazyDefault;
    return load()[key];
  },
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Object.getOwnPropertyDescriptor(load(), key);
    if (d) d.configurable = true;
    return d;
  },
});
`;
}

/** @returns {import('esbuild').Plugin} */
export function lazyModules() {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve(
        { filter: /^(\.\/ai|xml2js|@cloudbase\/wx-cloud-client-sdk)$/ },
        async (args) => {
          const spec = LAZY_MODULES[args.path];
          if (!spec || args.pluginData === REAL || !spec.importer.test(args.importer))
            return undefined;
          const real = await build.resolve(args.path, {
            resolveDir: args.resolveDir,
            kind: args.kind,
            importer: args.importer,
            pluginData: REAL,
          });
          if (real.errors.length > 0) return { errors: real.errors };
          return { path: real.path, namespace: NAMESPACE, pluginData: spec };
        },
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: standIn(args.path, args.pluginData),
        loader: 'js',
      }));
      // The stand-in's require of the real file: resolve to it in the normal namespace.
      build.onResolve({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ path: args.path }));
    },
  };
}
