import { verifyAuditChain } from '../../../db/audit';
import type { HandlerGroup } from './types';

export const systemHandlers: HandlerGroup<'app.info' | 'events.next' | 'db.check'> = {
  'app.info': (_input, core) => ({
    name: 'Getting to Good',
    version: core.version,
    dataDirectory: core.dataDirectory,
    databaseFile: core.databaseFile,
    schemaVersion: core.schemaVersion,
  }),

  'events.next': (input, core) => core.feed.next(input.after, input.waitMs),

  'db.check': (_input, core) => {
    const sqlite = core.db.$client;
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const foreignKeyProblems = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]).map(
      (row) => ({ table: row.table, rowid: row.rowid, parent: row.parent }),
    );
    const auditChain = verifyAuditChain(sqlite);
    return {
      ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyProblems.length === 0 && auditChain.ok,
      integrity,
      foreignKeyProblems,
      auditChain,
    };
  },
};
