// The installation's signing key: made once on first use and kept private, the same key on every
// later run, its fingerprint in the form people compare, and signatures that check only for the
// exact bytes and key they were made with.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BundleProblem } from '../../electron/core/bundles/archive';
import { fingerprintOf, type InstallationKey, loadOrCreateInstallationKey, verifySignature } from '../../electron/core/bundles/signing';

const folders: string[] = [];
function dataDirectory(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-signing-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const keyFile = (folder: string) => path.join(folder, 'keys', 'installation-signing-key.pem');

describe('the installation key', () => {
  it('is made on first use as a PKCS#8 file and reused after', () => {
    const folder = dataDirectory();
    const first = loadOrCreateInstallationKey(folder);
    const pem = fs.readFileSync(keyFile(folder), 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(crypto.createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');

    const second = loadOrCreateInstallationKey(folder);
    expect(second.publicKey).toBe(first.publicKey);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(fs.readFileSync(keyFile(folder), 'utf8')).toBe(pem);
    expect(loadOrCreateInstallationKey(dataDirectory()).publicKey).not.toBe(first.publicKey);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only', () => {
    const folder = dataDirectory();
    loadOrCreateInstallationKey(folder);
    expect(fs.statSync(keyFile(folder)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(folder, 'keys')).mode & 0o077).toBe(0);
    fs.chmodSync(keyFile(folder), 0o644);
    loadOrCreateInstallationKey(folder);
    expect(fs.statSync(keyFile(folder)).mode & 0o777).toBe(0o600);
  });

  it('gives its public key as base64 of 32 raw bytes', () => {
    const folder = dataDirectory();
    const key = loadOrCreateInstallationKey(folder);
    expect(Buffer.from(key.publicKey, 'base64')).toHaveLength(32);
    const spki = crypto.createPublicKey(fs.readFileSync(keyFile(folder))).export({ format: 'der', type: 'spki' });
    expect(spki.subarray(-32).toString('base64')).toBe(key.publicKey);
  });

  it('says what to do when its file is spoiled', () => {
    const folder = dataDirectory();
    fs.mkdirSync(path.join(folder, 'keys'));
    fs.writeFileSync(keyFile(folder), 'not a key');
    expect(() => loadOrCreateInstallationKey(folder)).toThrow(/cannot be read\. Move the file aside/);
  });
});

describe('fingerprints', () => {
  it('are SHA-256 of the raw key in 16 groups of four upper-case hex digits', () => {
    const raw = Buffer.alloc(32, 1);
    const fingerprint = fingerprintOf(raw.toString('base64'));
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    expect(fingerprint.replace(/ /g, '')).toBe(crypto.createHash('sha256').update(raw).digest('hex').toUpperCase());
  });

  it('refuse what is not a 32-byte key', () => {
    for (const bad of ['', 'AAAA', Buffer.alloc(33).toString('base64'), 'not base64 at all!']) {
      expect(() => fingerprintOf(bad)).toThrow(BundleProblem);
    }
  });
});

describe('signatures', () => {
  const data = Buffer.from('{"format":"getting-to-good-bundle","formatVersion":1}');
  let key: InstallationKey;
  let signature: string;
  beforeAll(() => {
    // The key stays in memory after its folder is removed.
    key = loadOrCreateInstallationKey(dataDirectory());
    signature = key.sign(data);
  });

  it('check for the data and key they were made with', () => {
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifySignature(key.publicKey, data, signature)).toBe(true);
  });

  it('fail for changed data, a changed signature or another key', () => {
    const changed = Buffer.from(data);
    changed[5] = changed[5]! ^ 1;
    expect(verifySignature(key.publicKey, changed, signature)).toBe(false);
    expect(verifySignature(key.publicKey, Buffer.concat([data, Buffer.from(' ')]), signature)).toBe(false);
    const bytes = Buffer.from(signature, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    expect(verifySignature(key.publicKey, data, bytes.toString('base64'))).toBe(false);
    const other = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    expect(verifySignature(Buffer.from(other, 'base64url').toString('base64'), data, signature)).toBe(false);
  });

  it('answer false, never throw, for garbage', () => {
    const garbage: unknown[] = ['', 'AAAA', '!!!', 'A'.repeat(10_000), `${signature}=`, ` ${signature}`, null, undefined, 42, {}];
    for (const value of garbage) {
      expect(verifySignature(value as string, data, signature)).toBe(false);
      expect(verifySignature(key.publicKey, data, value as string)).toBe(false);
      expect(verifySignature(key.publicKey, value as Buffer, signature)).toBe(false);
    }
    // A key of the right length that is not a point on the curve.
    expect(verifySignature(Buffer.alloc(32, 0xff).toString('base64'), data, signature)).toBe(false);
  });
});
