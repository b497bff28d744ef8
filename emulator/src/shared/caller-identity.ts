/**
 * Who calls, as Cloud Development injects it into a function's context. Shared (not owned by
 * functions/) because function calls, client database requests and pushes all carry one.
 */
export interface CallerIdentity {
  openid: string;
  appid: string;
  unionid?: string;
  clientIp: string;
  /** `wx_client` for a mini program call; `wx_devtools`, `scf`... for others. */
  source: string;
}
