import type { CallOutcome } from '../functions/host';
import type { CallerIdentity } from '../functions/invocation-env';
import { DEFAULT_APPID } from '../functions/invocation-env';
import { notFound } from '../http/http-error';
import { pairName, PUSH_CONFIG_FILE, type PushRoute } from './push-config';
import { fromUser, pushEvent, type PushEvent } from './push-event';

/** What a push did: which function ran with which event, and its outcome. */
export interface PushDelivery {
  seq: number;
  functionName: string;
  event: PushEvent;
  ok: boolean;
  /** The invocation's request id (none when the function could not be found or started). */
  requestId?: string;
  /** The function's return value (production ignores it beyond "success"). */
  result?: unknown;
  errCode?: number;
  errMsg?: string;
  at: number;
}

export interface PushServiceOptions {
  routes: PushRoute[];
  now: () => number;
  invoke: (name: string, event: unknown, identity: CallerIdentity) => Promise<CallOutcome>;
  withoutPaths: (text: string) => string;
}

/** The recent deliveries the console lists; older ones are forgotten. */
const KEPT_DELIVERIES = 100;

/**
 * Routes a push to the function configured for its <MsgType, Event> and runs it there. For a
 * user's message the function's WeChat context carries `OPENID` = `FromUserName` (the official
 * customer-service sample replies to `getWXContext().OPENID`); a platform event carries none.
 * SOURCE is `wx_message_push`, this emulator's label: production does not document it.
 */
export class PushService {
  readonly routes: readonly PushRoute[];
  private readonly recent: PushDelivery[] = [];
  private seq = 0;
  private readonly userMessageListeners: ((openid: string, atMs: number) => void)[] = [];

  constructor(private readonly options: PushServiceOptions) {
    this.routes = options.routes;
  }

  routeOf(msgType: string, event = ''): PushRoute | undefined {
    return this.routes.find(
      (r) => r.msgType === msgType && r.event === (msgType === 'event' ? event : ''),
    );
  }

  deliveries(): PushDelivery[] {
    return [...this.recent];
  }

  /**
   * Told of every push a user caused (a customer-service message, entering the chat): the
   * cloud calls' 48-hour reply window opens then, as production's does.
   */
  onUserMessage(listener: (openid: string, atMs: number) => void): void {
    this.userMessageListeners.push(listener);
  }

  /** Runs the function message-push.json routes this push's <MsgType, Event> to. */
  async deliver(input: unknown): Promise<PushDelivery> {
    const event = pushEvent(input, this.options.now());
    const route = this.routeOf(event.MsgType, event.Event);
    if (!route) {
      throw notFound(
        `no function receives ${pairName({ msgType: event.MsgType, event: event.Event ?? '' })} pushes: ` +
          `declare one in ${PUSH_CONFIG_FILE} (docs/emulator-seed-and-pushes.md)`,
      );
    }
    return this.run(route.function, event);
  }

  /**
   * Runs the push on the named function whatever message-push.json says: the console's
   * 授权变更推送 card (`POST /api/functions/:name/push`) names onUserAuthorizationChange itself.
   * Its event and context are built exactly as for a routed push.
   */
  deliverTo(functionName: string, input: unknown): Promise<PushDelivery> {
    return this.run(functionName, pushEvent(input, this.options.now()));
  }

  private async run(functionName: string, event: PushEvent): Promise<PushDelivery> {
    if (fromUser(event)) {
      for (const listener of this.userMessageListeners)
        listener(event.FromUserName, event.CreateTime * 1000);
    }
    const outcome = await this.options.invoke(functionName, event, {
      // A platform event has no caller: no OPENID, as the authorization push has always run.
      openid: fromUser(event) ? event.FromUserName : '',
      appid: DEFAULT_APPID,
      clientIp: '',
      source: 'wx_message_push',
    });
    const delivery: PushDelivery = {
      seq: ++this.seq,
      functionName,
      event,
      at: this.options.now(),
      ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
      ...(outcome.ok
        ? { ok: true, result: JSON.parse(outcome.resultJson) as unknown }
        : {
            ok: false,
            errCode: outcome.errCode,
            errMsg: this.options.withoutPaths(outcome.errMsg),
          }),
    };
    this.recent.push(delivery);
    if (this.recent.length > KEPT_DELIVERIES) this.recent.shift();
    return delivery;
  }
}
