// The installation's Ed25519 signing key, and checking signatures made with such keys.
//
// Guards against: a bundle passed off as coming from someone else, or changed after it was
// signed (verifySignature answers false, never throws, whatever bytes it is given); the private
// key being readable by other users of the computer (its file is mode 0600 in a 0700 folder);
// two first runs at once each making a key of their own (the file is named exclusively, and the
// loser reads the winner's key); and a key file cut short by a full disk or a crash (it is
// written whole under another name first, electron/core/files.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileNotWritten, writeWholeFileSync } from '../files';
import { BundleProblem } from './archive';

export const KEY_FOLDER = 'keys';
export const KEY_FILE_NAME = 'installation-signing-key.pem';

export interface InstallationKey {
  /** Base64 of the 32 raw bytes of the public key. */
  publicKey: string;
  fingerprint: string;
  /** Base64 of the 64-byte Ed25519 signature. */
  sign(data: Buffer): string;
}

export function loadOrCreateInstallationKey(dataDirectory: string): InstallationKey {
  const folder = path.join(dataDirectory, KEY_FOLDER);
  const file = path.join(folder, KEY_FILE_NAME);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
    try {
      writeWholeFileSync(file, pem, { what: 'signing key', mode: 0o600, exclusive: true });
    } catch (error) {
      if (!(error instanceof FileNotWritten && error.systemCode === 'EEXIST')) throw error;
    }
  }
  if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  } catch {
    throw new Error(`The signing key in ${file} cannot be read. Move the file aside and start the app again to make a new key (bundles you sent before will then show a new fingerprint).`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`The file ${file} does not hold an Ed25519 signing key.`);
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign: (data) => crypto.sign(null, data, privateKey).toString('base64'),
  };
}

/** SHA-256 of the raw public key as 16 groups of four upper-case hex digits, for people to compare. */
export function fingerprintOf(publicKey: string): string {
  const raw = strictBase64(publicKey, 32);
  if (raw === null) {
    throw new BundleProblem('signature', 'The bundle’s signature names a key that is not an Ed25519 public key, so who made it cannot be checked.', 'signature.json');
  }
  const hex = crypto.createHash('sha256').update(raw).digest('hex').toUpperCase();
  return (hex.match(/.{4}/g) ?? []).join(' ');
}

export function verifySignature(publicKey: string, data: Buffer, signature: string): boolean {
  try {
    const raw = strictBase64(publicKey, 32);
    const signatureBytes = strictBase64(signature, 64);
    if (raw === null || signatureBytes === null || !Buffer.isBuffer(data)) return false;
    const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    return crypto.verify(null, data, key, signatureBytes);
  } catch {
    return false;
  }
}

/** The decoded bytes when `text` is canonical base64 of exactly `length` bytes, else null. */
function strictBase64(text: unknown, length: number): Buffer | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length && bytes.toString('base64') === text ? bytes : null;
}
