import type {
  AuthenticatedFunctionName,
  FunctionName,
  RequestOf,
  ResponseOf,
} from '../../../../contract/src/index';
import type { TypedCall } from '../call';
import { withRetry, type RetryTools } from './retry';
import type { CallOptions, LoadingIndicator, RetryPolicy } from './types';

/**
 * Built-in functions that are safe to repeat after a lost reply. login is not: it counts logins.
 * deleteAccount is, with the same token (the server resumes or answers "nothing left").
 */
const IDEMPOTENT_FUNCTIONS: ReadonlySet<string> = new Set<FunctionName>([
  'checkSession',
  'updateUserInfo',
  'logout',
  'deleteAccount',
]);

/** The request of an authenticated function without its token: the manager adds it. */
export type WithoutToken<N extends AuthenticatedFunctionName> = Omit<RequestOf<N>, 'token'>;

export interface TokenCallTools extends RetryTools {
  call: TypedCall;
  retry: RetryPolicy;
  loading: LoadingIndicator | null;
}

/**
 * One authenticated call with `token`: retried on network failures when idempotent, with an
 * optional loading indicator that is hidden whatever happens.
 */
export async function callWithToken<N extends AuthenticatedFunctionName>(
  tools: TokenCallTools,
  name: N,
  data: WithoutToken<N>,
  token: string,
  options: CallOptions,
): Promise<ResponseOf<N>> {
  // Omit<R, 'token'> & { token } is R, but TypeScript cannot see it for a generic N.
  const request = { ...data, token } as unknown as RequestOf<N>;
  const idempotent = options.idempotent ?? IDEMPOTENT_FUNCTIONS.has(name);
  const attempt = () => tools.call(name, request);
  if (options.loadingTitle) tools.loading?.show(options.loadingTitle);
  try {
    return idempotent ? await withRetry(attempt, tools.retry, tools) : await attempt();
  } finally {
    if (options.loadingTitle) tools.loading?.hide();
  }
}
