/**
 * The instances of one function, as SCF keeps them: reuse a warm idle instance, start another
 * when all are busy (up to a cap, then queue), reap instances idle for too long.
 */
import type { FunctionInstance } from './instance';

export interface PoolOptions {
  idleTimeoutMs: number;
  maxInstances: number;
  /** Starts a new instance (not yet ready). */
  spawn(): FunctionInstance;
  /** True when the instance's code changed on disk since it loaded. */
  isStale(instance: FunctionInstance): boolean;
}

export class InstancePool {
  private readonly all = new Set<FunctionInstance>();
  /** Most recently used last: warm reuse takes from the end, so surplus instances age out. */
  private idle: FunctionInstance[] = [];
  private readonly reapTimers = new Map<FunctionInstance, NodeJS.Timeout>();
  private waiters: Array<{
    resolve: (instance: FunctionInstance) => void;
    reject: (error: Error) => void;
  }> = [];
  private stopped = false;

  constructor(private readonly options: PoolOptions) {}

  get size(): number {
    return this.all.size;
  }

  /** A warm idle instance, or a new one once it is ready. */
  async acquire(): Promise<FunctionInstance> {
    if (this.stopped) throw new Error('the emulator is stopping');
    for (let instance = this.idle.pop(); instance; instance = this.idle.pop()) {
      this.clearReap(instance);
      if (instance.state !== 'idle') continue;
      if (this.options.isStale(instance)) {
        this.retire(instance);
        continue;
      }
      return instance;
    }
    if (this.all.size >= this.options.maxInstances) {
      return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    return this.start();
  }

  /** Back from an invocation: hand it to a waiting call, or keep it warm until reaped. */
  release(instance: FunctionInstance): void {
    if (instance.state !== 'idle' || this.stopped) {
      this.retire(instance);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(instance);
      return;
    }
    this.idle.push(instance);
    const timer = setTimeout(() => {
      this.reapTimers.delete(instance);
      this.retire(instance);
    }, this.options.idleTimeoutMs);
    timer.unref();
    this.reapTimers.set(instance, timer);
  }

  /** Forgets an instance (dead, stale or reaped) and kills it if still running. */
  retire(instance: FunctionInstance): void {
    this.clearReap(instance);
    this.idle = this.idle.filter((other) => other !== instance);
    if (!this.all.delete(instance)) return;
    void instance.kill();
    // A slot freed up: start an instance for a call that waited for one.
    const waiter = this.waiters.shift();
    if (waiter) this.start().then(waiter.resolve, waiter.reject);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const waiter of this.waiters) waiter.reject(new Error('the emulator is stopping'));
    this.waiters = [];
    const instances = [...this.all];
    for (const instance of instances) this.clearReap(instance);
    this.all.clear();
    this.idle = [];
    await Promise.all(instances.map((instance) => instance.kill()));
  }

  private async start(): Promise<FunctionInstance> {
    const instance = this.options.spawn();
    this.all.add(instance);
    try {
      await instance.ready;
    } catch (error) {
      this.retire(instance);
      throw error;
    }
    return instance;
  }

  private clearReap(instance: FunctionInstance): void {
    const timer = this.reapTimers.get(instance);
    if (timer) clearTimeout(timer);
    this.reapTimers.delete(instance);
  }
}
