// A failed write in plain words, whichever part of the app met it: the system's codes and SQLite's.
import { describe, expect, it } from 'vitest';
import { describeWriteProblem } from '../../db/durable';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a write that failed, said plainly', () => {
  it('says what the code means, not what the path happens to spell', () => {
    // The old wording was chosen by looking for "full" anywhere in the message, path included.
    const refused = describeWriteProblem(failure('EACCES', "EACCES: permission denied, open '/home/carefully/backups/x.sqlite'"), '/home/carefully/backups/x.sqlite');
    expect(refused.reason).toBe('the folder /home/carefully/backups cannot be written to: you do not have permission to write there');
  });

  it('words SQLite’s failures as the system’s are worded', () => {
    const file = '/data/backups/scheduled.sqlite.partial';
    expect(describeWriteProblem(failure('SQLITE_FULL', 'database or disk is full'), file).reason).toBe('the disk may be full, or the file would be larger than the system allows there');
    expect(describeWriteProblem(failure('SQLITE_IOERR_WRITE', 'disk I/O error'), file).reason).toBe(
      'writing failed: the disk may be full, or the file would be larger than the system allows there',
    );
    expect(describeWriteProblem(failure('SQLITE_CANTOPEN', 'unable to open database file'), file).reason).toBe(
      'a file could not be made in the folder /data/backups (it is read-only, or permission was refused)',
    );
    expect(describeWriteProblem(failure('ENOSPC', 'ENOSPC: no space left on device, write'), file)).toEqual({ reason: 'the disk is full', advice: 'free some space on that disk, or choose another place' });
  });
});
