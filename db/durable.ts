// Writing files that last: after a file is renamed into place, the folder holding it is flushed
// too, so the new name survives a power cut, not only the file's content; and a write that fails,
// whether the system's or SQLite's, is said in the same plain words wherever it happens.
import fs from 'node:fs';
import path from 'node:path';

/** Why a file was not written, in words, and what the person can do about it. */
export interface WriteProblem {
  reason: string;
  advice: string;
}


/** Flushes a file's content to the disk (a copy made by SQLite or by copying, before it is renamed into place). */
export function syncFile(file: string): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** Flushes a folder where the system allows it; elsewhere (Windows, some filesystems) the file itself is already on the disk. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const handle = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    // Nothing more can be done where a folder cannot be flushed.
  }
}

/** The failure of a write to `file` (or to make `folder`) as a person would say it. */
export function describeWriteProblem(error: unknown, file: string): WriteProblem {
  const folder = path.dirname(file);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return { reason: 'the disk is full', advice: 'free some space on that disk, or choose another place' };
    case 'SQLITE_FULL':
      return { reason: 'the disk may be full, or the file would be larger than the system allows there', advice: 'free some space on that disk, or choose another place' };
    case 'SQLITE_CANTOPEN':
      return { reason: `a file could not be made in the folder ${folder} (it is read-only, or permission was refused)`, advice: 'choose another folder' };
    case 'EDQUOT':
      return { reason: 'your share of that disk is used up', advice: 'free some space on that disk, or choose another place' };
    case 'EFBIG':
      return { reason: 'the file is larger than that disk, or this computer, allows one file to be', advice: 'choose another disk' };
    case 'EROFS':
      return { reason: `the folder ${folder} cannot be written to, because it is on a read-only disk`, advice: 'choose another folder' };
    case 'EACCES':
    case 'EPERM':
      return { reason: `the folder ${folder} cannot be written to: you do not have permission to write there`, advice: 'choose another folder' };
    case 'ENOENT':
      return { reason: `the folder ${folder} does not exist`, advice: 'choose a folder that does' };
    case 'ENOTDIR':
      return { reason: `part of the path ${folder} is a file, not a folder`, advice: 'choose another folder' };
    case 'EISDIR':
      return { reason: `${file} is a folder`, advice: 'give the name of a file' };
    case 'EEXIST':
      return { reason: 'a file of that name appeared there while it was being written', advice: 'try again, or choose another name' };
    case 'ENAMETOOLONG':
      return { reason: 'the name is too long for that disk', advice: 'choose a shorter name or folder' };
    case 'EIO':
      return { reason: 'the disk reported a fault', advice: 'check the disk, or choose another place' };
    default:
      // SQLite says only that the write failed (SQLITE_IOERR_WRITE, _FSYNC, …): as it does when the disk fills.
      if (code?.startsWith('SQLITE_IOERR')) {
        return { reason: 'writing failed: the disk may be full, or the file would be larger than the system allows there', advice: 'free some space on that disk, or choose another place' };
      }
      return { reason: (error as Error | undefined)?.message ?? String(error), advice: 'choose another place, or try again' };
  }
}
