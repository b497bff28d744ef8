/** Message pushes (emulator/src/pushes): routes from message-push.json, deliveries, sending. */
import { request } from './client';

export interface PushRoute {
  msgType: string;
  event: string;
  function: string;
}

export interface PushDelivery {
  seq: number;
  functionName: string;
  event: Record<string, unknown>;
  ok: boolean;
  result?: unknown;
  errCode?: number;
  errMsg?: string;
  at: number;
}

export const pushesApi = {
  list: () => request<{ routes: PushRoute[]; deliveries: PushDelivery[] }>('GET', 'pushes'),
  send: (push: Record<string, unknown>) => request<PushDelivery>('POST', 'pushes', push),
};

/** Ready-made pushes in production's JSON format; `{openid}` is the chosen user. */
export const PUSH_TEMPLATES: ReadonlyArray<{
  label: string;
  build: (openid: string) => Record<string, unknown>;
}> = [
  {
    label: '客服消息：文本 text',
    build: (openid) => ({ MsgType: 'text', FromUserName: openid, Content: '你好' }),
  },
  {
    label: '客服消息：进入会话 user_enter_tempsession',
    build: (openid) => ({
      MsgType: 'event',
      Event: 'user_enter_tempsession',
      FromUserName: openid,
      SessionFrom: '',
    }),
  },
  {
    label: '授权撤回 user_authorization_revoke',
    build: (openid) => ({
      MsgType: 'event',
      Event: 'user_authorization_revoke',
      OpenID: openid,
      AppID: 'wx0000000000000000',
      RevokeInfo: '1',
    }),
  },
  {
    label: '内容安全结果 wxa_media_check',
    build: () => ({
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx0000000000000000',
      trace_id: `trace-${Date.now()}`,
      version: 2,
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: 100 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
    }),
  },
];
