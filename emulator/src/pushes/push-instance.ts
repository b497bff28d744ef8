/** One PushService per running emulator, shared by its routes, `emu.pushes` and deliverPush. */
import { findFunction } from '../config/cloudbaserc';
import type { EmulatorContext } from '../app/context';
import { readPushRoutes } from './push-config';
import { PushService } from './push-service';

const services = new WeakMap<EmulatorContext, PushService>();

/** Throws PushConfigError for a bad message-push.json: startEmulator calls it before listening. */
export function pushesFor(ctx: EmulatorContext): PushService {
  let service = services.get(ctx);
  if (!service) {
    service = new PushService({
      routes: readPushRoutes(ctx.project.dir, (fn) => findFunction(ctx.project, fn) !== undefined),
      // CreateTime follows the emulator's movable clock, like everything the app sees.
      now: () => ctx.clock.now(),
      // A push is passed as production sends it: no `userInfo` as a client call gets.
      invoke: (name, event, identity) =>
        ctx.functions.invoke(name, event, identity, { rawEvent: true }),
      withoutPaths: ctx.withoutPaths,
    });
    services.set(ctx, service);
  }
  return service;
}
