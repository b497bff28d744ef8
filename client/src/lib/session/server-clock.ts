/**
 * The server's clock as seen from the phone: local time plus an offset, re-estimated from the
 * `serverTime` of every answer. Phones with a wrong clock are common, and users fix them: an
 * offset estimated once (at login) would then be 30 days off for the rest of the session.
 */
export class ServerClock {
  constructor(
    private readonly localNow: () => number,
    private offset = 0,
  ) {}

  get offsetMs(): number {
    return this.offset;
  }

  /** Server time now, judged from the local clock and the last estimate. */
  now(): number {
    return this.localNow() + this.offset;
  }

  /**
   * A new estimate from one answer: the server read its clock somewhere between sending and
   * receiving, so the midpoint halves the error a slow network adds. Returns the change (ms).
   */
  observe(serverTime: number, sentAt: number, receivedAt: number): number {
    const estimate = Math.round(serverTime - (sentAt + receivedAt) / 2);
    const change = estimate - this.offset;
    this.offset = estimate;
    return change;
  }
}
