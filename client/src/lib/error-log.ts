import { isSessionRejection, type CloudCallError } from './cloud-error';

/** wx, when running inside WeChat (or a test that installs it); undefined in plain Node. */
function runtime(): WechatMiniprogram.Wx | undefined {
  return typeof wx === 'undefined' ? undefined : wx;
}

/** One line with everything needed to diagnose a failed call; no token or request data. */
export function describeForLog(error: CloudCallError): string {
  const parts = [`[wx-cloud-login] ${error.functionName} failed: ${error.code}`];
  if (error.errCode !== undefined) parts.push(`errCode=${error.errCode}`);
  if (error.errMsg) parts.push(`errMsg=${error.errMsg}`);
  if (error.details?.requestId) parts.push(`requestId=${error.details.requestId}`);
  return parts.join(' ');
}

/**
 * Logs a failed call to the console and to the realtime log (管理后台 → 开发管理 → 实时日志), so
 * a misconfigured env id or an undeployed function is visible, not just "请求失败". A rejected
 * session (recovered by one login) and a refused field (shown next to it) are routine: warn only.
 */
export function logCallFailure(error: CloudCallError): void {
  const line = describeForLog(error);
  const routine = isSessionRejection(error.code) || error.code === 'INVALID_ARGUMENT';
  if (routine) console.warn(line);
  else console.error(line);
  try {
    const log = runtime()?.getRealtimeLogManager?.();
    if (!log) return;
    if (routine) log.warn(line);
    else log.error(line);
  } catch {
    // The realtime log is best effort: a logging failure must not become the call's failure.
  }
}

/** True in DevTools and 开发版 builds: users of 体验版/正式版 never see raw error codes. */
export function isDevelopBuild(): boolean {
  try {
    return runtime()?.getAccountInfoSync?.().miniProgram.envVersion === 'develop';
  } catch {
    return false;
  }
}

/** The message a page shows: the Chinese text, plus the raw errCode/errMsg in development. */
export function displayMessage(error: CloudCallError, develop: boolean = isDevelopBuild()): string {
  if (!develop || (error.errCode === undefined && !error.errMsg)) return error.message;
  const raw = [error.errCode, error.errMsg].filter((part) => part !== undefined && part !== '');
  return `${error.message}（${raw.join(' ')}）`;
}
