/**
 * EmulatorClock.freeze: the clock reads one exact millisecond until it runs again, so a test can
 * make a function read precisely the time it set (test/functions/expiry.test.ts). Real time is a
 * stand-in here so "it does not move" is checked, not assumed.
 */
import { ClockInputError, EmulatorClock, MAX_OFFSET_MS } from '../../../emulator/src/clock/clock';

function clockAt(start: number) {
  const real = { now: start };
  return { real, clock: new EmulatorClock(0, () => real.now) };
}

test('frozen, the clock reads the same millisecond however much real time passes', () => {
  const { real, clock } = clockAt(1_000_000);
  expect(clock.freeze(5_000_000)).toEqual({
    now: 5_000_000,
    offsetMs: 4_000_000,
    frozenAtMs: 5_000_000,
  });
  real.now += 12_345;
  expect(clock.now()).toBe(5_000_000);
  expect(clock.frozenAtMs).toBe(5_000_000);
});

test('advance moves a frozen clock and keeps it frozen; unfreeze runs on from there', () => {
  const { real, clock } = clockAt(1_000_000);
  clock.freeze(2_000_000);
  clock.advance(500);
  real.now += 10;
  expect(clock.now()).toBe(2_000_500);
  clock.unfreeze();
  expect(clock.frozenAtMs).toBeUndefined();
  real.now += 7;
  expect(clock.now()).toBe(2_000_507);
});

test('setOffset unfreezes; a freeze beyond ±100 years of real time is refused', () => {
  const { real, clock } = clockAt(1_000_000);
  clock.freeze(3_000_000);
  clock.setOffset(0);
  real.now += 1;
  expect(clock.state()).toEqual({ now: 1_000_001, offsetMs: 0 });
  expect(() => clock.freeze(1_000_001 + MAX_OFFSET_MS + 1)).toThrow(ClockInputError);
  expect(() => clock.freeze(1.5)).toThrow(ClockInputError);
});
