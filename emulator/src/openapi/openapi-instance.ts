/** One OpenApiService per running emulator, shared by its admin action, routes and API. */
import type { EmulatorContext } from '../app/context';
import { OpenApiService } from './service';

const services = new WeakMap<EmulatorContext, OpenApiService>();

export function openapiFor(ctx: EmulatorContext): OpenApiService {
  let service = services.get(ctx);
  if (!service) {
    // Phone codes, cloud IDs and the customer-service window follow the emulator's movable clock.
    service = new OpenApiService({
      now: () => ctx.clock.now(),
      projectDir: ctx.project.dir,
      warn: (message) => ctx.logger.log('warn', message),
    });
    services.set(ctx, service);
  }
  return service;
}
