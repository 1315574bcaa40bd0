// The application core: the open database, who is acting, the clock and the change feed,
// handed to every handler. It runs under plain Node, behind any transport.
import { AsyncLocalStorage } from 'node:async_hooks';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { plans } from '../../db/schema';
import { inTransaction, type UnitOfWork } from '../../db/records';
import type { ChangeFeed } from './change-feed';
import type { PackPrinter } from './printing/printer';
import { assertPlanEditable } from './handlers/versions-rules';

/** The changes saved while one contract call runs, so its answer can name them for undo. */
export const changesOfThisCall = new AsyncLocalStorage<string[]>();

export interface CoreOptions {
  db: Database;
  feed: ChangeFeed;
  /** The name written into updatedBy and the audit log: the signed-in user of the machine. */
  actor: string;
  dataDirectory: string;
  databaseFile: string;
  schemaVersion: number;
  version: string;
  clock?: () => Date;
}

export class Core {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly actor: string;
  readonly dataDirectory: string;
  readonly databaseFile: string;
  readonly schemaVersion: number;
  readonly version: string;
  readonly clock: () => Date;
  /** How packs are printed to PDF here; set by the host once it can serve the print view. */
  printer: PackPrinter | null = null;
  /** Work to do as the app closes, such as deleting bundle files held for a while. */
  private readonly closing: (() => void)[] = [];

  constructor(options: CoreOptions) {
    this.db = options.db;
    this.feed = options.feed;
    this.actor = options.actor;
    this.dataDirectory = options.dataDirectory;
    this.databaseFile = options.databaseFile;
    this.schemaVersion = options.schemaVersion;
    this.version = options.version;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Registers work to do as the app closes. */
  onClose(work: () => void): void {
    this.closing.push(work);
  }

  /** Does the work registered with onClose, once; the host calls it as the app closes. */
  close(): void {
    for (const work of this.closing.splice(0)) {
      try {
        work();
      } catch {
        // Closing goes on: one piece of tidying that fails must not keep the rest from running.
      }
    }
  }

  /**
   * One user action: one transaction, audited, announced to open views once committed. A change
   * to a superseded version of a plan is refused here, for every method alike; only the refresh
   * that supersedes it, and the undo of that refresh, pass `evenIfSuperseded`.
   */
  write<T>(planId: string | null, work: (unit: UnitOfWork) => T, options: { evenIfSuperseded?: boolean } = {}): T {
    const guarded = (unit: UnitOfWork) => {
      if (planId && !options.evenIfSuperseded) {
        const plan = unit.db.select().from(plans).where(eq(plans.id, planId)).get();
        if (plan) assertPlanEditable(unit, plan);
      }
      return work(unit);
    };
    const { result, changed, changeId } = inTransaction(this.db, this.actor, guarded, this.clock);
    if (changed.length > 0) {
      this.feed.publish({ entities: changed, planId, source: 'this-process' });
      changesOfThisCall.getStore()?.push(changeId);
    }
    return result;
  }
}
