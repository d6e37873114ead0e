/** "Something changed" notifications, and waiting until a condition holds. */

export type Check<T> = () => T | undefined | null | false;

const POLL_MS = 20;

interface Pending {
  listener: () => void;
  cancel: (reason: Error) => void;
}

export class ChangeSignal {
  private readonly pending = new Set<Pending>();

  notify(): void {
    for (const p of [...this.pending]) p.listener();
  }

  /** Resolves with the first truthy value of `check`, evaluated now, after every change and every 20 ms; rejects after timeoutMs. */
  waitFor<T>(check: Check<T>, timeoutMs: number, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = {
        listener: () => {
          let value: T | undefined | null | false;
          try {
            value = check();
          } catch (e) {
            entry.cancel(e as Error);
            return;
          }
          if (value) {
            done();
            resolve(value);
          }
        },
        cancel: (reason) => {
          done();
          reject(reason);
        },
      };
      const done = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.pending.delete(entry);
      };
      const timer = setTimeout(
        () => entry.cancel(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      // Also poll, for conditions on state the fake does not see (e.g. the bot's own variables).
      const poll = setInterval(() => entry.listener(), POLL_MS);
      this.pending.add(entry);
      entry.listener();
    });
  }

  /** Rejects every pending wait (on close, so no timer keeps the process alive). */
  dispose(reason = 'FakeDiscord closed'): void {
    for (const p of [...this.pending]) p.cancel(new Error(reason));
  }
}
