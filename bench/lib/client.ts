// The mini program's session manager, loaded at run time. It is mini program code, type-checked
// by miniprogram/tsconfig.json against the wx typings; importing it statically would pull the
// `wx` global into the Node type check. These are the parts of its API the bench uses.
import path from 'node:path';
import { ROOT } from './paths';

export interface CloudCaller {
  callFunction(param: { name: string; data?: object }): Promise<{ result?: unknown }>;
}

export interface StorageLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export interface SessionManagerLike {
  ensureLogin(): Promise<unknown>;
  callAuthenticated(name: 'checkSession', data: Record<string, never>): Promise<unknown>;
}

export type ManagerFactory = (deps: {
  cloud: CloudCaller;
  storage: StorageLike;
  storageKey: string;
}) => SessionManagerLike;

export async function loadSessionManager(): Promise<ManagerFactory> {
  const modulePath = path.join(ROOT, 'client/src/lib/session/session-manager');
  const loaded = (await import(modulePath)) as {
    SessionManager: new (deps: Parameters<ManagerFactory>[0]) => SessionManagerLike;
  };
  return (deps) => new loaded.SessionManager(deps);
}
