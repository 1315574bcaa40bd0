// Zip archives for plan bundles. Writing is deterministic (a fixed timestamp, entries in the
// order given), so the same content always gives the same bytes.
//
// Reading never trusts the archive. It guards against: files that are not zips or were cut
// short; entry names that climb out of a folder or name an absolute path (`..`, `/etc/passwd`,
// `C:`, backslashes, NUL); symlinks; two entries that would land on the same file (also after
// Unicode normalisation and case folding, as on Windows and macOS disks); archives with more
// entries than the limit (counted from the central directory before anything is read);
// entries or a total larger than the limits, as declared (inflating stops one byte past the
// declared size, so an entry that unpacks to more than it said is refused there); compression
// ratios only a zip bomb has; and
// zip-level encryption. Every refusal is a BundleProblem whose message names the entry.
import yauzl from 'yauzl';
import yazl from 'yazl';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { BUNDLE_MAX_BYTES, describeFileSize } from '../../../shared/vocabulary';

const inflateRaw = promisify(zlib.inflateRaw);

export type BundleProblemCode =
  | 'not-a-zip'
  | 'truncated'
  | 'unsafe-path'
  | 'symlink'
  | 'duplicate-name'
  | 'too-many-entries'
  | 'too-large'
  | 'zip-bomb'
  | 'zip-encrypted'
  | 'passphrase-needed'
  | 'passphrase-wrong'
  | 'not-a-bundle'
  | 'unlisted-file'
  | 'missing-file'
  | 'checksum'
  | 'signature'
  | 'newer-format'
  | 'bad-data'
  | 'invalid-record'
  | 'dangling-reference'
  | 'oversized-attachment';

/** Why a bundle was refused: a stable code, the entry at fault (when there is one) and a message for the user. */
export class BundleProblem extends Error {
  constructor(
    readonly problem: BundleProblemCode,
    message: string,
    readonly entry: string | null = null,
  ) {
    super(message);
    this.name = 'BundleProblem';
  }
}

export interface ArchiveEntry {
  name: string;
  data: Buffer;
  /** Deflate the entry; true unless said otherwise. */
  compress?: boolean;
}

export interface ArchiveLimits {
  maxArchiveBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed size over compressed size, checked for entries over RATIO_CHECKED_FROM_BYTES. */
  maxRatio: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const BUNDLE_LIMITS: ArchiveLimits = {
  maxArchiveBytes: BUNDLE_MAX_BYTES,
  maxEntries: 50_000,
  // A plan's data.json is one entry, read whole as JSON text: just under the longest text
  // JavaScript can hold, so a plan of tens of thousands of actions still travels whole.
  maxEntryBytes: 480 * MiB,
  maxTotalBytes: 2 * GiB,
  // Deflate packs at most about 1,030:1, which only runs of one repeated byte reach. A council's
  // own files can pack far tighter than 200:1 (an export padded with blanks, a log of repeated
  // lines), so only the ratio of a bomb is refused here; the size limits bound the rest.
  maxRatio: 1_000,
};

/** Small entries (JSON, README) compress far better than most files without being bombs. */
const RATIO_CHECKED_FROM_BYTES = MiB;

/** Local midnight, so the DOS date in the archive reads 1 January 2000 in every time zone. */
const FIXED_MTIME = new Date(2000, 0, 1);
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const DAMAGED_ADVICE = 'Ask the sender for a fresh copy.';
const SIZE_ADVICE = 'Ask the sender for a bundle of one theme at a time.';

/**
 * Why a bundle of these entries would be refused for its size when read back, in words (“its
 * data.json would be 512 MB, more than the 480 MB one file of a bundle can be”), or null. A
 * bundle is checked before it is made, so none is ever made that this app refuses to read.
 */
export function sizeProblem(
  entries: ArchiveEntry[],
  limits: ArchiveLimits = BUNDLE_LIMITS,
  /** How an entry is named in the words (its name unless said otherwise). */
  named: (name: string) => string = (name) => name,
): { entry: string | null; words: string } | null {
  if (entries.length > limits.maxEntries) {
    return { entry: null, words: `it would hold ${entries.length.toLocaleString('en-GB')} files, more than the ${limits.maxEntries.toLocaleString('en-GB')} a bundle can have` };
  }
  let total = 0;
  for (const { name, data } of entries) {
    if (data.length > limits.maxEntryBytes) {
      return { entry: name, words: `its ${named(name)} would be ${describeFileSize(data.length)}, more than the ${describeFileSize(limits.maxEntryBytes)} one file of a bundle can be` };
    }
    total += data.length;
    if (total > limits.maxTotalBytes) {
      return { entry: name, words: `its files would come to more than the ${describeFileSize(limits.maxTotalBytes)} a bundle can hold` };
    }
  }
  return null;
}

/**
 * A zip written entry by entry: each entry is checked, and deflated on libuv's threads, as soon
 * as it is added, so packing the first entries goes on while the later ones are still being made.
 * The entries stand in the order they were added.
 */
export class ArchiveWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly seen = new Set<string>();
  private readonly written: Promise<Buffer>;

  constructor() {
    const chunks: Buffer[] = [];
    this.written = new Promise<Buffer>((resolve, reject) => {
      this.zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.zip.outputStream.on('error', reject);
      this.zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    });
    // An archive given up before its end is never awaited.
    this.written.catch(() => undefined);
  }

  add(entry: ArchiveEntry): void {
    if (unsafePathReason(entry.name) !== null) throw new Error(`Cannot write an archive entry named ${quoted(entry.name)}.`);
    if (this.seen.has(foldedName(entry.name))) throw new Error(`Two archive entries are named ${quoted(entry.name)}.`);
    this.seen.add(foldedName(entry.name));
    this.zip.addBuffer(entry.data, entry.name, { mtime: FIXED_MTIME, forceDosTimestamp: true, compress: entry.compress ?? true });
  }

  /** Ends the archive; resolves with its bytes once every entry is packed. */
  finish(): Promise<Buffer> {
    this.zip.end();
    return this.written;
  }
}

export async function writeArchive(entries: ArchiveEntry[]): Promise<Buffer> {
  const archive = new ArchiveWriter();
  for (const entry of entries) archive.add(entry);
  return archive.finish();
}

/** How many entries are read at the same time. */
const READ_AT_ONCE = 4;

export async function readArchive(bytes: Buffer, limits: ArchiveLimits = BUNDLE_LIMITS): Promise<Map<string, Buffer>> {
  if (bytes.length > limits.maxArchiveBytes) {
    throw new BundleProblem('too-large', `The file is ${describeFileSize(bytes.length)}, more than the ${describeFileSize(limits.maxArchiveBytes)} a bundle can be. Nothing was read from it. ${SIZE_ADVICE}`);
  }
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new BundleProblem(
        'too-many-entries',
        `The file holds ${zip.entryCount.toLocaleString('en-GB')} entries, more than the ${limits.maxEntries.toLocaleString('en-GB')} a bundle can have. Nothing was read from it. ${SIZE_ADVICE}`,
      );
    }
    const entries = await listEntries(zip, limits);
    // A few entries at a time, so inflating one (on libuv's threads) overlaps reading the next.
    const read: Buffer[] = new Array<Buffer>(entries.length);
    let next = 0;
    let failed = false;
    const reader = async () => {
      for (let index = next++; index < entries.length && !failed; index = next++) {
        try {
          read[index] = await readEntry(zip, bytes, entries[index]!);
        } catch (error) {
          // The first refusal stands; the other readers stop at their next entry.
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, entries.length) }, reader));
    return new Map(entries.map((entry, index) => [entry.name, read[index]!]));
  } finally {
    zip.close();
  }
}

interface ListedEntry {
  name: string;
  entry: yauzl.Entry;
}

async function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  try {
    // Names are decoded and checked here rather than by yauzl, so every refusal names its entry.
    return await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    if (/signature not found/.test(errorText(error))) {
      if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
        throw new BundleProblem('truncated', `The file is incomplete: it starts like a bundle but its end is missing, perhaps cut short while it was copied or downloaded. ${DAMAGED_ADVICE}`);
      }
      throw new BundleProblem('not-a-zip', 'The file is not a bundle: it is not a zip archive at all. Choose the .g2g file you were sent.');
    }
    throw damaged(error, null);
  }
}

/** Reads the whole central directory and refuses anything unsafe before a byte is inflated. */
async function listEntries(zip: yauzl.ZipFile, limits: ArchiveLimits): Promise<ListedEntry[]> {
  const listed: ListedEntry[] = [];
  const names = new Map<string, string>();
  let declaredTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const shown = quoted(name);
      const unsafe = unsafePathReason(name);
      if (unsafe !== null) {
        throw new BundleProblem('unsafe-path', `The bundle was refused: the entry ${shown} ${unsafe}. A bundle never has such names; they are used to put files where they do not belong. ${DAMAGED_ADVICE}`, name);
      }
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        throw new BundleProblem('symlink', `The bundle was refused: the entry ${shown} is a symbolic link, which a bundle never contains. ${DAMAGED_ADVICE}`, name);
      }
      if (entry.isEncrypted()) {
        throw new BundleProblem('zip-encrypted', `The bundle was refused: the entry ${shown} is locked with zip encryption, which bundles never use (a bundle with a passphrase is locked differently). ${DAMAGED_ADVICE}`, name);
      }
      if (name.endsWith('/')) continue;
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new BundleProblem('bad-data', `The bundle was refused: the entry ${shown} is packed in a way bundles never use (method ${entry.compressionMethod}). ${DAMAGED_ADVICE}`, name);
      }
      const folded = foldedName(name);
      const earlier = names.get(folded);
      if (earlier !== undefined) {
        const same =
          earlier === name
            ? 'appears twice'
            : earlier.normalize('NFC') === name.normalize('NFC')
              ? `is the name ${quoted(earlier)} again, written with other Unicode characters`
              : `differs from ${quoted(earlier)} only in capital letters, so the two would be one file on a Windows or Mac disk`;
        throw new BundleProblem('duplicate-name', `The bundle was refused: the entry ${shown} ${same}. ${DAMAGED_ADVICE}`, name);
      }
      names.set(folded, name);
      checkRatio(name, entry.uncompressedSize, entry.compressedSize, limits);
      checkEntrySize(name, entry.uncompressedSize, limits);
      declaredTotal += entry.uncompressedSize;
      checkTotal(name, declaredTotal, limits);
      listed.push({ name, entry });
    }
  } catch (error) {
    if (error instanceof BundleProblem) throw error;
    throw damaged(error, null, zip.entriesRead + 1);
  }
  return listed;
}

/** How many bytes inflating hands over at a time: few large pieces rather than thousands of small ones. */
const INFLATE_CHUNK_BYTES = 1024 * 1024;

/**
 * One entry's bytes: a stored entry as it lies in the archive, a packed one inflated in one go on
 * libuv's threads. Inflating stops one byte past the size the central directory declared (which
 * the limits were checked against before anything was read), so a lying header cannot make an
 * entry grow past a limit; any other size than the declared one refuses the bundle.
 */
async function readEntry(zip: yauzl.ZipFile, bytes: Buffer, { name, entry }: ListedEntry): Promise<Buffer> {
  let raw: Buffer;
  try {
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    if (fileDataStart + entry.compressedSize > bytes.length) throw new Error('the entry runs past the end of the file');
    raw = bytes.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  } catch (error) {
    throw damaged(error, name);
  }
  let data = raw;
  if (entry.compressionMethod === 8) {
    try {
      data = await inflateRaw(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1), chunkSize: Math.min(INFLATE_CHUNK_BYTES, Math.max(16 * 1024, entry.uncompressedSize + 1)) });
    } catch (error) {
      throw damaged((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? new Error('too many bytes in the stream') : error, name);
    }
  }
  if (data.length !== entry.uncompressedSize) {
    throw damaged(new Error(data.length > entry.uncompressedSize ? 'too many bytes in the stream' : 'not enough bytes in the stream'), name);
  }
  if (zlib.crc32(data) !== entry.crc32) {
    throw new BundleProblem('checksum', `The bundle is damaged: the entry ${quoted(name)} does not match the check value stored with it. ${DAMAGED_ADVICE}`, name);
  }
  return data;
}

function checkRatio(name: string, uncompressed: number, compressed: number, limits: ArchiveLimits): void {
  if (uncompressed > RATIO_CHECKED_FROM_BYTES && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
    throw new BundleProblem(
      'zip-bomb',
      `The bundle was refused: the entry ${quoted(name)} would unpack to more than ${limits.maxRatio} times its packed size, the mark of a “zip bomb” built to fill the disk. ${DAMAGED_ADVICE}`,
      name,
    );
  }
}

function checkEntrySize(name: string, uncompressed: number, limits: ArchiveLimits): void {
  if (uncompressed > limits.maxEntryBytes) {
    throw new BundleProblem('too-large', `The bundle was refused: the entry ${quoted(name)} would unpack to more than the ${describeFileSize(limits.maxEntryBytes)} one entry can be. ${SIZE_ADVICE}`, name);
  }
}

function checkTotal(name: string, total: number, limits: ArchiveLimits): void {
  if (total > limits.maxTotalBytes) {
    throw new BundleProblem('too-large', `The bundle was refused: with the entry ${quoted(name)} it would unpack to more than the ${describeFileSize(limits.maxTotalBytes)} a bundle can hold. ${SIZE_ADVICE}`, name);
  }
}

/** Turns whatever yauzl or zlib reported into a refusal that says which entry and what to do. */
function damaged(error: unknown, name: string | null, entryNumber?: number): BundleProblem {
  if (error instanceof BundleProblem) return error;
  const text = errorText(error);
  const where = name !== null ? `the entry ${quoted(name)}` : entryNumber !== undefined ? `entry number ${entryNumber}` : 'its list of entries';
  if (/strong encryption/.test(text)) {
    return new BundleProblem('zip-encrypted', `The bundle was refused: ${where} is locked with zip encryption, which bundles never use. ${DAMAGED_ADVICE}`, name);
  }
  if (/too many bytes/.test(text)) {
    return new BundleProblem('zip-bomb', `The bundle was refused: ${where} unpacks to more than its header says, the mark of a “zip bomb” built to fill the disk. ${DAMAGED_ADVICE}`, name);
  }
  return new BundleProblem('truncated', `The bundle is damaged or incomplete: ${where} cannot be read. ${DAMAGED_ADVICE}`, name);
}

/** Why a name is not a plain relative path inside the archive, or null when it is one. */
function unsafePathReason(name: string): string | null {
  if (name === '') return 'has no name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (/^[a-zA-Z]:/.test(name)) return 'names a drive';
  if (name.startsWith('/')) return 'is an absolute path';
  if (name.includes('\\')) return 'has a backslash in its name';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'climbs out of its folder with “..”';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'has an empty or “.” part in its path';
  return null;
}

/** Names that one file system would treat as the same file: NFC, then case folded (ß and SS alike). */
function foldedName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

function quoted(name: string): string {
  const printable = name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return `“${printable.length > 200 ? `${printable.slice(0, 200)}…` : printable}”`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
