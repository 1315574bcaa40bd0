// manifest.json and signature.json: what a bundle is, who made it, and every other file of it
// with its size and SHA-256, signed over the manifest's exact bytes. A receiver checks the
// signature first and then every file against the manifest, so nothing in a bundle can be
// changed, added or left out after it was signed without the bundle being refused.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { CLASSIFICATIONS } from '../../../shared/vocabulary';
import { fingerprintOf, verifySignature, type InstallationKey } from './signing';
import { refusal } from './refusals';

export const BUNDLE_FORMAT = 'getting-to-good-bundle';
/** The newest format this version of the app writes and reads. */
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'signature.json';
export const DATA_ENTRY = 'data.json';
export const README_ENTRY = 'README.txt';
export const ATTACHMENTS_FOLDER = 'attachments/';
export const PDF_ENTRY = 'readable/plan.pdf';
export const XLSX_ENTRY = 'readable/action-plan.xlsx';

const uuid = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestFile = z.object({ path: z.string().min(1).max(500), bytes: z.number().int().min(0), sha256 }).strict();

export const Manifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.number().int().min(1),
    bundleId: uuid,
    appVersion: z.string().min(1).max(100),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: z.string().max(500),
    authority: z.object({ id: uuid, name: z.string().max(500) }).strict(),
    plan: z
      .object({ id: uuid, title: z.string().max(1000), version: z.number().int().min(1), revision: z.number().int().min(0) })
      .strict(),
    scope: z.object({ themeId: uuid.nullable(), themeTitle: z.string().max(1000).nullable() }).strict(),
    classification: z.enum(CLASSIFICATIONS),
    files: z.array(ManifestFile),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

export const Signature = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().min(1).max(200),
    fingerprint: z.string().min(1).max(200),
    signature: z.string().min(1).max(500),
  })
  .strict();
export type Signature = z.infer<typeof Signature>;

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The manifest's file list for these entries. */
export function listFiles(entries: { name: string; data: Buffer }[]): Manifest['files'] {
  return entries.map((entry) => ({ path: entry.name, bytes: entry.data.length, sha256: sha256Of(entry.data) }));
}

/** The manifest's bytes and the signature over exactly those bytes. */
export function signManifest(manifest: Manifest, key: InstallationKey): { manifestBytes: Buffer; signatureBytes: Buffer } {
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const signature: Signature = { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint, signature: key.sign(manifestBytes) };
  return { manifestBytes, signatureBytes: Buffer.from(`${JSON.stringify(signature, null, 2)}\n`, 'utf8') };
}

/** Reads JSON, refusing text that is not JSON with a message naming the file. */
export function readJson(bytes: Buffer, entry: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw refusal('bad-data', entry, `The bundle is damaged: ${entry} is not readable JSON. Ask the sender for a fresh copy.`);
  }
}

/**
 * Checks the manifest and its signature, and every file of the bundle against the manifest:
 * nothing unlisted, nothing missing, each file's size and SHA-256 as signed.
 */
export function checkManifest(files: Map<string, Buffer>): { manifest: Manifest; signature: Signature } {
  const manifestBytes = files.get(MANIFEST_ENTRY);
  if (!manifestBytes) {
    throw refusal(
      'not-a-bundle',
      MANIFEST_ENTRY,
      'This file is not a Getting to Good plan bundle: it has no manifest.json. Check that you chose the .g2g file you were sent.',
    );
  }
  const raw = readJson(manifestBytes, MANIFEST_ENTRY);
  const head = z.object({ format: z.string(), formatVersion: z.number().int(), appVersion: z.string().max(100) }).safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) {
    throw refusal(
      'not-a-bundle',
      MANIFEST_ENTRY,
      'This file is not a Getting to Good plan bundle: its manifest.json does not say so. Check that you chose the .g2g file you were sent.',
    );
  }
  if (head.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw refusal(
      'newer-format',
      MANIFEST_ENTRY,
      `This bundle was made by Getting to Good ${head.data.appVersion}, in a newer bundle format (version ${head.data.formatVersion}) ` +
        `than this copy of the app reads (version ${BUNDLE_FORMAT_VERSION}). Install Getting to Good ${head.data.appVersion} or later to import it.`,
    );
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refusal(
      'bad-data',
      MANIFEST_ENTRY,
      `The bundle is damaged: its manifest.json is not as a bundle’s must be (${issue ? `${issue.path.join('.') || 'the whole file'}: ${issue.message}` : 'unreadable'}). Ask the sender for a fresh copy.`,
    );
  }
  const manifest = parsed.data;

  const signatureBytes = files.get(SIGNATURE_ENTRY);
  if (!signatureBytes) {
    throw refusal('missing-file', SIGNATURE_ENTRY, 'The bundle is not signed: signature.json is missing, so who made it cannot be checked. Ask the sender for a fresh copy.');
  }
  const signature = Signature.safeParse(readJson(signatureBytes, SIGNATURE_ENTRY));
  if (
    !signature.success ||
    fingerprintOf(signature.data.publicKey) !== signature.data.fingerprint ||
    !verifySignature(signature.data.publicKey, manifestBytes, signature.data.signature)
  ) {
    throw refusal(
      'signature',
      SIGNATURE_ENTRY,
      'The bundle’s signature does not match its manifest: the bundle was changed after it was signed, or damaged on the way. Do not use it; ask the sender for a fresh copy.',
    );
  }

  const listed = new Map<string, Manifest['files'][number]>();
  for (const file of manifest.files) {
    if (file.path === MANIFEST_ENTRY || file.path === SIGNATURE_ENTRY || listed.has(file.path)) {
      throw refusal('bad-data', MANIFEST_ENTRY, `The bundle is damaged: its manifest lists ${file.path} twice or wrongly. Ask the sender for a fresh copy.`);
    }
    listed.set(file.path, file);
  }
  for (const name of files.keys()) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    if (!listed.has(name)) {
      throw refusal(
        'unlisted-file',
        name,
        `The bundle holds a file its signed manifest does not list (${name}): it was added after the bundle was signed. Do not use it; ask the sender for a fresh copy.`,
      );
    }
  }
  for (const file of manifest.files) {
    const data = files.get(file.path);
    if (!data) {
      throw refusal('missing-file', file.path, `The bundle is incomplete: ${file.path} is listed in its manifest but missing. Ask the sender for a fresh copy.`);
    }
    if (data.length !== file.bytes || sha256Of(data) !== file.sha256) {
      throw refusal(
        'checksum',
        file.path,
        `The bundle is damaged: ${file.path} does not match its checksum; it was changed after it was signed. Ask the sender for a fresh copy.`,
      );
    }
  }
  return { manifest, signature: signature.data };
}
