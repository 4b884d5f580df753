// Fault injection shared by both simulators: forced error statuses (queued or at random) and
// added latency. Each simulator renders the forced status with its own body and headers.

export type ForcedStatus = 403 | 429 | 500 | 503;

export type InjectedFault =
  | {
      status: ForcedStatus;
      /** Sent as Retry-After (429 and 503). */
      retryAfterSeconds?: number;
    }
  /** A success status with a body the API would never send (a proxy page, truncated JSON). */
  | { status: 200; body: string }
  /**
   * The request is handled as usual (a ticket is created) but answered `slowMs` late, past the
   * client's timeout: the outcome the client never learns.
   */
  | { status: "slow"; slowMs: number };

export type FaultScope = {
  /** Only requests to this subdomain/domain. */
  account?: string;
  /** Only requests whose path (without the account prefix) contains this or matches it. */
  path?: string | RegExp;
};

type QueuedFault = InjectedFault & FaultScope & { remaining: number };

export class FaultInjector {
  private queue: QueuedFault[] = [];
  private random: { ratio: number; fault: InjectedFault | (() => InjectedFault); rng: () => number } | null = null;
  private latency = 0;

  /** The next `times` matching requests fail with this fault (queued after earlier ones). */
  failNext(fault: InjectedFault & FaultScope, times = 1): void {
    this.queue.push({ ...fault, remaining: times });
  }

  /**
   * A fraction of requests (0…1) fail with this fault (or one the function picks each time, for a
   * mix); 0 turns it off. `rng` makes it repeatable.
   */
  failRandomly(ratio: number, fault: InjectedFault | (() => InjectedFault) = { status: 500 }, rng: () => number = Math.random): void {
    this.random = ratio > 0 ? { ratio, fault, rng } : null;
  }

  /** Delay before every response, e.g. to push a client past its timeout. */
  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  get latencyMs(): number {
    return this.latency;
  }

  reset(): void {
    this.queue = [];
    this.random = null;
    this.latency = 0;
  }

  /** The fault to apply to this request, if any (consumes a queued one). */
  take(account: string, path: string): InjectedFault | undefined {
    const index = this.queue.findIndex((fault) => matches(fault, account, path));
    const queued = this.queue[index];
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.queue.splice(index, 1);
      const { remaining: _remaining, account: _account, path: _path, ...fault } = queued;
      return fault as InjectedFault;
    }
    if (this.random && this.random.rng() < this.random.ratio) {
      const { fault } = this.random;
      return typeof fault === "function" ? fault() : fault;
    }
    return undefined;
  }
}

function matches(scope: FaultScope, account: string, path: string): boolean {
  if (scope.account !== undefined && scope.account !== account) return false;
  if (scope.path === undefined) return true;
  return typeof scope.path === "string" ? path.includes(scope.path) : scope.path.test(path);
}
