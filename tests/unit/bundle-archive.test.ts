// Bundle archives: written byte for byte the same every time and read back exactly, and every
// hostile or broken archive in the shared corpus refused with its own problem and a message
// that names the entry at fault. The limits are the caller's to set.
import crypto from 'node:crypto';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type ArchiveEntry, type ArchiveLimits, BUNDLE_LIMITS, BundleProblem, readArchive, sizeProblem, writeArchive } from '../../electron/core/bundles/archive';
import { HOSTILE_ZIPS, rawZip } from '../support/hostile-zips';

async function refusal(bytes: Buffer, limits?: ArchiveLimits): Promise<BundleProblem> {
  try {
    await readArchive(bytes, limits);
  } catch (error) {
    if (error instanceof BundleProblem) return error;
    throw error;
  }
  throw new Error('The archive was read without a refusal');
}

const printable = (name: string) => name.replace(/\0/g, '\uFFFD');

describe('hostile and broken archives', () => {
  it.each(HOSTILE_ZIPS.map((hostile) => [hostile.name, hostile] as const))('refuses %s', async (_name, hostile) => {
    const problem = await refusal(await hostile.build());
    expect(problem.problem).toBe(hostile.problem);
    expect(problem.entry).toBe(hostile.entry);
    if (hostile.entry !== null) expect(problem.message).toContain(`“${printable(hostile.entry)}”`);
    expect(problem.message).toMatch(/^The (bundle|file) /);
    expect(problem.message).toMatch(/\.$/);
  }, 30_000);

  it('counts the entries before reading any of them', async () => {
    // Eleven entries whose data is not there at all: only the count can refuse them.
    const bytes = rawZip(Array.from({ length: 11 }, (_, index) => ({ name: `e${index}`, compressedSize: 10, uncompressedSize: 10 })));
    const problem = await refusal(bytes, { ...BUNDLE_LIMITS, maxEntries: 10 });
    expect(problem.problem).toBe('too-many-entries');
    expect(problem.message).toContain('11 entries');
    expect(problem.message).toContain('the 10 a bundle can have');
    // With room for them, the same entries fail only when their (missing) data is read.
    expect((await refusal(bytes, { ...BUNDLE_LIMITS, maxEntries: 11 })).problem).toBe('checksum');
  });

  it('stops inflating an entry as soon as it grows past what it declares', async () => {
    const bomb = HOSTILE_ZIPS.find((hostile) => hostile.name === 'a zip bomb that declares a small size');
    const problem = await refusal(await bomb!.build());
    expect(problem.problem).toBe('zip-bomb');
    expect(problem.message).toContain('unpacks to more than its header says');
  }, 30_000);
});

describe('a sound archive', () => {
  const entries: ArchiveEntry[] = [
    { name: 'manifest.json', data: Buffer.from('{"format":"getting-to-good-bundle","formatVersion":1}\n') },
    { name: 'empty.txt', data: Buffer.alloc(0) },
    { name: 'readable/Plan für Northmoor – 2025 “final”.pdf', data: crypto.randomBytes(70_000) },
    { name: 'attachments/0b3f', data: crypto.randomBytes(3 * 1024 * 1024), compress: false },
    { name: 'data.json', data: Buffer.from(JSON.stringify({ rows: Array.from({ length: 5000 }, (_, index) => ({ index })) })) },
  ];

  it('round-trips byte for byte, a 0-byte entry and a Unicode name included', async () => {
    const files = await readArchive(await writeArchive(entries));
    expect([...files.keys()]).toEqual(entries.map((entry) => entry.name));
    for (const entry of entries) expect(files.get(entry.name)!.equals(entry.data)).toBe(true);
  });

  it('is written to the same bytes every time', async () => {
    const [first, second] = await Promise.all([writeArchive(entries), writeArchive(entries)]);
    expect(first.equals(second)).toBe(true);
  });

  it('stores an entry uncompressed when asked', async () => {
    const data = Buffer.alloc(100_000, 'a');
    const [packed, stored] = await Promise.all([writeArchive([{ name: 'a.txt', data }]), writeArchive([{ name: 'a.txt', data, compress: false }])]);
    expect(packed.length).toBeLessThan(2_000);
    expect(stored.length).toBeGreaterThan(100_000);
    expect((await readArchive(stored)).get('a.txt')!.equals(data)).toBe(true);
  });

  it('skips folder entries', async () => {
    const zip = new yazl.ZipFile();
    zip.addEmptyDirectory('readable/');
    zip.addBuffer(Buffer.from('x'), 'readable/a.txt');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    expect([...(await readArchive(Buffer.concat(chunks))).keys()]).toEqual(['readable/a.txt']);
  });

  it('refuses to write an unsafe or repeated name', async () => {
    await expect(writeArchive([{ name: '../x', data: Buffer.alloc(1) }])).rejects.toThrow(/Cannot write/);
    await expect(writeArchive([{ name: 'A.json', data: Buffer.alloc(1) }, { name: 'a.json', data: Buffer.alloc(1) }])).rejects.toThrow(/Two archive entries/);
  });
});

describe('limits', () => {
  it('has the agreed defaults', () => {
    expect(BUNDLE_LIMITS).toEqual({ maxArchiveBytes: 2 ** 30, maxEntries: 50_000, maxEntryBytes: 480 * 2 ** 20, maxTotalBytes: 2 * 2 ** 30, maxRatio: 1_000 });
  });

  it('says before a bundle is made whether reading it back would refuse it for its size, and the two always agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 4_000 }), { minLength: 1, maxLength: 8 }),
        fc.record({ maxEntries: fc.integer({ min: 1, max: 8 }), maxEntryBytes: fc.integer({ min: 0, max: 4_000 }), maxTotalBytes: fc.integer({ min: 0, max: 20_000 }) }),
        async (sizes, chosen) => {
          const entries = sizes.map((size, index) => ({ name: `file-${index}.bin`, data: crypto.randomBytes(size) }));
          const limits: ArchiveLimits = { ...BUNDLE_LIMITS, ...chosen };
          const problem = sizeProblem(entries, limits);
          const bytes = await writeArchive(entries);
          if (problem === null) {
            expect((await readArchive(bytes, limits)).size).toBe(entries.length);
          } else {
            const refused = await refusal(bytes, limits);
            expect(['too-large', 'too-many-entries']).toContain(refused.problem);
            expect(refused.entry).toBe(problem.entry);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(sizeProblem([{ name: 'data.json', data: Buffer.alloc(2048) }], { ...BUNDLE_LIMITS, maxEntryBytes: 1024 })?.words).toBe('its data.json would be 2 KB, more than the 1 KB one file of a bundle can be');
    // Named as the person making the bundle would name the file.
    const named = (name: string) => (name === 'data.json' ? 'records' : name);
    expect(sizeProblem([{ name: 'data.json', data: Buffer.alloc(2048) }], { ...BUNDLE_LIMITS, maxEntryBytes: 1024 }, named)?.words).toBe('its records would be 2 KB, more than the 1 KB one file of a bundle can be');
  });

  it('takes each limit from the caller', async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    const bytes = await writeArchive([
      { name: 'a.bin', data: crypto.randomBytes(600_000) },
      { name: 'b.bin', data: crypto.randomBytes(600_000) },
      { name: 'zeros.bin', data: zeros },
    ]);
    // 2 MiB of zeros packs tighter than 1,000:1, so the other limits are tried with room for it.
    const roomy: ArchiveLimits = { ...BUNDLE_LIMITS, maxRatio: 5_000 };
    expect((await readArchive(bytes, roomy)).get('zeros.bin')!.equals(zeros)).toBe(true);

    const ratio = await refusal(bytes);
    expect([ratio.problem, ratio.entry]).toEqual(['zip-bomb', 'zeros.bin']);
    expect(ratio.message).toContain('more than 1000 times its packed size');

    const archive = await refusal(bytes, { ...roomy, maxArchiveBytes: bytes.length - 1 });
    expect([archive.problem, archive.entry]).toEqual(['too-large', null]);
    expect(archive.message).toMatch(/^The file is .* more than the .* a bundle can be/);

    const entries = await refusal(bytes, { ...roomy, maxEntries: 2 });
    expect(entries.problem).toBe('too-many-entries');

    const entry = await refusal(bytes, { ...roomy, maxEntryBytes: 1024 * 1024 });
    expect([entry.problem, entry.entry]).toEqual(['too-large', 'zeros.bin']);
    expect(entry.message).toContain('more than the 1 MB one entry can be');

    const total = await refusal(bytes, { ...roomy, maxTotalBytes: 1_000_000 });
    expect([total.problem, total.entry]).toEqual(['too-large', 'b.bin']);
  });

  it('takes a real file that packs tighter than most, such as a log of repeated lines', async () => {
    const log = Buffer.from(Array.from({ length: 100_000 }, (_, line) => `Case audit panel: case ${line % 4} reviewed, no change.\n`).join(''));
    const bytes = await writeArchive([{ name: 'attachments/panel-log.txt', data: log }]);
    expect(log.length / bytes.length).toBeGreaterThan(200);
    expect((await readArchive(bytes)).get('attachments/panel-log.txt')!.equals(log)).toBe(true);
  });

  it('leaves the ratio of small entries alone', async () => {
    const bytes = await writeArchive([{ name: 'small.json', data: Buffer.alloc(1024 * 1024, ' ') }]);
    expect((await readArchive(bytes, { ...BUNDLE_LIMITS, maxRatio: 2 })).get('small.json')!.length).toBe(1024 * 1024);
  });
});
