/**
 * Outermost middleware: whatever a later one throws becomes one reply of the one error shape
 * (HttpError.toBody). Unexpected errors are logged with their stack and answered as a 500
 * whose message has this machine's paths taken out.
 */
import type { Logger } from '../../logging/logger';
import { ERR_SYS, fromCodedError, type ErrorBody } from '../http-error';
import type { Middleware } from '../pipeline';
import type { PathScrubber } from '../public-message';
import { sendJson } from '../reply';

export function errorHandler(logger: Logger, withoutPaths: PathScrubber): Middleware {
  return async ({ req, res, method }, next) => {
    try {
      await next();
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const known = fromCodedError(error);
      if (known) {
        const body = known.toBody();
        sendJson(res, known.status, {
          ...body,
          message: withoutPaths(body.message),
          errMsg: withoutPaths(body.errMsg),
        });
        return;
      }
      logger.log(
        'error',
        `${method} ${req.url ?? ''} failed: ${(error as Error).stack ?? String(error)}`,
      );
      const message = `internal emulator error: ${withoutPaths((error as Error).message ?? String(error))}`;
      const body: ErrorBody = { code: 'SYS_ERR', message, errCode: ERR_SYS, errMsg: message };
      sendJson(res, 500, body);
    }
  };
}
