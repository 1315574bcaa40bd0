// The desktop app's dialog when the database cannot be opened: the latest good backup is offered
// for a damaged database only, named by its date and time, and each button does what it says.
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/contract-backups';
import { AppError } from '../../shared/errors';
import { startupDialog } from '../../electron/desktop/startup-dialog';

const FILE = '/home/manager/.config/Getting to Good/getting-to-good.sqlite';
const BACKUP: BackupInfo = {
  fileName: 'scheduled-2026-11-21T14-00-00-000Z.sqlite',
  file: '/home/manager/.config/Getting to Good/backups/scheduled-2026-11-21T14-00-00-000Z.sqlite',
  reason: 'scheduled',
  takenAt: '2026-11-21T14:00:00.000Z',
  when: '21 November 2026 at 14:00',
  sizeBytes: 2_400_000,
  good: true,
  problem: null,
};

describe('the startup dialog', () => {
  it('offers to restore the latest good backup of a damaged database, by its date and time, as the first button', () => {
    const dialog = startupDialog(new AppError('database-damaged', 'The database is damaged.', { file: FILE }), BACKUP);
    expect(dialog.options.message).toBe('The database is damaged');
    expect(dialog.options.buttons).toEqual(['Restore the backup of 21 November 2026 at 14:00', 'Show the file', 'Close']);
    expect(dialog.options.defaultId).toBe(0);
    expect(dialog.options.cancelId).toBe(2);
    expect(dialog.options.detail).toContain('moves the damaged file into the folder /home/manager/.config/Getting to Good/damaged (it is kept, not deleted)');
    expect(dialog.options.detail).toContain('Backups of the database are kept in /home/manager/.config/Getting to Good/backups.');
    expect([0, 1, 2].map(dialog.choiceFor)).toEqual(['restore', 'show-file', 'close']);
    expect(dialog.offer).toBe(BACKUP);
  });

  it('says so when a damaged database has no good backup, and offers only to show the file', () => {
    const dialog = startupDialog(new AppError('database-damaged', 'The database is damaged.', { file: FILE }), null);
    expect(dialog.options.buttons).toEqual(['Show the file', 'Close']);
    expect(dialog.options.detail).toContain('There is no backup that checks out to restore.');
    expect([0, 1].map(dialog.choiceFor)).toEqual(['show-file', 'close']);
  });

  it.each([
    ['database-foreign', 'This file is not a Getting to Good database'],
    ['database-newer', 'A newer version of Getting to Good is needed'],
  ] as const)('never offers a restore for %s, but says where the backups are', (code, title) => {
    const dialog = startupDialog(new AppError(code, 'Refused.', { file: FILE }), BACKUP);
    expect(dialog.options.message).toBe(title);
    expect(dialog.options.buttons).toEqual(['Show the file', 'Close']);
    expect(dialog.offer).toBeNull();
    expect(dialog.options.detail).toContain('Backups of the database are kept in /home/manager/.config/Getting to Good/backups.');
  });

  it('offers only to close for an error that names no file', () => {
    const dialog = startupDialog(new Error('no disk'), BACKUP);
    expect(dialog.options.buttons).toEqual(['Close']);
    expect(dialog.choiceFor(0)).toBe('close');
    expect(dialog.options.detail).toBe('Getting to Good could not start: no disk');
  });
});
