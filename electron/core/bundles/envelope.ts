// The passphrase lock around a bundle: the whole inner zip is encrypted with AES-256-GCM under a
// key derived from the passphrase with scrypt, and carried in an outer zip with a README saying
// what the file is and how to open it.
//
// Guards against: reading a locked bundle without its passphrase; telling a wrong passphrase
// apart from a file changed or spoiled after it was locked (a check value derived from the
// passphrase says which, the GCM tag refuses any changed byte); parameters in encryption.json
// set so high that deriving the key would exhaust the computer; and outer archives carrying
// files besides the three it is made of.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import * as z from 'zod';
import { BundleProblem, writeArchive } from './archive';

export const ENCRYPTED_ENTRY = 'bundle.encrypted';
export const ENCRYPTION_ENTRY = 'encryption.json';
export const ENVELOPE_README_ENTRY = 'README.txt';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Strong enough that guessing is slow (about 128 MB and a fraction of a second per guess). */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const FORMAT = 'g2g-encrypted';
const VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Bound to the ciphertext so the same bytes cannot be passed off under another format's name. */
const ASSOCIATED_DATA = Buffer.from(`${FORMAT}/${VERSION}`);
const CHECK_LABEL = Buffer.from('passphrase check');
/** Highest memory a bundle's own parameters may ask for; ours need a quarter of it. */
const MAX_SCRYPT_MEMORY = 512 * 1024 * 1024;

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

export interface DerivedKeys {
  /** Encrypts the inner zip. */
  cipherKey: Buffer;
  /** Makes the check value that tells a wrong passphrase from a damaged file. */
  checkKey: Buffer;
}

export async function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams = SCRYPT_PARAMS): Promise<DerivedKeys> {
  const bytes = await scrypt(passphrase.normalize('NFC'), salt, 2 * KEY_BYTES, { ...params, maxmem: 2 * 128 * params.N * params.r });
  return { cipherKey: bytes.subarray(0, KEY_BYTES), checkKey: bytes.subarray(KEY_BYTES) };
}

function checkValue(keys: DerivedKeys): Buffer {
  return crypto.createHmac('sha256', keys.checkKey).update(CHECK_LABEL).digest();
}

const README = `Getting to Good: a plan bundle locked with a passphrase

This file holds an improvement plan, or part of one, from Getting to Good. It is locked with a
passphrase so that only the people it was meant for can read it.

To open it:
1. Open Getting to Good and choose to import a bundle.
2. Choose this file.
3. Enter the passphrase. The sender gives it to you separately, for example by phone, never in
   the same email as the file.

Without the app and the passphrase, nothing in this file can be read. If you do not have the
app, ask the sender for a printed copy of the plan instead.

What is inside: ${ENCRYPTED_ENTRY} is the bundle, encrypted with AES-256-GCM under a key made
from the passphrase with scrypt; ${ENCRYPTION_ENTRY} holds the settings needed to unlock it.
`;

export async function encryptBundle(inner: Buffer, passphrase: string): Promise<Buffer> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const iv = crypto.randomBytes(IV_BYTES);
  const keys = await deriveKey(passphrase, salt);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.cipherKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const encrypted = Buffer.concat([cipher.update(inner), cipher.final()]);
  const header = {
    format: FORMAT,
    version: VERSION,
    kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    check: checkValue(keys).toString('base64'),
  };
  return writeArchive([
    { name: ENVELOPE_README_ENTRY, data: Buffer.from(README) },
    { name: ENCRYPTION_ENTRY, data: Buffer.from(`${JSON.stringify(header, null, 2)}\n`) },
    { name: ENCRYPTED_ENTRY, data: encrypted, compress: false },
  ]);
}

export function isEncrypted(files: Map<string, Buffer>): boolean {
  return files.has(ENCRYPTED_ENTRY) || files.has(ENCRYPTION_ENTRY);
}

const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes && text.length % 4 === 0);

const Header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  kdf: z
    .object({
      name: z.literal('scrypt'),
      N: z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0),
      r: z.number().int().min(1).max(16),
      p: z.number().int().min(1).max(4),
      salt: base64Of(SALT_BYTES),
    })
    .refine((kdf) => 128 * kdf.N * kdf.r <= MAX_SCRYPT_MEMORY),
  cipher: z.literal('aes-256-gcm'),
  iv: base64Of(IV_BYTES),
  tag: base64Of(TAG_BYTES),
  check: base64Of(32),
});

const DAMAGED_ADVICE = 'Ask the sender for a fresh copy.';

/** The inner zip's bytes, once the passphrase has been checked and every byte authenticated. */
export async function decryptBundle(files: Map<string, Buffer>, passphrase: string | null): Promise<Buffer> {
  for (const name of files.keys()) {
    if (name !== ENVELOPE_README_ENTRY && name !== ENCRYPTION_ENTRY && name !== ENCRYPTED_ENTRY) {
      throw new BundleProblem('unlisted-file', `The bundle was refused: it holds “${name}” beside its locked contents, which a locked bundle never does. ${DAMAGED_ADVICE}`, name);
    }
  }
  const header = readHeader(files.get(ENCRYPTION_ENTRY));
  const encrypted = files.get(ENCRYPTED_ENTRY);
  if (encrypted === undefined) {
    throw new BundleProblem('missing-file', `The bundle is incomplete: its locked contents (${ENCRYPTED_ENTRY}) are missing. ${DAMAGED_ADVICE}`, ENCRYPTED_ENTRY);
  }
  if (passphrase === null || passphrase === '') {
    throw new BundleProblem('passphrase-needed', 'This bundle is locked with a passphrase. Enter the passphrase the sender gave you; they send it separately from the file.');
  }
  const { N, r, p, salt } = header.kdf;
  const keys = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  if (!crypto.timingSafeEqual(checkValue(keys), Buffer.from(header.check, 'base64'))) {
    throw new BundleProblem('passphrase-wrong', 'That passphrase does not open this bundle. Check it with the sender (letters must match in capitals and small letters) and try again.');
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.cipherKey, Buffer.from(header.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(Buffer.from(header.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch {
    throw new BundleProblem(
      'bad-data',
      `The bundle is damaged: the passphrase is right, but ${ENCRYPTED_ENTRY} was changed after it was locked, or spoiled on the way. ${DAMAGED_ADVICE}`,
      ENCRYPTED_ENTRY,
    );
  }
}

function readHeader(bytes: Buffer | undefined): z.infer<typeof Header> {
  if (bytes === undefined) {
    throw new BundleProblem('missing-file', `The bundle is incomplete: the settings needed to unlock it (${ENCRYPTION_ENTRY}) are missing. ${DAMAGED_ADVICE}`, ENCRYPTION_ENTRY);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    json = undefined;
  }
  const version = z.object({ format: z.literal(FORMAT), version: z.number().int() }).safeParse(json);
  if (version.success && version.data.version > VERSION) {
    throw new BundleProblem('newer-format', 'This bundle was locked by a newer version of Getting to Good. Update the app on this computer, then open the bundle again.', ENCRYPTION_ENTRY);
  }
  const header = Header.safeParse(json);
  if (!header.success) {
    throw new BundleProblem('bad-data', `The bundle is damaged: the settings needed to unlock it (${ENCRYPTION_ENTRY}) cannot be read. ${DAMAGED_ADVICE}`, ENCRYPTION_ENTRY);
  }
  return header.data;
}
