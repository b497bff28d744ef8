/** One OpenApiService per running emulator, shared by its admin action, routes and API. */
import type { EmulatorContext } from '../app/context';
import { OpenApiService } from './service';

const services = new WeakMap<EmulatorContext, OpenApiService>();

export function openapiFor(ctx: EmulatorContext): OpenApiService {
  let service = services.get(ctx);
  if (!service) {
    // Issued phone codes expire by the emulator's movable clock.
    service = new OpenApiService(() => ctx.clock.now());
    services.set(ctx, service);
  }
  return service;
}
