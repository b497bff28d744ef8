import type { SessionSnapshot } from './types';

export type Listener = (snapshot: SessionSnapshot) => void;

/** The current snapshot and the pages listening to it. */
export class SessionState {
  private readonly listeners = new Set<Listener>();

  constructor(private snapshot: SessionSnapshot) {}

  get(): SessionSnapshot {
    return this.snapshot;
  }

  /** Calls `listener` on every change; returns the function that unsubscribes it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    // A copy: a listener may unsubscribe while being called.
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}
