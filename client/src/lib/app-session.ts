import { SessionManager } from './session/session-manager';
import { wxSessionDeps } from './session/wx-deps';
import type { SessionDeps } from './session/types';

let instance: SessionManager | null = null;

/** Creates the app's one session manager (app.ts calls this in onLaunch). */
export function installSession(deps: SessionDeps = wxSessionDeps()): SessionManager {
  instance = new SessionManager(deps);
  return instance;
}

/** The app's session manager; created on first use if app.ts has not done it yet. */
export function appSession(): SessionManager {
  return instance ?? installSession();
}
