/**
 * Imported first by the function runner (runner.ts), before the function's module loads: the
 * function's own, unmodified code sees the emulator's clock through `Date.now()`, `new Date()`
 * and `Date()`. The host sends the offset with every invocation, so a warm instance follows a
 * clock that moved while it sat idle. Only the global binding is replaced (a Proxy of the real
 * Date): `instanceof Date`, `Date.prototype` and dates made by Node itself are unchanged.
 */
const RealDate = Date;
const realNow = Date.now.bind(Date);
let offsetMs = 0;
let frozenAtMs: number | undefined;

/** `frozenAt`: the emulator clock is frozen (EmulatorClock.freeze): every read returns it. */
export function setClockOffset(ms: number | undefined, frozenAt?: number): void {
  if (typeof ms === 'number' && Number.isFinite(ms)) offsetMs = ms;
  frozenAtMs = typeof frozenAt === 'number' && Number.isFinite(frozenAt) ? frozenAt : undefined;
}

const shiftedNow = (): number => frozenAtMs ?? realNow() + offsetMs;

const ShiftedDate = new Proxy(RealDate, {
  construct(target, args: unknown[], newTarget: (...a: unknown[]) => unknown) {
    return Reflect.construct(
      target,
      args.length === 0 ? [shiftedNow()] : args,
      newTarget,
    ) as object;
  },
  // `Date()` called without `new` returns the current time as text.
  apply() {
    return new RealDate(shiftedNow()).toString();
  },
  get(target, key, receiver) {
    if (key === 'now') return shiftedNow;
    return Reflect.get(target, key, receiver) as unknown;
  },
});

globalThis.Date = ShiftedDate;
