export interface BulkheadLimits {
  /** Tasks allowed to run at once. */
  maxConcurrent: number;
  /** Tasks allowed to wait for a slot; one more is refused at once. */
  maxQueued: number;
}

/** Thrown by {@link Bulkhead.run} when every slot is busy and the queue is full. */
export class BulkheadFullError extends Error {
  constructor(readonly bulkhead: string) {
    super(`${bulkhead}: every slot is busy and the queue is full`);
    this.name = 'BulkheadFullError';
  }
}

/**
 * Caps how many tasks of one kind run at once, with a bounded queue in front. Work that would wait
 * beyond the queue is refused immediately, so a flood costs the caller a fast error instead of costing
 * everyone else the shared resource (threads, memory) the tasks hold.
 */
export class Bulkhead {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private refused = 0;

  constructor(
    readonly name: string,
    private limits: BulkheadLimits,
  ) {}

  /** Applies new limits; waiting tasks start at once if the new limit leaves room for them. */
  configure(limits: BulkheadLimits): void {
    this.limits = limits;
    this.startWaiting();
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Tasks refused since the process started. */
  get rejected(): number {
    return this.refused;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.active--;
      this.startWaiting();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limits.maxConcurrent && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.maxQueued) {
      this.refused++;
      return Promise.reject(new BulkheadFullError(this.name));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private startWaiting(): void {
    while (this.active < this.limits.maxConcurrent && this.waiting.length > 0) {
      this.active++;
      (this.waiting.shift() as () => void)();
    }
  }
}
