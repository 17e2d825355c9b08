// At most `total` requests at once, and at most `perHost` to any one host:
// `news update` over a hundred feeds must not open a hundred connections,
// nor hit one server (many feeds often live on one host) with more than a
// polite few. Waiting requests are served first come, first served, except
// that one waiting for a busy host does not hold back one for an idle host.

interface Waiter {
  host: string;
  grant(): void;
}

export class Slots {
  private active = 0;
  private readonly perHostActive = new Map<string, number>();
  private readonly queue: Waiter[] = [];

  constructor(
    readonly total: number,
    readonly perHost: number,
  ) {
    if (!(total >= 1 && perHost >= 1)) throw new RangeError('the concurrency limits must be at least 1');
  }

  /** Resolves with a release function once a slot for `host` is free; rejects with the signal's reason if it fires first. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = {
        host,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.taken(host));
        },
      };
      const onAbort = () => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private taken(host: string): () => void {
    this.active++;
    this.perHostActive.set(host, (this.perHostActive.get(host) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = this.perHostActive.get(host)! - 1;
      if (left === 0) this.perHostActive.delete(host);
      else this.perHostActive.set(host, left);
      this.pump();
    };
  }

  private pump(): void {
    for (let i = 0; i < this.queue.length && this.active < this.total;) {
      const waiter = this.queue[i]!;
      if ((this.perHostActive.get(waiter.host) ?? 0) < this.perHost) {
        this.queue.splice(i, 1);
        waiter.grant();
      } else {
        i++;
      }
    }
  }
}
