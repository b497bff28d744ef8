import type { WxContext } from './cloud';

/** Who is calling, as CloudBase injected it. Never taken from the event. */
export interface Identity {
  openid: string;
  appid?: string;
  unionid?: string;
}

function text(value: unknown): string | undefined {
  // getWXContext turns numeric-looking values into numbers; ids are strings again here.
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function identityFrom(context: WxContext): Identity | undefined {
  const openid = text(context.OPENID);
  if (!openid) return undefined;
  const identity: Identity = { openid };
  const appid = text(context.APPID);
  const unionid = text(context.UNIONID);
  if (appid) identity.appid = appid;
  if (unionid) identity.unionid = unionid;
  return identity;
}
