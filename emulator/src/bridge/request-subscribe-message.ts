/**
 * `wx.requestSubscribeMessage` for Node tests of a mini program: the simulated user taps 允许
 * for every template asked, which gives the user one send per one-time template (the emulator's
 * acceptance quota, `POST /api/subscriptions`). Assign it next to the bridge's wx.cloud:
 *
 *   wx.requestSubscribeMessage = createRequestSubscribeMessage({ url, openid: () => cloud.openid });
 */
import { postJson } from './emulator-client';
import { promiseOrCallbacks, wxError, type WxApiError, type WxCallbacks } from './wx-api';

export interface RequestSubscribeMessageOptions {
  url: string;
  /** The user who accepts (read on every request, so it follows a changed bridge openid). */
  openid: () => string;
  accessToken?: string;
}

export type SubscribeAnswer = Record<string, string> & { errMsg: 'requestSubscribeMessage:ok' };

const API = 'requestSubscribeMessage';
/** Production's errCode when a template id does not exist for the mini program. */
const NO_TEMPLATE = 20001;

export function createRequestSubscribeMessage(options: RequestSubscribeMessageOptions) {
  return (request: { tmplIds: string[] } & WxCallbacks<SubscribeAnswer>) =>
    promiseOrCallbacks(
      request,
      async () => {
        const endpoint = {
          url: options.url,
          openid: options.openid(),
          accessToken: options.accessToken,
        };
        const { status, body } = await postJson(endpoint, '/api/subscriptions', {
          openid: endpoint.openid,
          templateIds: request.tmplIds,
        });
        const answer = body as { result?: Record<string, string>; message?: string };
        if (status !== 200 || !answer.result) {
          const message = answer.message ?? `HTTP ${status}`;
          throw wxError(API, message.startsWith(String(NO_TEMPLATE)) ? NO_TEMPLATE : -1, message);
        }
        return { ...answer.result, errMsg: 'requestSubscribeMessage:ok' } as SubscribeAnswer;
      },
      (cause): WxApiError =>
        wxError(API, -1, `request:fail ${(cause as Error)?.message ?? String(cause)}`),
    );
}
