// A corpus of hostile and broken archives, each with the refusal it must meet. Shared by the
// archive's own tests and by the import tests, which feed the same bytes through the app.
//
// Most cases are written byte by byte with `rawZip`, because a well-behaved zip writer refuses
// to produce them (names with `..`, drive letters, lying sizes, encryption flags). The format
// is small: a local header and data per entry, then one central directory record per entry,
// then the end record that points at the directory.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { type BundleProblemCode, writeArchive } from '../../electron/core/bundles/archive';

export interface RawEntry {
  name: string;
  /** The bytes as stored: already deflated when `method` is 8. Omitted, the entry has no data at all. */
  data?: Buffer;
  method?: number;
  /** Defaults to the CRC-32 of `data` when it is stored. */
  crc32?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  flags?: number;
  /** Unix mode in the upper 16 bits, as zip tools on Unix write it. */
  externalAttributes?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const MADE_BY_UNIX = (3 << 8) | 20;
const UTF8_NAMES = 0x0800;
const MiB = 1024 * 1024;

/** Writes a zip exactly as described, with no checks at all. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 0;
    const crc = entry.crc32 ?? zlib.crc32(data);
    const compressedSize = entry.compressedSize ?? data.length;
    const uncompressedSize = entry.uncompressedSize ?? data.length;
    const flags = (entry.flags ?? 0) | UTF8_NAMES;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // 1 January 1980
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressedSize, 20);
    central.writeUInt32LE(uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((entry.externalAttributes ?? (0o100644 << 16)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_RECORD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function stored(name: string, text = 'content'): RawEntry {
  return { name, data: Buffer.from(text) };
}

function withYazl(add: (zip: yazl.ZipFile) => void): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  add(zip);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Deflates this many MiB of zeros a mebibyte at a time, so the input never sits in memory. */
async function deflatedZeros(mebibytes: number): Promise<{ data: Buffer; crc32: number; size: number }> {
  const zeros = Buffer.alloc(MiB);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc32 = 0;
  for (let index = 0; index < mebibytes; index += 1) {
    crc32 = zlib.crc32(zeros, crc32);
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(chunks), crc32, size: mebibytes * MiB };
}

let bombPayload: ReturnType<typeof deflatedZeros> | undefined;
/** 300 MiB of zeros deflates to about 300 KB; made once and shared by the cases that need it. */
function bomb(): ReturnType<typeof deflatedZeros> {
  bombPayload ??= deflatedZeros(300);
  return bombPayload;
}

/** A sound archive shaped like a bundle, for cutting short or damaging. */
export async function soundArchive(): Promise<Buffer> {
  return writeArchive([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify({ format: 'getting-to-good-bundle', formatVersion: 1 })) },
    { name: 'data.json', data: Buffer.from(JSON.stringify({ tables: { actions: Array.from({ length: 200 }, (_, index) => ({ id: index, title: `Action ${index}` })) } })) },
    { name: 'attachments/evidence.bin', data: crypto.createHash('sha512').update('evidence').digest(), compress: false },
  ]);
}

/** Bytes that look random but are the same on every run. */
function noise(length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let index = 0; blocks.length * 64 < length; index += 1) blocks.push(crypto.createHash('sha512').update(`noise ${index}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

export interface HostileZip {
  name: string;
  problem: BundleProblemCode;
  /** The entry the refusal must name, or null when the problem is with the file as a whole. */
  entry: string | null;
  build(): Promise<Buffer>;
}

export const HOSTILE_ZIPS: HostileZip[] = [
  { name: 'an entry that climbs out with ..', problem: 'unsafe-path', entry: '../evil.txt', build: async () => rawZip([stored('readme.txt'), stored('../evil.txt')]) },
  { name: 'an absolute path', problem: 'unsafe-path', entry: '/etc/passwd', build: async () => rawZip([stored('/etc/passwd')]) },
  { name: 'a Windows drive letter', problem: 'unsafe-path', entry: 'C:\\evil.txt', build: async () => rawZip([stored('C:\\evil.txt')]) },
  { name: 'backslashes that climb out', problem: 'unsafe-path', entry: 'a\\..\\b', build: async () => rawZip([stored('a\\..\\b')]) },
  { name: 'a NUL in a name', problem: 'unsafe-path', entry: 'data.json\0.txt', build: async () => rawZip([stored('data.json\0.txt')]) },
  {
    name: 'a symbolic link',
    problem: 'symlink',
    entry: 'attachments/link',
    build: () => withYazl((zip) => zip.addBuffer(Buffer.from('/etc/passwd'), 'attachments/link', { mode: 0o120777 })),
  },
  { name: 'the same name twice', problem: 'duplicate-name', entry: 'data.json', build: async () => rawZip([stored('data.json', '{}'), stored('data.json', '{"x":1}')]) },
  { name: 'names equal after case folding', problem: 'duplicate-name', entry: 'data.json', build: async () => rawZip([stored('Data.json'), stored('data.json')]) },
  {
    name: 'names equal after NFC normalisation',
    problem: 'duplicate-name',
    entry: 'cafe\u0301.json',
    build: async () => rawZip([stored('caf\u00e9.json'), stored('cafe\u0301.json')]),
  },
  {
    name: 'a zip bomb by ratio (300 MiB of zeros)',
    problem: 'zip-bomb',
    entry: 'zeros.bin',
    build: async () => {
      const { data, crc32, size } = await bomb();
      return rawZip([{ name: 'zeros.bin', data, method: 8, crc32, uncompressedSize: size }]);
    },
  },
  {
    name: 'a zip bomb that declares a small size',
    problem: 'zip-bomb',
    entry: 'small.json',
    build: async () => {
      const { data, crc32 } = await bomb();
      return rawZip([{ name: 'small.json', data, method: 8, crc32, uncompressedSize: 1000 }]);
    },
  },
  {
    name: 'entries that declare more than the total limit',
    problem: 'too-large',
    entry: 'part-14.bin',
    // Fifteen stored entries of 150 MiB each, declared only: the data is not there to read.
    build: async () => rawZip(Array.from({ length: 15 }, (_, index) => ({ name: `part-${index + 1}.bin`, compressedSize: 150 * MiB, uncompressedSize: 150 * MiB, crc32: 0 }))),
  },
  {
    name: 'an entry that declares more than the entry limit',
    problem: 'too-large',
    entry: 'huge.bin',
    build: async () => rawZip([{ name: 'huge.bin', compressedSize: 500 * MiB, uncompressedSize: 500 * MiB, crc32: 0 }]),
  },
  {
    name: 'more entries than the limit (50,001)',
    problem: 'too-many-entries',
    entry: null,
    build: async () => rawZip(Array.from({ length: 50_001 }, (_, index) => ({ name: `e/${index}` }))),
  },
  {
    name: 'a sound archive cut in half',
    problem: 'truncated',
    entry: null,
    build: async () => {
      const bytes = await soundArchive();
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
  },
  {
    name: 'a damaged central directory',
    problem: 'truncated',
    entry: null,
    build: async () => {
      const bytes = Buffer.from(await soundArchive());
      const directory = bytes.readUInt32LE(bytes.length - 6);
      bytes[directory] = 0; // the first directory record's signature
      return bytes;
    },
  },
  { name: 'a PDF', problem: 'not-a-zip', entry: null, build: async () => Buffer.concat([Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), noise(2000)]) },
  { name: 'random bytes', problem: 'not-a-zip', entry: null, build: async () => noise(4096) },
  { name: 'an empty file', problem: 'not-a-zip', entry: null, build: async () => Buffer.alloc(0) },
  {
    name: 'an entry with zip encryption',
    problem: 'zip-encrypted',
    entry: 'data.json',
    // Traditional zip encryption puts a 12-byte header before the data and sets flag bit 0.
    build: async () => rawZip([{ name: 'data.json', data: noise(12 + 40), flags: 0x1, uncompressedSize: 40 }]),
  },
  {
    name: 'an entry with strong encryption',
    problem: 'zip-encrypted',
    entry: null,
    build: async () => rawZip([{ name: 'data.json', data: noise(52), flags: 0x41, uncompressedSize: 40 }]),
  },
  {
    name: 'an entry whose bytes do not match its CRC',
    problem: 'checksum',
    entry: 'manifest.json',
    build: async () => rawZip([{ ...stored('manifest.json', '{"formatVersion":1}'), crc32: 0x12345678 }]),
  },
  {
    name: 'an entry packed with an unknown method',
    problem: 'bad-data',
    entry: 'data.json',
    build: async () => rawZip([{ name: 'data.json', data: noise(40), method: 12, uncompressedSize: 80 }]),
  },
];
