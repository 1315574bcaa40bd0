// Bundles that must be refused, through the contract on a real database: every hostile archive
// of the shared corpus, and bundles damaged or forged from a sound one (bad JSON, a record the
// schema refuses, a record naming one that is nowhere, a changed attachment or manifest, a wrong
// passphrase, a newer format, an attachment over the limit, a file added). Each is refused with
// `bundle-refused`, says what is wrong in words, and leaves the database file exactly as it was.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { makeTempDirectory, openTestApp, type TestApp } from '../support/temp-app';
import { HOSTILE_ZIPS } from '../support/hostile-zips';
import { exportAndDownload, readData, rebuildBundle, sendBundle, setJson } from '../support/malformed-bundles';
import { PlanBuilder } from '../support/plan-builder';
import { databaseBytes } from '../support/refusals';

let sender: TestApp;
let receiver: TestApp;
let sound: Buffer;
let locked: Buffer;
let ids: { planId: string; owner: string; action: string; hash: string };
/** A data folder whose key signs the forged bundles: what a forger with their own key can do. */
const forger = makeTempDirectory('g2g-forger-');

beforeAll(async () => {
  sender = openTestApp({ clock: () => new Date('2026-11-22T10:30:00Z') });
  const plan = new PlanBuilder(sender);
  const owner = plan.person('Dana Hughes');
  const theme = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice', leadId: owner });
  const action = plan.action({ reference: '1.1', themeId: theme, ownerId: owner, title: 'Audit supervision' });
  plan.update(action, '2026-10-01', 'amber');
  const audit = Buffer.from('Audit of supervision records, October 2026.');
  await sender.call('evidence.addFile', { actionId: action, fileName: 'audit.txt', mediaType: 'text/plain', contentBase64: audit.toString('base64') });
  ids = { planId: plan.planId, owner, action, hash: crypto.createHash('sha256').update(audit).digest('hex') };
  sound = (await exportAndDownload(sender, { planId: plan.planId, classification: 'official-sensitive', withPdf: false })).bytes;
  locked = (await exportAndDownload(sender, { planId: plan.planId, classification: 'official-sensitive', passphrase: 'correct horse battery staple', withPdf: false })).bytes;
  receiver = openTestApp();
  new PlanBuilder(receiver, { title: 'Another council’s plan' });
});
afterAll(() => {
  sender.close();
  receiver.close();
});

/**
 * Sends the bytes, then inspects and applies them: both must be refused for `problem`, naming
 * `entry` when given, with the database file unchanged throughout.
 */
async function expectBundleRefused(bytes: Buffer, problem: string, options: { entry?: string | null; message?: RegExp; passphrase?: string | null } = {}) {
  const before = databaseBytes(receiver);
  const transferId = await sendBundle(receiver, bytes, 'suspect.g2g');
  const passphrase = options.passphrase ?? null;
  const inspected = await receiver.send('bundles.inspect', { transferId, passphrase });
  expect(inspected.ok, 'the bundle was accepted').toBe(false);
  if (inspected.ok) return;
  expect(inspected.error.code, inspected.error.message).toBe('bundle-refused');
  expect(inspected.error.details.problem, inspected.error.message).toBe(problem);
  if (options.entry !== undefined) expect(inspected.error.details.entry).toBe(options.entry);
  if (options.message) expect(inspected.error.message).toMatch(options.message);
  const applied = await receiver.send('bundles.apply', { transferId, passphrase, resolutions: {} });
  expect(applied.ok).toBe(false);
  if (applied.ok) return;
  expect(applied.error.code).toBe('bundle-refused');
  expect(applied.error.details.problem).toBe(problem);
  expect(applied.error.message).toMatch(/^Nothing was saved/);
  expect(databaseBytes(receiver)).toBe(before);
  await receiver.call('bundles.discard', { transferId });
}

describe('the hostile archive corpus', () => {
  for (const hostile of HOSTILE_ZIPS) {
    it(`refuses ${hostile.name} (${hostile.problem})`, async () => {
      await expectBundleRefused(await hostile.build(), hostile.problem, { entry: hostile.entry });
    });
  }
});

describe('bundles damaged or forged from a sound one', () => {
  it('the sound bundle itself is accepted, so each refusal below is the damage’s doing', async () => {
    expect((await readData(sound)).attachments).toMatchObject([{ hash: ids.hash }]);
    const transferId = await sendBundle(receiver, sound);
    const inspection = await receiver.call('bundles.inspect', { transferId, passphrase: null });
    expect(inspection).toMatchObject({ planIsNew: true, hasChanges: true, classification: 'official-sensitive' });
    await receiver.call('bundles.discard', { transferId });
  });

  it('data.json that is not JSON', async () => {
    const bytes = await rebuildBundle(sound, (files) => files.set('data.json', Buffer.from('{"tables": {"actions": [')), { resign: forger });
    await expectBundleRefused(bytes, 'bad-data', { entry: 'data.json', message: /data\.json is not readable JSON/ });
  });

  it('data.json that is JSON but not laid out as a bundle’s data', async () => {
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'data.json', { tables: [], attachments: {} }), { resign: forger });
    await expectBundleRefused(bytes, 'bad-data', { entry: 'data.json' });
  });

  it('a record failing its table’s schema, named with the field', async () => {
    const data = await readData(sound);
    const [action] = data.tables.actions ?? [];
    if (action) action.rag = 'purple';
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'data.json', data), { resign: forger });
    await expectBundleRefused(bytes, 'invalid-record', { entry: 'data.json', message: new RegExp(`action that is not valid: record 1 of actions \\(id ${ids.action}\\): rag`) });
  });

  it('a record with a column the app does not have', async () => {
    const data = await readData(sound);
    const [update] = data.tables.progress_updates ?? [];
    if (update) update.sqlInjection = "'); drop table actions; --";
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'data.json', data), { resign: forger });
    await expectBundleRefused(bytes, 'invalid-record', { message: /progress update that is not valid/ });
  });

  it('a kind of record the app does not know', async () => {
    const data = await readData(sound);
    data.tables.sqlite_master = [{ id: 'x' }];
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'data.json', data), { resign: forger });
    await expectBundleRefused(bytes, 'invalid-record', { message: /kind this app does not know \(“sqlite_master”\)/ });
  });

  it('a record naming one neither in the bundle nor here, naming both', async () => {
    const data = await readData(sound);
    data.tables.people = [];
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'data.json', data), { resign: forger });
    await expectBundleRefused(bytes, 'dangling-reference', { message: new RegExp(`names a person \\(${ids.owner}\\) that is neither in the bundle nor on this computer`) });
  });

  it('a record of another plan', async () => {
    const data = await readData(sound);
    const [action] = data.tables.actions ?? [];
    if (action) action.planId = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'data.json', data), { resign: forger });
    await expectBundleRefused(bytes, 'invalid-record', { message: /does not belong to “Improvement plan”/ });
  });

  it('an attachment changed after signing', async () => {
    const name = `attachments/${ids.hash}`;
    const bytes = await rebuildBundle(sound, (files) => files.set(name, Buffer.from('Audit of supervision records, October 2025.')));
    await expectBundleRefused(bytes, 'checksum', { entry: name, message: /does not match its checksum/ });
  });

  it('an attachment changed and signed again, whose bytes no longer hash to its name', async () => {
    const name = `attachments/${ids.hash}`;
    const bytes = await rebuildBundle(sound, (files) => files.set(name, Buffer.from('Audit of supervision records, October 2025.')), { resign: forger });
    await expectBundleRefused(bytes, 'checksum', { entry: name });
  });

  it('a manifest changed after signing', async () => {
    const bytes = await rebuildBundle(sound, (files) => {
      const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
      manifest.classification = 'official';
      setJson(files, 'manifest.json', manifest);
    });
    await expectBundleRefused(bytes, 'signature', { entry: 'signature.json', message: /changed after it was signed/ });
  });

  it('a signature that is not a signature', async () => {
    const bytes = await rebuildBundle(sound, (files) => setJson(files, 'signature.json', { algorithm: 'Ed25519', publicKey: 'AAAA', fingerprint: 'AAAA', signature: 'AAAA' }));
    await expectBundleRefused(bytes, 'signature');
  });

  it('a bundle with no signature', async () => {
    const bytes = await rebuildBundle(sound, (files) => files.delete('signature.json'));
    await expectBundleRefused(bytes, 'missing-file', { entry: 'signature.json' });
  });

  it('a wrong passphrase, and none at all', async () => {
    await expectBundleRefused(locked, 'passphrase-wrong', { passphrase: 'incorrect horse battery staple' });
    await expectBundleRefused(locked, 'passphrase-needed');
  });

  it('a bundle of a newer format, naming the version of the app that made it', async () => {
    const bytes = await rebuildBundle(sound, () => {}, {
      resign: forger,
      manifest: (manifest) => {
        manifest.formatVersion = 2;
        manifest.appVersion = '3.1.0';
      },
    });
    await expectBundleRefused(bytes, 'newer-format', { entry: 'manifest.json', message: /made by Getting to Good 3\.1\.0.*Install Getting to Good 3\.1\.0 or later/ });
  });

  it('an attachment larger than a file of evidence can be', async () => {
    // Random bytes, so the entry packs to its own size and only the attachment limit refuses it.
    const big = crypto.randomBytes(20 * 1024 * 1024 + 1);
    const hash = crypto.createHash('sha256').update(big).digest('hex');
    const data = await readData(sound);
    data.attachments.push({ hash, size: big.length, mediaType: 'application/pdf', createdAt: '2026-11-22T10:30:00.000Z' });
    const bytes = await rebuildBundle(
      sound,
      (files) => {
        files.set(`attachments/${hash}`, big);
        setJson(files, 'data.json', data);
      },
      { resign: forger },
    );
    await expectBundleRefused(bytes, 'oversized-attachment', { entry: `attachments/${hash}`, message: /larger than a file of evidence can be/ });
  });

  it('a file added that the manifest does not list', async () => {
    const bytes = await rebuildBundle(sound, (files) => files.set('readable/extra.exe', Buffer.from('MZ')));
    await expectBundleRefused(bytes, 'unlisted-file', { entry: 'readable/extra.exe' });
  });

  it('a file the manifest lists taken out', async () => {
    const bytes = await rebuildBundle(sound, (files) => files.delete(`attachments/${ids.hash}`));
    await expectBundleRefused(bytes, 'missing-file', { entry: `attachments/${ids.hash}` });
  });

  it('a zip that is not a bundle at all', async () => {
    const bytes = await rebuildBundle(sound, (files) => {
      for (const name of [...files.keys()]) files.delete(name);
      files.set('holiday.jpg', Buffer.from('not really'));
    });
    await expectBundleRefused(bytes, 'not-a-bundle', { message: /not a Getting to Good plan bundle/ });
  });

  it('a file larger than a bundle can be is refused as it arrives', async () => {
    const transfer = await receiver.call('bundles.receive', { transferId: null, fileName: 'huge.g2g', chunkBase64: Buffer.from('PK').toString('base64') });
    const limits = await import('../../electron/core/bundles/archive');
    const original = limits.BUNDLE_LIMITS.maxArchiveBytes;
    limits.BUNDLE_LIMITS.maxArchiveBytes = 10;
    try {
      const answer = await receiver.send('bundles.receive', { transferId: transfer.transferId, fileName: 'huge.g2g', chunkBase64: Buffer.alloc(16).toString('base64') });
      expect(answer).toMatchObject({ ok: false, error: { code: 'bundle-refused', details: { problem: 'too-large' } } });
    } finally {
      limits.BUNDLE_LIMITS.maxArchiveBytes = original;
    }
    expect(await receiver.send('bundles.inspect', { transferId: transfer.transferId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
