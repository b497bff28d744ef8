/**
 * Platform events the emulated WeChat side produces for the project (today `wxa_media_check`,
 * the verdict of security.mediaCheckAsync). Production pushes them to the function the project
 * configures for message pushes; delivering them is the push module's job, which registers
 * itself with `setDelivery`. Until one is registered, events wait here (bounded) and are
 * handed over on registration, so nothing produced before is lost.
 */

export interface PlatformPush {
  /** The push's `Event` (e.g. `wxa_media_check`). */
  event: string;
  appid: string;
  /** The message as production sends it (`ToUserName`, `CreateTime`, `MsgType: 'event'`...). */
  message: Record<string, unknown>;
}

export type PushDelivery = (push: PlatformPush) => unknown;

const MAX_WAITING = 1000;

export class PlatformPushes {
  private delivery: PushDelivery | undefined;
  private readonly waiting: PlatformPush[] = [];
  /** Every push produced (bounded), for tests and the console. */
  private readonly produced: PlatformPush[] = [];

  setDelivery(delivery: PushDelivery | undefined): void {
    this.delivery = delivery;
    if (!delivery) return;
    for (const push of this.waiting.splice(0)) this.deliver(push);
  }

  /** Queues one push; production delivers after the call that caused it has answered. */
  emit(push: PlatformPush): void {
    this.produced.push(push);
    if (this.produced.length > MAX_WAITING) this.produced.shift();
    if (!this.delivery) {
      this.waiting.push(push);
      if (this.waiting.length > MAX_WAITING) this.waiting.shift();
      return;
    }
    setImmediate(() => this.deliver(push));
  }

  list(): PlatformPush[] {
    return this.produced.map((push) => structuredClone(push));
  }

  /** Pushes produced while no delivery was registered. */
  undelivered(): PlatformPush[] {
    return this.waiting.map((push) => structuredClone(push));
  }

  private deliver(push: PlatformPush): void {
    try {
      void Promise.resolve(this.delivery?.(push)).catch(() => undefined);
    } catch {
      // A failing delivery must not break the cloud call that produced the push.
    }
  }
}
