import type { backupMethods } from '../../shared/contract-backups';

/** Malformed inputs for the backup and recovery methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_BACKUPS: Record<keyof typeof backupMethods, [unknown, string][]> = {
  'backups.list': [[{ folder: '/tmp' }, '']],
  'backups.create': [[{ reason: 'scheduled' }, ''], [{ to: '/tmp/copy.sqlite' }, '']],
  'backups.updateSettings': [
    [{ intervalHours: 24, keep: 1 }, 'keep'],
    [{ intervalHours: 24, keep: 2.5 }, 'keep'],
    [{ intervalHours: 5, keep: 14 }, 'intervalHours'],
    [{ intervalHours: 'daily', keep: 14 }, 'intervalHours'],
    [{ keep: 14 }, 'intervalHours'],
    [{ intervalHours: 24, keep: 14, folder: '/tmp' }, ''],
  ],
  'backups.restore': [
    [{ fileName: '../getting-to-good.sqlite', confirm: true }, 'fileName'],
    [{ fileName: '/etc/passwd', confirm: true }, 'fileName'],
    [{ fileName: '.hidden.sqlite', confirm: true }, 'fileName'],
    [{ fileName: 'scheduled-2026-11-21T14-00-00-000Z.sqlite' }, 'confirm'],
    [{ fileName: 'scheduled-2026-11-21T14-00-00-000Z.sqlite', confirm: 'yes' }, 'confirm'],
    [{ confirm: true }, 'fileName'],
  ],
  'recovery.status': [[{ repair: true }, '']],
};
