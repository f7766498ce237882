/** A token bucket: `rate` calls per second on average, up to `burst` at once. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = clock();
  }

  /** Waits for a token. Callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn;
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const now = this.clock();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(((1 - this.tokens) / this.rate) * 1000);
    }
  }
}

/**
 * At most `limit` tasks at once. Waiting tasks queue per lane (a service) and lanes take turns, so a service
 * with a few calls on its critical path (IAM's credential report, then its users) is not stuck behind another
 * service's flood of per-resource calls.
 */
export class Semaphore {
  private active = 0;
  private readonly lanes = new Map<string, (() => void)[]>();
  private turn = 0;

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>, lane = ''): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.lanes.get(lane);
        if (queue) queue.push(resolve);
        else this.lanes.set(lane, [resolve]);
      });
    }
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.next();
    }
  }

  private next(): void {
    const names = [...this.lanes.keys()];
    if (names.length === 0) return;
    const name = names[this.turn % names.length] ?? '';
    this.turn++;
    const queue = this.lanes.get(name);
    const resolve = queue?.shift();
    if (queue?.length === 0) this.lanes.delete(name);
    resolve?.();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
