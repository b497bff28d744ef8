/** One OpenApiService per running emulator, shared by its admin action, routes and API. */
import type { EmulatorContext } from '../http/context';
import { OpenApiService } from './service';

const services = new WeakMap<EmulatorContext, OpenApiService>();

export function openapiFor(ctx: EmulatorContext): OpenApiService {
  let service = services.get(ctx);
  if (!service) {
    // TODO(clock): follow the emulator clock once it lands (issue 11).
    service = new OpenApiService(() => Date.now());
    services.set(ctx, service);
  }
  return service;
}
