// The passphrase lock: a locked bundle opens only with its passphrase, a wrong passphrase is told
// apart from a changed file, every changed byte is refused, and the outer file explains itself.
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleProblem, readArchive, writeArchive } from '../../electron/core/bundles/archive';
import { decryptBundle, deriveKey, ENCRYPTED_ENTRY, ENCRYPTION_ENTRY, encryptBundle, isEncrypted, SCRYPT_PARAMS } from '../../electron/core/bundles/envelope';

const PASSPHRASE = 'correct horse battery staple';

async function refusal(work: Promise<unknown>): Promise<BundleProblem> {
  try {
    await work;
  } catch (error) {
    if (error instanceof BundleProblem) return error;
    throw error;
  }
  throw new Error('Nothing was refused');
}

function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

/** The outer files with encryption.json changed by `edit`. */
function withHeader(files: Map<string, Buffer>, edit: (header: Record<string, unknown>) => void): Map<string, Buffer> {
  const header = JSON.parse(files.get(ENCRYPTION_ENTRY)!.toString('utf8')) as Record<string, unknown>;
  edit(header);
  return new Map(files).set(ENCRYPTION_ENTRY, Buffer.from(JSON.stringify(header)));
}

let inner: Buffer;
let outer: Buffer;
let files: Map<string, Buffer>;

beforeAll(async () => {
  inner = await writeArchive([
    { name: 'manifest.json', data: Buffer.from('{"format":"getting-to-good-bundle","formatVersion":1,"plan":"Northmoor improvement plan"}') },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ]);
  outer = await encryptBundle(inner, PASSPHRASE);
  files = await readArchive(outer);
});

describe('a locked bundle', () => {
  it('opens with its passphrase to the exact inner bytes', async () => {
    expect(isEncrypted(files)).toBe(true);
    expect((await decryptBundle(files, PASSPHRASE)).equals(inner)).toBe(true);
  });

  it('takes the passphrase however its accents were typed', async () => {
    const locked = await readArchive(await encryptBundle(inner, 'Café à Northmoor 2025'.normalize('NFD')));
    expect((await decryptBundle(locked, 'Café à Northmoor 2025'.normalize('NFC'))).equals(inner)).toBe(true);
  });

  it('holds a README, its settings and the locked bytes, stored as they are', async () => {
    expect([...files.keys()]).toEqual(['README.txt', ENCRYPTION_ENTRY, ENCRYPTED_ENTRY]);
    const readme = files.get('README.txt')!.toString('utf8');
    expect(readme).toContain('Getting to Good');
    expect(readme).toContain('passphrase');
    expect(readme).toContain('import a bundle');
    const zip = await yauzl.fromBufferPromise(outer, { lazyEntries: true });
    const methods: Record<string, number> = {};
    for await (const entry of zip.eachEntry()) methods[entry.fileName] = entry.compressionMethod;
    expect(methods[ENCRYPTED_ENTRY]).toBe(0);
    expect(files.get(ENCRYPTED_ENTRY)!.length).toBe(inner.length);
    expect(outer.includes(Buffer.from('Northmoor improvement plan'))).toBe(false);
  });

  it('records its settings in encryption.json', () => {
    const header = JSON.parse(files.get(ENCRYPTION_ENTRY)!.toString('utf8')) as {
      format: string;
      version: number;
      kdf: { name: string; N: number; r: number; p: number; salt: string };
      cipher: string;
      iv: string;
      tag: string;
    };
    expect(header).toMatchObject({ format: 'g2g-encrypted', version: 1, kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }, cipher: 'aes-256-gcm' });
    expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(header.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(header.tag, 'base64')).toHaveLength(16);
  });

  it('uses a fresh salt and IV each time', async () => {
    const again = await readArchive(await encryptBundle(inner, PASSPHRASE));
    const first = JSON.parse(files.get(ENCRYPTION_ENTRY)!.toString('utf8')) as { kdf: { salt: string }; iv: string };
    const second = JSON.parse(again.get(ENCRYPTION_ENTRY)!.toString('utf8')) as { kdf: { salt: string }; iv: string };
    expect(second.kdf.salt).not.toBe(first.kdf.salt);
    expect(second.iv).not.toBe(first.iv);
    expect(again.get(ENCRYPTED_ENTRY)!.equals(files.get(ENCRYPTED_ENTRY)!)).toBe(false);
  });

  it('is told apart from a bundle without a lock', async () => {
    expect(isEncrypted(await readArchive(inner))).toBe(false);
  });
});

describe('opening a locked bundle is refused', () => {
  it('without a passphrase', async () => {
    for (const missing of [null, '']) {
      const problem = await refusal(decryptBundle(files, missing));
      expect(problem.problem).toBe('passphrase-needed');
      expect(problem.message).toContain('locked with a passphrase');
    }
  });

  it('with the wrong passphrase', async () => {
    const problem = await refusal(decryptBundle(files, 'correct horse battery stapler'));
    expect(problem.problem).toBe('passphrase-wrong');
    expect(problem.message).toContain('does not open this bundle');
  });

  it.each([
    ['a changed byte of the locked data', (source: Map<string, Buffer>) => new Map(source).set(ENCRYPTED_ENTRY, flipByte(source.get(ENCRYPTED_ENTRY)!, 10))],
    ['locked data cut short', (source: Map<string, Buffer>) => new Map(source).set(ENCRYPTED_ENTRY, source.get(ENCRYPTED_ENTRY)!.subarray(0, 50))],
    ['a changed tag', (source: Map<string, Buffer>) => withHeader(source, (header) => (header.tag = flipByte(Buffer.from(header.tag as string, 'base64'), 0).toString('base64')))],
    ['a changed IV', (source: Map<string, Buffer>) => withHeader(source, (header) => (header.iv = flipByte(Buffer.from(header.iv as string, 'base64'), 3).toString('base64')))],
  ])('with %s, saying the file was changed', async (_name, tamper) => {
    const problem = await refusal(decryptBundle(tamper(files), PASSPHRASE));
    expect([problem.problem, problem.entry]).toEqual(['bad-data', ENCRYPTED_ENTRY]);
    expect(problem.message).toContain('the passphrase is right');
    expect(problem.message).toContain(ENCRYPTED_ENTRY);
  });

  it('with changed key settings, as a passphrase that does not fit them', async () => {
    const weaker = withHeader(files, (header) => ((header.kdf as { N: number }).N = 2 ** 16));
    expect((await refusal(decryptBundle(weaker, PASSPHRASE))).problem).toBe('passphrase-wrong');
  });

  it('with settings that would exhaust the computer, before deriving anything', async () => {
    for (const kdf of [{ N: 2 ** 30 }, { N: 100_000 }, { r: 1000 }, { p: 64 }]) {
      const greedy = withHeader(files, (header) => Object.assign(header.kdf as object, kdf));
      const problem = await refusal(decryptBundle(greedy, PASSPHRASE));
      expect([problem.problem, problem.entry]).toEqual(['bad-data', ENCRYPTION_ENTRY]);
    }
  });

  it('when its settings are unreadable, missing or from a newer version', async () => {
    const unreadable = await refusal(decryptBundle(new Map(files).set(ENCRYPTION_ENTRY, Buffer.from('{not json')), PASSPHRASE));
    expect([unreadable.problem, unreadable.entry]).toEqual(['bad-data', ENCRYPTION_ENTRY]);
    expect(unreadable.message).toContain('encryption.json');

    const withoutSettings = new Map(files);
    withoutSettings.delete(ENCRYPTION_ENTRY);
    expect((await refusal(decryptBundle(withoutSettings, PASSPHRASE))).problem).toBe('missing-file');

    const withoutData = new Map(files);
    withoutData.delete(ENCRYPTED_ENTRY);
    const missing = await refusal(decryptBundle(withoutData, PASSPHRASE));
    expect([missing.problem, missing.entry]).toEqual(['missing-file', ENCRYPTED_ENTRY]);

    const newer = await refusal(decryptBundle(withHeader(files, (header) => (header.version = 2)), PASSPHRASE));
    expect(newer.problem).toBe('newer-format');
    expect(newer.message).toContain('newer version of Getting to Good');
  });

  it('when a file beside the locked data has been added', async () => {
    const problem = await refusal(decryptBundle(new Map(files).set('data.json', Buffer.from('{}')), PASSPHRASE));
    expect([problem.problem, problem.entry]).toEqual(['unlisted-file', 'data.json']);
  });

  it('when the outer file was changed on the way, before any passphrase is tried', async () => {
    const start = outer.indexOf(files.get(ENCRYPTED_ENTRY)!);
    expect(start).toBeGreaterThan(0);
    const problem = await refusal(readArchive(flipByte(outer, start + 5)));
    expect([problem.problem, problem.entry]).toEqual(['checksum', ENCRYPTED_ENTRY]);
  });
});

describe('deriving the key', () => {
  it('gives the same keys for the same passphrase and salt, and others for another salt', async () => {
    const salt = Buffer.alloc(16, 7);
    const params = { N: 2 ** 14, r: 8, p: 1 };
    const [first, second, other] = await Promise.all([deriveKey(PASSPHRASE, salt, params), deriveKey(PASSPHRASE, salt, params), deriveKey(PASSPHRASE, Buffer.alloc(16, 8), params)]);
    expect(first.cipherKey.equals(second.cipherKey)).toBe(true);
    expect(first.cipherKey).toHaveLength(32);
    expect(first.checkKey).toHaveLength(32);
    expect(first.cipherKey.equals(first.checkKey)).toBe(false);
    expect(first.cipherKey.equals(other.cipherKey)).toBe(false);
  });

  it('uses strong settings by default', () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });
});
