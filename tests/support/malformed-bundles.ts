// Malformed input for the bundle methods, and the means the bundle tests share: exporting and
// downloading a bundle, sending one in pieces, importing it, and rebuilding it damaged.
import { readArchive, writeArchive } from '../../electron/core/bundles/archive';
import { listFiles } from '../../electron/core/bundles/manifest';
import { loadOrCreateInstallationKey } from '../../electron/core/bundles/signing';
import type { AppliedBundle, BundleInspection, bundleMethods, ExportBundleInput, ExportedBundle } from '../../shared/contract-bundles';
import type { TestApp } from './temp-app';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';

/** Malformed inputs for the bundle methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_BUNDLES: Record<keyof typeof bundleMethods, [unknown, string][]> = {
  'bundles.signingKey': [[{ regenerate: true }, '']],
  'bundles.trustedKeys': [[{ all: 1 }, '']],
  'bundles.forgetKey': [[{ fingerprint: '' }, 'fingerprint'], [{}, 'fingerprint'], [{ fingerprint: 'A'.repeat(201) }, 'fingerprint']],
  'bundles.export': [
    [{ planId: 'plan', classification: 'official' }, 'planId'],
    [{ planId: ID, classification: 'secret' }, 'classification'],
    [{ planId: ID }, 'classification'],
    [{ planId: ID, classification: 'official', passphrase: 'short' }, 'passphrase'],
    [{ planId: ID, classification: 'official', themeId: 'theme 2' }, 'themeId'],
    [{ planId: ID, classification: 'official', withPdf: 'yes' }, 'withPdf'],
    [{ planId: ID, classification: 'official', recipients: ['ofsted'] }, ''],
  ],
  'bundles.download': [[{ exportId: ID, offset: -1 }, 'offset'], [{ exportId: ID, offset: 1.5 }, 'offset'], [{ offset: 0 }, 'exportId']],
  'bundles.prepareEmail': [[{ exportId: ID, folder: '   ' }, 'folder'], [{ exportId: 'x', folder: '/tmp' }, 'exportId']],
  'bundles.defaultFolder': [[{ folder: '/tmp' }, '']],
  'bundles.receive': [
    [{ transferId: null, fileName: 'plan.g2g', chunkBase64: 'not base64!' }, 'chunkBase64'],
    [{ transferId: null, fileName: '', chunkBase64: 'UEsDBA==' }, 'fileName'],
    [{ transferId: 'first', fileName: 'plan.g2g', chunkBase64: 'UEsDBA==' }, 'transferId'],
    [{ fileName: 'plan.g2g', chunkBase64: 'UEsDBA==' }, 'transferId'],
    [{ transferId: null, fileName: 'plan.g2g', chunkBase64: 'A'.repeat(8 * 1024 * 1024 + 4) }, 'chunkBase64'],
  ],
  'bundles.inspect': [[{ transferId: 'x' }, 'transferId'], [{ transferId: ID, passphrase: 'p'.repeat(1001) }, 'passphrase']],
  'bundles.apply': [
    [{ transferId: ID, resolutions: { [ID]: 'mine' } }, `resolutions.${ID}`],
    [{ transferId: ID, resolutions: { 'not-an-id': 'here' } }, 'resolutions.not-an-id'],
    [{ transferId: ID, trustSignerAs: '  ' }, 'trustSignerAs'],
    [{ transferId: ID, everything: true }, ''],
  ],
  'bundles.discard': [[{ transferId: 7 }, 'transferId']],
  'bundles.forgetExport': [[{}, 'exportId']],
};

// ---------------------------------------------------------------- bundles made, sent and damaged

/** Exports a bundle through the contract and reads it back piece by piece, as the page does. */
export async function exportAndDownload(app: TestApp, input: ExportBundleInput): Promise<{ exported: ExportedBundle; bytes: Buffer }> {
  const exported = await app.call('bundles.export', input);
  const pieces: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const piece = await app.call('bundles.download', { exportId: exported.exportId, offset });
    pieces.push(Buffer.from(piece.chunkBase64, 'base64'));
    offset = piece.offset;
    if (piece.done) break;
  }
  return { exported, bytes: Buffer.concat(pieces) };
}

/** Sends a file to the app piece by piece (of `pieceBytes`), as the page does; returns the transfer. */
export async function sendBundle(app: TestApp, bytes: Buffer, fileName = 'plan.g2g', pieceBytes = 3 * 1024 * 1024): Promise<string> {
  let transferId: string | null = null;
  for (let start = 0; start === 0 || start < bytes.length; start += pieceBytes) {
    const piece = bytes.subarray(start, start + pieceBytes);
    const received: { transferId: string } = await app.call('bundles.receive', { transferId, fileName, chunkBase64: piece.toString('base64') });
    transferId = received.transferId;
  }
  if (transferId === null) throw new Error('nothing sent');
  return transferId;
}

/** Sends, inspects and applies a bundle, deciding every conflict one way. */
export async function importBundle(
  app: TestApp,
  bytes: Buffer,
  options: { passphrase?: string | null; resolve?: 'here' | 'incoming' | null; trustSignerAs?: string | null } = {},
): Promise<{ inspection: BundleInspection; applied: AppliedBundle }> {
  const transferId = await sendBundle(app, bytes);
  const inspection = await app.call('bundles.inspect', { transferId, passphrase: options.passphrase ?? null });
  const choice = options.resolve ?? null;
  const resolutions = choice ? Object.fromEntries(inspection.conflicts.map((conflict) => [conflict.id, choice])) : {};
  const applied = await app.call('bundles.apply', { transferId, passphrase: options.passphrase ?? null, resolutions, trustSignerAs: options.trustSignerAs ?? null });
  return { inspection, applied };
}

/**
 * Rebuilds a bundle with its files changed by `change`. With `resign`, the manifest is rewritten
 * to list the files as they now are and signed again with that data folder's key, so the change
 * passes the checksums and the signature and reaches the checks behind them.
 */
export async function rebuildBundle(
  bytes: Buffer,
  change: (files: Map<string, Buffer>) => void,
  options: { resign?: string; manifest?: (manifest: Record<string, unknown>) => void } = {},
): Promise<Buffer> {
  const files = await readArchive(bytes);
  change(files);
  if (options.resign) {
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    const entries = [...files].filter(([name]) => name !== 'manifest.json' && name !== 'signature.json').map(([name, data]) => ({ name, data }));
    manifest.files = listFiles(entries);
    options.manifest?.(manifest);
    const key = loadOrCreateInstallationKey(options.resign);
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    files.set('manifest.json', manifestBytes);
    files.set('signature.json', Buffer.from(JSON.stringify({ algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint, signature: key.sign(manifestBytes) })));
  }
  return writeArchive([...files].map(([name, data]) => ({ name, data })));
}

/** data.json of a bundle, to change and put back with `withData`. */
export async function readData(bytes: Buffer): Promise<{ tables: Record<string, Record<string, unknown>[]>; attachments: Record<string, unknown>[]; bases: Record<string, Record<string, string | null>>; audit: unknown[] }> {
  const files = await readArchive(bytes);
  return JSON.parse(files.get('data.json')?.toString('utf8') ?? '{}');
}

export function setJson(files: Map<string, Buffer>, name: string, value: unknown): void {
  files.set(name, Buffer.from(JSON.stringify(value)));
}

/** Every row of a table as SQLite holds it, column by column, in id order. */
export function rawRows(app: TestApp, table: string, ids?: Iterable<string>): Record<string, unknown>[] {
  const order: Record<string, string> = { attachments: 'hash', audit_log: 'sequence', bundle_bases: 'entity_type, entity_id', settings: 'key', trusted_keys: 'fingerprint' };
  const rows = app.core.db.$client.prepare(`select * from ${table} order by ${order[table] ?? 'id'}`).all() as Record<string, unknown>[];
  if (!ids) return rows;
  const wanted = new Set(ids);
  return rows.filter((row) => wanted.has(String(row.id ?? row.hash)));
}
