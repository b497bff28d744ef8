import { isCloudCallError } from './cloud-error';
import { displayMessage } from './error-log';

/** A page or component with a `busy` flag and a `message` line (the `this` of its methods). */
interface BusyHost {
  setData(data: { busy?: boolean; message?: string }): void;
}

/**
 * Runs one request with `busy` set; a failure becomes a Chinese message on `host`: the call's
 * own message for a failed cloud call, `fallback` for anything else.
 */
export async function runBusy(
  host: BusyHost,
  request: () => Promise<void>,
  fallback: string,
): Promise<void> {
  host.setData({ busy: true, message: '' });
  try {
    await request();
  } catch (error) {
    host.setData({ message: isCloudCallError(error) ? displayMessage(error) : fallback });
  } finally {
    host.setData({ busy: false });
  }
}
