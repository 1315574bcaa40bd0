// Making a rename durable: after a file is renamed into place, the folder holding it is flushed
// too, so the new name survives a power cut, not only the file's content.
import fs from 'node:fs';

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
