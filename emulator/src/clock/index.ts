/**
 * The clock's HTTP API: `GET /api/clock` -> `{ now, offsetMs }`; `PUT /api/clock` with
 * `{ "offsetMs": n }` (set) or `{ "advanceMs": n }` (n >= 0, move forward) -> the new state.
 */
import { consoleRoute } from '../http/console-route';
import { HttpError } from '../http/http-error';
import type { RouteModule } from '../app/context';
import { isPlainObject } from '../shared/plain-object';
import { ClockInputError, type ClockState, type EmulatorClock } from './clock';

export { EmulatorClock, ClockInputError, type ClockState } from './clock';

function change(clock: EmulatorClock, body: unknown): ClockState {
  const keys = isPlainObject(body) ? Object.keys(body) : [];
  if (!isPlainObject(body) || keys.length !== 1 || !['offsetMs', 'advanceMs'].includes(keys[0]!)) {
    throw new HttpError(
      400,
      'INVALID_CLOCK',
      'send exactly one of {"offsetMs": n} or {"advanceMs": n}',
    );
  }
  try {
    return 'offsetMs' in body ? clock.setOffset(body.offsetMs) : clock.advance(body.advanceMs);
  } catch (error) {
    if (error instanceof ClockInputError) throw new HttpError(400, error.code, error.message);
    throw error;
  }
}

export const clockRoutes: RouteModule = (ctx) => [
  consoleRoute('GET', '/api/clock', () => ctx.clock.state()),
  consoleRoute('PUT', '/api/clock', ({ body }) => change(ctx.clock, body)),
];
