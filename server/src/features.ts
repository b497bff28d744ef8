import type { Features } from '../../contract/src';
import type { ServerConfig } from './config';

/** The deployment's switches a client needs (login and checkSession answer with them). */
export function featuresOf(config: ServerConfig): Features {
  return { phoneBinding: config.phoneBindMaxPerDay > 0 };
}
