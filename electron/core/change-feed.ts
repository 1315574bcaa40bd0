// Change events for open views. Each committed change is appended with a sequence number;
// clients long-poll `events.next` with the last sequence they saw, so the same mechanism
// works over IPC and HTTP. Changes made by another process on the same database file (the
// command line, a second window) are noticed through SQLite's `data_version`, which moves
// only when another connection commits.
import type Sqlite from 'better-sqlite3';
import type { ChangeEvent } from '../../shared/contract';

const KEPT_EVENTS = 500;

interface Waiter {
  after: number;
  resolve: () => void;
}

export class ChangeFeed {
  private readonly events: { sequence: number; event: ChangeEvent }[] = [];
  private sequence = 0;
  private waiters: Waiter[] = [];
  private watcher: ReturnType<typeof setInterval> | null = null;

  get current(): number {
    return this.sequence;
  }

  publish(event: ChangeEvent): void {
    this.sequence += 1;
    this.events.push({ sequence: this.sequence, event });
    if (this.events.length > KEPT_EVENTS) this.events.shift();
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.resolve();
  }

  /** Events after `after`; `reset` when the client is behind what is kept, or ahead (a restart). */
  since(after: number): { sequence: number; reset: boolean; events: ChangeEvent[] } {
    const oldest = this.events[0]?.sequence ?? this.sequence + 1;
    const reset = after > this.sequence || (after > 0 && after < oldest - 1);
    return {
      sequence: this.sequence,
      reset,
      events: reset ? [] : this.events.filter((entry) => entry.sequence > after).map((entry) => entry.event),
    };
  }

  /** Resolves when there is something after `after`, or when `waitMs` passes. */
  async next(after: number, waitMs: number): Promise<{ sequence: number; reset: boolean; events: ChangeEvent[] }> {
    const now = this.since(after);
    if (now.reset || now.events.length > 0 || waitMs === 0) return now;
    await new Promise<void>((resolve) => {
      const waiter: Waiter = { after, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve();
      }, waitMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(waiter);
    });
    return this.since(after);
  }

  /** Polls the database for commits made by other connections. */
  watchExternalChanges(sqlite: Sqlite.Database, intervalMs = 1000): void {
    const dataVersion = sqlite.prepare('pragma data_version').pluck();
    let last = dataVersion.get();
    this.watcher = setInterval(() => {
      if (!sqlite.open) return;
      const version = dataVersion.get();
      if (version !== last) {
        last = version;
        this.publish({ entities: ['*'], planId: null, source: 'external' });
      }
    }, intervalMs);
    this.watcher.unref();
  }

  close(): void {
    if (this.watcher) clearInterval(this.watcher);
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }
}
