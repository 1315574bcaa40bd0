// Whole files or none: every file the app writes for a person (a bundle, a pack, a spreadsheet,
// an email draft) or keeps for itself (its signing key, a bundle waiting to be sent) is written
// to `<name>.<random>.partial` in the same folder, flushed to the disk, and only then renamed to
// its name. A failure (a full disk, a read-only folder, a file too large for the disk) removes the
// partial file and is reported in plain words that name the file or folder and what to do.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeWriteProblem, syncFolder, type WriteProblem } from '../../db/durable';
import { AppError } from '../../shared/errors';

export { describeWriteProblem, type WriteProblem };

export interface WholeFile {
  file: string;
  bytes: Uint8Array | string;
}

export interface WriteOptions {
  /** What the file is, as a sentence names it: "bundle", "PDF", "signing key". */
  what: string;
  /** Permissions of a new file (0o600 for what only its user may read). */
  mode?: number;
  /** Never replace a file already there: it is refused as a clash instead. */
  exclusive?: boolean;
}

/** A file that could not be written; nothing of it was left behind. */
export class FileNotWritten extends AppError {
  constructor(
    readonly file: string,
    readonly problem: WriteProblem,
    /** The system's code for the failure, such as ENOSPC. */
    readonly systemCode: string | undefined,
    what: string,
  ) {
    super('not-written', `The ${what} could not be written to ${file}: ${problem.reason}. Nothing was left there; ${problem.advice}.`, {
      file,
      systemCode,
    });
    this.name = 'FileNotWritten';
  }
}

/**
 * Whether a file could be made beside `file` now: a real attempt (an empty partial file, made
 * and removed), since asking the system is not enough (it answers yes to root, and for folders
 * such as /sys that refuse every new file). Null when it could; the problem when it could not.
 */
export function problemWritingBeside(file: string): WriteProblem | null {
  const probe = partialName(file);
  try {
    fs.closeSync(fs.openSync(probe, 'wx', 0o600));
  } catch (error) {
    return describeWriteProblem(error, file);
  }
  removeQuietly(probe);
  return null;
}

function partialName(file: string): string {
  return `${file}.${crypto.randomBytes(6).toString('hex')}.partial`;
}

function asBuffer(bytes: Uint8Array | string): Uint8Array {
  return typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left where the folder refuses even a removal: nothing more can be done here.
  }
}

/** Filesystems without hard links (FAT, some network shares) refuse link() with these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EOPNOTSUPP', 'EMLINK']);

/** Gives the finished partial file its name; an exclusive commit never replaces a file. */
function commitSync(partial: string, file: string, exclusive: boolean): void {
  if (!exclusive) {
    fs.renameSync(partial, file);
    return;
  }
  try {
    fs.linkSync(partial, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!NO_LINKS.has(code)) throw error;
    if (fs.existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
    fs.renameSync(partial, file);
    return;
  }
  removeQuietly(partial);
}

async function commit(partial: string, file: string, exclusive: boolean): Promise<void> {
  if (!exclusive) {
    await fs.promises.rename(partial, file);
    return;
  }
  try {
    await fs.promises.link(partial, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!NO_LINKS.has(code)) throw error;
    if (fs.existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST' });
    await fs.promises.rename(partial, file);
    return;
  }
  removeQuietly(partial);
}


function writePartialSync(partial: string, bytes: Uint8Array, mode: number): void {
  const handle = fs.openSync(partial, 'wx', mode);
  try {
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(handle, bytes, offset, bytes.length - offset);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

async function writePartial(partial: string, bytes: Uint8Array, mode: number): Promise<void> {
  const handle = await fs.promises.open(partial, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes one file whole, or leaves nothing of it; throws FileNotWritten. */
export function writeWholeFileSync(file: string, bytes: Uint8Array | string, options: WriteOptions): void {
  const partial = partialName(file);
  try {
    writePartialSync(partial, asBuffer(bytes), options.mode ?? 0o666);
    commitSync(partial, file, options.exclusive ?? false);
  } catch (error) {
    removeQuietly(partial);
    throw new FileNotWritten(file, describeWriteProblem(error, file), (error as NodeJS.ErrnoException).code, options.what);
  }
  syncFolder(path.dirname(file));
}

/** Writes one file whole, or leaves nothing of it; throws FileNotWritten. */
export async function writeWholeFile(file: string, bytes: Uint8Array | string, options: WriteOptions): Promise<void> {
  const partial = partialName(file);
  try {
    await writePartial(partial, asBuffer(bytes), options.mode ?? 0o666);
    await commit(partial, file, options.exclusive ?? false);
  } catch (error) {
    removeQuietly(partial);
    throw new FileNotWritten(file, describeWriteProblem(error, file), (error as NodeJS.ErrnoException).code, options.what);
  }
  syncFolder(path.dirname(file));
}

/**
 * Writes several new files that belong together (a bundle and the email it goes with): all of
 * them whole, or none of them. Each is written and flushed under a partial name first, then they
 * are named one after another; a failure takes away the partial files and any already named.
 * A file already there is never replaced (it is refused as a clash), so taking the named ones
 * away again loses nothing.
 */
export async function writeNewFiles(files: readonly WholeFile[], options: Omit<WriteOptions, 'exclusive'>): Promise<void> {
  const partials = files.map((each) => ({ ...each, partial: partialName(each.file) }));
  const named: string[] = [];
  let current = files[0]?.file ?? '';
  try {
    for (const each of partials) {
      current = each.file;
      await writePartial(each.partial, asBuffer(each.bytes), options.mode ?? 0o666);
    }
    for (const each of partials) {
      current = each.file;
      await commit(each.partial, each.file, true);
      named.push(each.file);
    }
  } catch (error) {
    for (const each of partials) removeQuietly(each.partial);
    for (const file of named) removeQuietly(file);
    throw new FileNotWritten(current, describeWriteProblem(error, current), (error as NodeJS.ErrnoException).code, options.what);
  }
  for (const folder of new Set(files.map((each) => path.dirname(each.file)))) syncFolder(folder);
}
