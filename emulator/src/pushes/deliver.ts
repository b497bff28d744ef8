/**
 * The one entry for other capabilities (e.g. `security.mediaCheckAsync` delivering its
 * `wxa_media_check` verdict): runs the function the project routes this push to and resolves
 * with what it did. Rejects with a 404 HttpError when no function is configured for the push,
 * or a 400 when the push lacks a required field. Production delivers pushes asynchronously:
 * a caller answering a request first should not await it (`.catch()` it instead).
 */
import type { EmulatorContext } from '../app/context';
import { pushesFor } from './push-instance';
import type { PushDelivery } from './push-service';

export function deliverPush(
  ctx: EmulatorContext,
  push: Record<string, unknown>,
): Promise<PushDelivery> {
  return pushesFor(ctx).deliver(push);
}
