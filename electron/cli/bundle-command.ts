// `g2g bundle export|import|verify`: plan bundles from the command line, through the same
// contract methods the app's pages call, so a bundle is checked, previewed and applied exactly
// as on screen. A passphrase is read from an environment variable, never from the command line
// (where other users of the machine could see it).
import path from 'node:path';
import type { BundleInspection } from '../../shared/contract-bundles';
import { describeKindCount } from '../../shared/record-kinds';
import { CLASSIFICATIONS, describeFileSize, type Classification } from '../../shared/vocabulary';
import { findUp } from '../core/paths';
import { findChromium } from '../core/printing/find-chromium';
import { serveApp, type ServedApp } from '../web/serve-app';
import { CommandFailure, EXIT_CODES_HELP, formatTable, UsageFailure, type DataCommand, type DataCommandContext } from './command';
import { call, checkWritable, findPlan, readGivenFile, rejectExtraArguments, requiredOption, writeWhole } from './command-files';

/** Bytes per piece sent to `bundles.receive`: whole base64 of at most 8 MB. */
const PIECE_BYTES = 6 * 1024 * 1024;

function passphraseFrom(context: DataCommandContext, command: string): string | null {
  const name = context.options['passphrase-env'];
  if (name === undefined) return null;
  if (typeof name !== 'string' || name.trim() === '') throw new UsageFailure(`“g2g ${command}” needs the name of an environment variable after --passphrase-env.`);
  const value = process.env[name.trim()];
  if (!value) throw new UsageFailure(`The environment variable ${name.trim()} named by --passphrase-env is not set.`);
  return value;
}

/** Sends the file to the services piece by piece, as the import page does. */
async function sendFile(context: DataCommandContext, file: string): Promise<string> {
  const bytes = readGivenFile(file, 'bundle');
  if (bytes.length === 0) throw new CommandFailure(`The bundle ${file} is empty: it is not a plan bundle.`);
  let transferId: string | null = null;
  for (let offset = 0; offset < bytes.length; offset += PIECE_BYTES) {
    const received: { transferId: string } = await call(context, 'bundles.receive', {
      transferId,
      fileName: path.basename(file),
      chunkBase64: bytes.subarray(offset, offset + PIECE_BYTES).toString('base64'),
    });
    transferId = received.transferId;
  }
  return transferId!;
}

async function inspect(context: DataCommandContext, transferId: string, passphrase: string | null): Promise<BundleInspection> {
  try {
    return await call(context, 'bundles.inspect', { transferId, passphrase });
  } catch (error) {
    await call(context, 'bundles.discard', { transferId });
    throw error;
  }
}

function signerLine(inspection: BundleInspection): string {
  const { signer } = inspection;
  const trust =
    signer.trust === 'this-installation' ? 'this installation’s own key' : signer.trust === 'trusted' ? `a trusted key (“${signer.label}”)` : 'a key not trusted here';
  return `Signed by ${inspection.createdBy} on ${inspection.createdAt} with ${trust}: ${signer.fingerprint}`;
}

function describeInspection(context: DataCommandContext, inspection: BundleInspection): void {
  context.out(`${inspection.fileName}: ${inspection.planTitle} (${inspection.authority})${inspection.themeTitle ? `, theme “${inspection.themeTitle}”` : ''}`);
  context.out(signerLine(inspection));
  context.out(`Marking: ${inspection.classification.toUpperCase()}${inspection.encrypted ? '; locked with a passphrase' : ''}`);
  context.out(inspection.planIsNew ? 'The plan is new here.' : 'The plan is already here: these are updates to it.');
  const rows = inspection.kinds
    .filter((kind) => kind.added + kind.changed + kind.deleted + kind.keptHere + kind.conflicts > 0)
    .map((kind) => [kind.kindLabel, String(kind.added), String(kind.changed), String(kind.deleted), String(kind.keptHere), String(kind.conflicts)]);
  if (rows.length === 0) context.out('Importing it would change nothing.');
  else context.out(formatTable(['Kind', 'New', 'Changed', 'Deleted', 'Kept as here', 'Conflicts'], rows));
  for (const conflict of inspection.conflicts) {
    context.out(`Conflict: ${conflict.kindLabel} ${conflict.description} (id ${conflict.id})`);
    for (const field of conflict.fields) context.out(`  ${field.label}: here “${field.here}”, in the bundle “${field.incoming}”`);
  }
}

const bundleExport: DataCommand = {
  name: 'bundle export',
  summary: 'write a plan, or one theme of it, to a signed plan bundle (.g2g)',
  options: {
    plan: { type: 'string' },
    out: { type: 'string' },
    theme: { type: 'string' },
    marking: { type: 'string' },
    'passphrase-env': { type: 'string' },
    'without-pdf': { type: 'boolean' },
  },
  help: [
    'Usage: g2g bundle export --plan ID|TITLE --out FILE [--theme REF] [--marking official|official-sensitive]',
    '                         [--passphrase-env VAR] [--without-pdf] [--json]',
    '',
    'Options:',
    '  --plan ID|TITLE       the plan, by its id or its title (g2g plans list shows both)',
    '  --out FILE            where to write the bundle',
    '  --theme REF           only this theme (its reference, such as 2), for its lead',
    '  --marking M           official or official-sensitive (the plan’s own marking if left out)',
    '  --passphrase-env VAR  lock the bundle with the passphrase held in this environment variable',
    '  --without-pdf         leave out the plan as a PDF (printing it needs Chromium)',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),

  async run(context) {
    rejectExtraArguments(context, 'bundle export');
    const named = requiredOption(context, 'bundle export', 'plan', 'ID or TITLE (g2g plans list shows each plan)');
    const out = path.resolve(requiredOption(context, 'bundle export', 'out', 'FILE (where to write the bundle)'));
    const marking = context.options.marking;
    if (marking !== undefined && !CLASSIFICATIONS.includes(marking as Classification)) {
      throw new UsageFailure(`--marking must be one of ${CLASSIFICATIONS.join(' or ')}, not “${String(marking)}”.`);
    }
    const passphrase = passphraseFrom(context, 'bundle export');
    checkWritable(out, 'bundle');
    const plan = await findPlan(context, named);
    const planId = plan.id;
    let themeId: string | null = null;
    if (typeof context.options.theme === 'string') {
      const themes = await call(context, 'themes.list', { planId });
      const theme = themes.find((each) => each.reference === context.options.theme || each.id === context.options.theme);
      if (!theme) throw new CommandFailure(`“${plan.title}” has no theme “${context.options.theme}”. Its themes are ${themes.map((each) => each.reference).join(', ')}.`);
      themeId = theme.id;
    }

    const withPdf = context.options['without-pdf'] !== true;
    let served: ServedApp | null = null;
    if (withPdf) {
      try {
        findChromium();
        served = await serveApp(context.app, { rendererDirectory: findUp(import.meta.dirname, 'out/renderer'), port: 0 });
      } catch (error) {
        throw new CommandFailure(`The plan cannot be printed for the bundle: ${(error as Error).message} Use --without-pdf to leave the PDF out.`);
      }
    }
    try {
      const exported = await call(context, 'bundles.export', {
        planId,
        themeId,
        classification: (marking as Classification | undefined) ?? plan.classification,
        passphrase,
        withPdf,
      });
      const pieces: Buffer[] = [];
      for (let offset = 0; ; ) {
        const chunk = await call(context, 'bundles.download', { exportId: exported.exportId, offset });
        const bytes = Buffer.from(chunk.chunkBase64, 'base64');
        pieces.push(bytes);
        offset += bytes.length;
        if (chunk.done) break;
      }
      await call(context, 'bundles.forgetExport', { exportId: exported.exportId });
      writeWhole(out, Buffer.concat(pieces), 'bundle');
      if (context.json) {
        context.out(JSON.stringify({ file: out, ...exported }, null, 2));
      } else {
        const counts = Object.entries(exported.records)
          .filter(([, count]) => count > 0)
          .map(([kind, count]) => describeKindCount(kind, count));
        context.out(`Wrote ${out} (${describeFileSize(exported.bytes)}${exported.encrypted ? ', locked with a passphrase' : ''}).`);
        context.out(`It holds ${counts.join(', ')}, and ${exported.attachments} evidence files.`);
        if (exported.readableCopies.length > 0) context.out(`Readable without the app: ${exported.readableCopies.join(', ')}.`);
        context.out(`Signed with this installation’s key: ${exported.fingerprint}`);
      }
      return 0;
    } finally {
      await served?.close();
    }
  },
};

const bundleVerify: DataCommand = {
  name: 'bundle verify',
  summary: 'check a plan bundle (signature, checksums, every record) and say what importing it would change',
  options: { file: { type: 'string' }, 'passphrase-env': { type: 'string' } },
  help: [
    'Usage: g2g bundle verify --file FILE [--passphrase-env VAR] [--json]',
    '',
    'Checks everything an import checks and prints who signed the bundle and what importing it would',
    'change here. Nothing is saved.',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),

  async run(context) {
    rejectExtraArguments(context, 'bundle verify');
    const file = path.resolve(requiredOption(context, 'bundle verify', 'file', 'FILE (the .g2g bundle)'));
    const passphrase = passphraseFrom(context, 'bundle verify');
    const transferId = await sendFile(context, file);
    const inspection = await inspect(context, transferId, passphrase);
    await call(context, 'bundles.discard', { transferId });
    if (context.json) context.out(JSON.stringify(inspection, null, 2));
    else {
      describeInspection(context, inspection);
      context.out('The bundle is sound: its signature, its files and every record check out.');
    }
    return 0;
  },
};

const bundleImport: DataCommand = {
  name: 'bundle import',
  summary: 'import a plan bundle: a new plan, or updates to a plan already here',
  options: {
    file: { type: 'string' },
    'passphrase-env': { type: 'string' },
    take: { type: 'string' },
    'trust-as': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  help: [
    'Usage: g2g bundle import --file FILE [--passphrase-env VAR] [--take here|incoming] [--trust-as LABEL] [--dry-run] [--json]',
    '',
    'Options:',
    '  --take SIDE       for records changed both here and in the bundle: keep the version here, or',
    '                    take the incoming one. Without it, such records stop the import and are listed.',
    '  --trust-as LABEL  trust the key that signed the bundle from now on, under this name',
    '  --dry-run         check and show what would change, and save nothing',
    '',
    'The database is backed up before the import, which is applied whole or not at all.',
    '',
    EXIT_CODES_HELP,
  ].join('\n'),

  async run(context) {
    rejectExtraArguments(context, 'bundle import');
    const file = path.resolve(requiredOption(context, 'bundle import', 'file', 'FILE (the .g2g bundle)'));
    const take = context.options.take;
    if (take !== undefined && take !== 'here' && take !== 'incoming') throw new UsageFailure(`--take must be here or incoming, not “${String(take)}”.`);
    const trustAs = typeof context.options['trust-as'] === 'string' ? context.options['trust-as'].trim() || null : null;
    const passphrase = passphraseFrom(context, 'bundle import');
    const transferId = await sendFile(context, file);
    const inspection = await inspect(context, transferId, passphrase);
    if (!context.json) describeInspection(context, inspection);
    if (context.options['dry-run'] === true || (inspection.conflicts.length > 0 && take === undefined)) {
      await call(context, 'bundles.discard', { transferId });
      if (context.options['dry-run'] === true) {
        if (context.json) context.out(JSON.stringify(inspection, null, 2));
        else context.out('Nothing was saved (--dry-run).');
        return 0;
      }
      throw new CommandFailure(
        `Nothing was imported: ${inspection.conflicts.length} records were changed both here and in the bundle. ` +
          'Decide them in the app, or run again with --take here or --take incoming.',
      );
    }
    const resolutions = Object.fromEntries(inspection.conflicts.map((conflict) => [conflict.id, take as 'here' | 'incoming']));
    try {
      const applied = await call(context, 'bundles.apply', { transferId, passphrase, resolutions, trustSignerAs: trustAs });
      if (context.json) context.out(JSON.stringify(applied, null, 2));
      else context.out(`Imported: ${applied.added} new, ${applied.changed} changed, ${applied.deleted} deleted records. The database as it was is kept at ${applied.backupFile}.`);
      return 0;
    } finally {
      await call(context, 'bundles.discard', { transferId }).catch(() => undefined);
    }
  },
};

export const bundleCommands: DataCommand[] = [bundleExport, bundleImport, bundleVerify];
