/**
 * Timer triggers over HTTP: `GET /api/triggers` lists each with its next run (emulated ms);
 * `POST /api/triggers/<function>/<trigger>/run` fires one now and answers 202 at once (the
 * call is asynchronous, as a trigger's is; its result goes to the invocation log).
 */
import { consoleRoute } from '../http/console-route';
import { notFound } from '../http/http-error';
import { sendJson } from '../http/reply';
import type { RouteModule } from '../app/context';
import { timerEvent } from './scheduler';

export { readTimerTriggers, type TimerTrigger } from './config';
export { TriggerScheduler, timerEvent, type TriggerInfo, type TimerEvent } from './scheduler';

export const triggerRoutes: RouteModule = (ctx) => [
  consoleRoute('GET', '/api/triggers', () => ({
    automatic: ctx.triggers.automatic,
    now: ctx.clock.now(),
    triggers: ctx.triggers.list(),
  })),
  consoleRoute('POST', '/api/triggers/:function/:trigger/run', ({ params, res }) => {
    const fn = params.function ?? '';
    const trigger = params.trigger ?? '';
    const time = ctx.clock.now();
    const running = ctx.triggers.run(fn, trigger, time);
    if (!running) throw notFound(`no timer trigger "${trigger}" on function "${fn}"`);
    // Failures are in the invocation log; nothing waits for this promise.
    running.catch(() => undefined);
    sendJson(res, 202, { functionName: fn, trigger, event: timerEvent(trigger, time) });
    return undefined;
  }),
];
