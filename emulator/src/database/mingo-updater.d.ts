// mingo publishes its updater as a subpath export ("mingo/updater"), which the repo's
// "moduleResolution": "node" cannot see; its declarations are the package's own.
declare module 'mingo/updater' {
  export * from 'mingo/types/updater';
}
