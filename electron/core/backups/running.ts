// Whether the app (desktop or browser mode) is running on a data folder: a small file naming
// the process, written while it runs and removed when it closes. A file left by a process that
// has ended is ignored.
import fs from 'node:fs';
import path from 'node:path';
import { RUNNING_FILE_NAME } from '../paths';

export interface RunningMark {
  pid: number;
  host: string;
  startedAt: string;
}

export function markRunning(dataDirectory: string, host: string, now: Date): () => void {
  const file = path.join(dataDirectory, RUNNING_FILE_NAME);
  const mark: RunningMark = { pid: process.pid, host, startedAt: now.toISOString() };
  try {
    fs.writeFileSync(file, `${JSON.stringify(mark)}\n`);
  } catch {
    // Without the mark the command line cannot tell the app is running; it then states the risk.
    return () => {};
  }
  return () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as RunningMark;
      if (current.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The app running on this data folder, or null when none is (as far as can be told). */
export function runningApp(dataDirectory: string): RunningMark | null {
  try {
    const mark = JSON.parse(fs.readFileSync(path.join(dataDirectory, RUNNING_FILE_NAME), 'utf8')) as RunningMark;
    if (typeof mark.pid !== 'number' || mark.pid === process.pid) return null;
    return alive(mark.pid) ? mark : null;
  } catch {
    return null;
  }
}
