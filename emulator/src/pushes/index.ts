export { pushRoutes } from './routes';
export { deliverPush } from './deliver';
export { pushesFor } from './push-instance';
export { PushConfigError, PUSH_CONFIG_FILE, type PushRoute } from './push-config';
export type { PushDelivery, PushService } from './push-service';
export type { PushEvent } from './push-event';
