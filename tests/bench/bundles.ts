// The plan-bundle benchmark: the large generated plan with 50 MB of evidence files, exported to a
// bundle and imported into a fresh data folder through the contract as the app calls it, set
// against the system's `zip` packing the same files. Figures, not pass/fail: see README.md.
//
//   node --import tsx tests/bench/bundles.ts [--actions 5000] [--evidence-mb 50] [--runs 3] [--dir folder] [--keep]
//
// Exports leave out the plan as a PDF (printing is timed by bench:packs); the spreadsheet copy
// is in every bundle and so in every figure. The passphrase's key derivation (scrypt, made slow
// on purpose) is timed on its own and taken out of the locked export's figure.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Sqlite from 'better-sqlite3';
import type { OpenedApp } from '../../electron/core/app';
import { deriveKey } from '../../electron/core/bundles/envelope';
import { ACTOR, call, isMain, openBench as open, peakRssBytes, REPORT_FOLDER, ROOT } from './common';
import { generatePlan, planSize } from './generate';
import type { Figure } from './services';
import { loadAverage, machineFacts, megabytes, ms, roundTo, stats, time, type Stats } from './timing';

const PASSPHRASE = 'a passphrase for the benchmark';

// ---------------------------------------------------------------- the plan and its evidence

const WORDS = (
  'the panel reviewed case records supervision plan child family social worker manager visit assessment ' +
  'outcome timescale agreed action escalated audit practice quality improvement evidence meeting partner ' +
  'health school police referral threshold decision recorded review independent reviewing officer placement'
).split(' ');

/** Text that reads like minutes of a case audit panel: words in varying order, so it packs as prose does. */
function minutes(size: number, seed: number): Buffer {
  let state = (seed * 2_654_435_761) >>> 0;
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    const word = WORDS[state % WORDS.length]!;
    const piece = state % 11 === 0 ? `${word}. ` : `${word} `;
    parts.push(piece);
    length += piece.length;
  }
  return Buffer.from(parts.join('').slice(0, size));
}

/**
 * Evidence as councils keep it: scanned letters and photographs (already compressed, so random
 * bytes stand for them) and Word and text notes (which compress), in files of 100 KB to 2 MB,
 * each cited by an action as a piece of evidence.
 */
export function addEvidence(sqlite: Sqlite.Database, planId: string, totalBytes: number): { files: number; bytes: number } {
  const actionIds = (sqlite.prepare('select id from actions where plan_id = ? order by id').all(planId) as { id: string }[]).map((row) => row.id);
  const now = new Date().toISOString();
  const insertAttachment = sqlite.prepare('insert into attachments (hash, size, media_type, content, created_at) values (?, ?, ?, ?, ?)');
  const insertEvidence = sqlite.prepare(
    `insert into evidence (id, created_at, updated_at, updated_by, revision, deleted_at, action_id, kind, title, url, note, file_name, attachment_hash)
     values (?, ?, ?, ?, 1, null, ?, 'file', ?, null, null, ?, ?)`,
  );
  let written = 0;
  let files = 0;
  sqlite.transaction(() => {
    while (written < totalBytes) {
      const size = Math.min(totalBytes - written, 100 * 1024 + ((files * 379_391) % (1900 * 1024)));
      const compressible = files % 3 === 2;
      const content = compressible ? minutes(size, files) : crypto.randomBytes(size);
      const hash = crypto.createHash('sha256').update(content).digest('hex');
      insertAttachment.run(hash, content.length, compressible ? 'text/plain' : 'application/pdf', content, now);
      const fileName = compressible ? `audit-panel-${files}.txt` : `evidence-${files}.pdf`;
      insertEvidence.run(crypto.randomUUID(), now, now, ACTOR, actionIds[files % actionIds.length]!, `Evidence ${files}`, fileName, hash);
      written += content.length;
      files += 1;
    }
  })();
  return { files, bytes: written };
}

// ---------------------------------------------------------------- export, import, zip

async function exportBundle(app: OpenedApp, planId: string, passphrase: string | null) {
  const exported = await call(app, 'bundles.export', { planId, themeId: null, classification: 'official', passphrase, withPdf: false });
  const pieces: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await call(app, 'bundles.download', { exportId: exported.exportId, offset });
    const bytes = Buffer.from(chunk.chunkBase64, 'base64');
    pieces.push(bytes);
    offset += bytes.length;
    if (chunk.done) break;
  }
  await call(app, 'bundles.forgetExport', { exportId: exported.exportId });
  return { bytes: Buffer.concat(pieces), exported };
}

async function importBundle(app: OpenedApp, bytes: Buffer, passphrase: string | null): Promise<{ receiveMs: number; inspectMs: number; applyMs: number; added: number }> {
  const piece = 6 * 1024 * 1024;
  const received = await time(async () => {
    let transferId: string | null = null;
    for (let offset = 0; offset < bytes.length; offset += piece) {
      const answer: { transferId: string } = await call(app, 'bundles.receive', { transferId, fileName: 'bench.g2g', chunkBase64: bytes.subarray(offset, offset + piece).toString('base64') });
      transferId = answer.transferId;
    }
    return transferId!;
  });
  const inspected = await time(() => call(app, 'bundles.inspect', { transferId: received.value, passphrase }));
  const applied = await time(() => call(app, 'bundles.apply', { transferId: received.value, passphrase, resolutions: {}, trustSignerAs: null }));
  await call(app, 'bundles.discard', { transferId: received.value }).catch(() => undefined);
  return { receiveMs: received.ms, inspectMs: inspected.ms, applyMs: applied.ms, added: applied.value.added };
}

/** Imports into a fresh data folder, removed afterwards so a run of large bundles does not fill the disk. */
async function importFresh(folder: string, bytes: Buffer, passphrase: string | null) {
  const target = open(folder);
  try {
    return await importBundle(target, bytes, passphrase);
  } finally {
    target.close();
    // Files may still be being written into the folder after the import has answered (seen as
    // ENOTEMPTY): removing it is then left to the end of the run, when the work folder goes.
    try {
      fs.rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // Removed with the rest of the work folder.
    }
  }
}

/** Unpacks the bundle's files into `folder`/unpacked, for the system's `zip` to pack. */
function unpackForZip(bundle: Buffer, folder: string): string {
  const unpacked = path.join(folder, 'unpacked');
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.mkdirSync(unpacked, { recursive: true });
  const source = path.join(folder, 'source.zip');
  fs.writeFileSync(source, bundle);
  execFileSync('unzip', ['-q', source, '-d', unpacked]);
  fs.rmSync(source, { force: true });
  return unpacked;
}

/** The same files packed by the system's `zip` (deflate, its default level), for the ratio. */
function zipOnce(unpacked: string, folder: string): { ms: number; bytes: number } {
  const packed = path.join(folder, 'system.zip');
  fs.rmSync(packed, { force: true });
  const started = performance.now();
  execFileSync('zip', ['-q', '-r', packed, '.'], { cwd: unpacked });
  const result = { ms: performance.now() - started, bytes: fs.statSync(packed).size };
  fs.rmSync(packed, { force: true });
  return result;
}

export interface BundleFigures {
  bundle: { bytes: number; lockedBytes: number | null; records: Record<string, number>; attachments: number; systemZipBytes: number; zip: string };
  operations: Record<string, Figure>;
  ratios: { exportToSystemZip: number; importToSystemZip: number | null; lockedExportLessKdfToSystemZip: number | null };
  sameBundleAgain: unknown;
  /** Why the app refused to import its own bundle, when it did. */
  importRefused: string | null;
}

/**
 * Exports the plan `planId` of the data folder `source` as a bundle and imports it into fresh data
 * folders under `work`, `runs` times each, with the system's `zip -r` of the same files taken in
 * turn with each round. With `locked`, also the same with a passphrase and the key derivation
 * alone; with `mergeBack`, the same bundle merged into the plan it came from.
 */
export async function measureBundles(
  work: string,
  source: string,
  planId: string,
  options: { runs: number; locked?: boolean; mergeBack?: boolean },
): Promise<BundleFigures> {
  const { runs } = options;
  const app = open(source);
  try {
    // Warm up: the modules load once. This first bundle is the one imported and zipped.
    const warm = await exportBundle(app, planId, null);
    const unpacked = unpackForZip(warm.bytes, work);
    const exportTimes: number[] = [];
    const importRounds: Awaited<ReturnType<typeof importBundle>>[] = [];
    const zipTimes: number[] = [];
    let zipBytes = 0;
    // A bundle the app refuses to import (a limit passed) is reported, and the rest still timed.
    let importRefused: string | null = null;
    for (let round = 0; round < runs; round += 1) {
      exportTimes.push((await time(() => exportBundle(app, planId, null))).ms);
      if (importRefused === null) {
        try {
          importRounds.push(await importFresh(path.join(work, `import-${round}`), warm.bytes, null));
        } catch (error) {
          importRefused = (error as Error).message;
        }
      }
      const zipped = zipOnce(unpacked, work);
      zipTimes.push(zipped.ms);
      zipBytes = zipped.bytes;
    }
    fs.rmSync(unpacked, { recursive: true, force: true });

    const zipStats = stats(zipTimes);
    const exportStats = stats(exportTimes);
    const againstZip = (label: string, ours: Stats): Figure => ({ label, ours, raw: zipStats, rawLabel: 'system zip -r', ratio: ours.medianMs / zipStats.medianMs });
    const operations: Record<string, Figure> = {
      'bundles.export': againstZip('bundle export (bundles.export and download)', exportStats),
      'system-zip': { label: 'system zip -r of the same files', ours: zipStats },
    };
    const importStats = importRounds.length > 0 ? stats(importRounds.map((round) => round.receiveMs + round.inspectMs + round.applyMs)) : null;
    if (importStats) {
      operations['bundles.import'] = againstZip('bundle import into a fresh data folder (receive, inspect, apply)', importStats);
      operations['bundles.import-receive'] = { label: '  of which receive', ours: stats(importRounds.map((round) => round.receiveMs)) };
      operations['bundles.import-inspect'] = { label: '  of which inspect', ours: stats(importRounds.map((round) => round.inspectMs)) };
      operations['bundles.import-apply'] = { label: '  of which apply (backs up and writes; the inspection is reused while nothing has changed)', ours: stats(importRounds.map((round) => round.applyMs)) };
    }

    let lockedBytes: number | null = null;
    let lockedRatio: number | null = null;
    if (options.locked) {
      const lockedTimes: number[] = [];
      let locked: Buffer = Buffer.alloc(0);
      for (let round = 0; round < runs; round += 1) {
        const timed = await time(() => exportBundle(app, planId, PASSPHRASE));
        lockedTimes.push(timed.ms);
        locked = timed.value.bytes;
      }
      const kdfTimes: number[] = [];
      for (let round = 0; round < runs; round += 1) kdfTimes.push((await time(() => deriveKey(PASSPHRASE, crypto.randomBytes(16)))).ms);
      const lockedImportTimes: number[] = [];
      for (let round = 0; round < runs; round += 1) {
        const imported = await importFresh(path.join(work, `import-locked-${round}`), locked, PASSPHRASE);
        lockedImportTimes.push(imported.receiveMs + imported.inspectMs + imported.applyMs);
      }
      const lockedStats = stats(lockedTimes);
      const kdfStats = stats(kdfTimes);
      operations['bundles.export-locked'] = againstZip('bundle export locked, with key derivation', lockedStats);
      operations['kdf'] = { label: 'key derivation (scrypt) alone', ours: kdfStats };
      operations['bundles.import-locked'] = againstZip('bundle import locked, with key derivation (once: apply reuses what inspect read)', stats(lockedImportTimes));
      lockedBytes = locked.length;
      lockedRatio = roundTo((lockedStats.medianMs - kdfStats.medianMs) / zipStats.medianMs);
    }
    // Merging the same bundle back into the plan it came from: every record compared, none changed.
    const sameBundleAgain = options.mergeBack ? await importBundle(app, warm.bytes, null).catch((error: Error) => ({ error: error.message })) : null;

    return {
      bundle: {
        bytes: warm.bytes.length,
        lockedBytes,
        records: warm.exported.records,
        attachments: warm.exported.attachments,
        systemZipBytes: zipBytes,
        zip: execFileSync('zip', ['-v'], { encoding: 'utf8' }).split('\n')[1]?.trim() ?? 'zip',
      },
      operations,
      ratios: {
        exportToSystemZip: roundTo(exportStats.medianMs / zipStats.medianMs),
        importToSystemZip: importStats ? roundTo(importStats.medianMs / zipStats.medianMs) : null,
        lockedExportLessKdfToSystemZip: lockedRatio,
      },
      sameBundleAgain,
      importRefused,
    };
  } finally {
    app.close();
  }
}

// ---------------------------------------------------------------- the command line

function parse() {
  const { values: args } = parseArgs({
    options: {
      actions: { type: 'string', default: '5000' },
      'evidence-mb': { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string', default: os.tmpdir() },
      keep: { type: 'boolean', default: false },
      /** Internal: generate the plan and its evidence into this data folder, print its id, and stop. */
      'generate-into': { type: 'string' },
    },
  });
  const actionCount = Number(args.actions);
  const evidenceBytes = Number(args['evidence-mb']) * 1024 * 1024;
  const runs = Number(args.runs);
  if (!Number.isInteger(actionCount) || actionCount < 1) throw new Error('--actions takes a whole number above 0.');
  if (!Number.isFinite(evidenceBytes) || evidenceBytes < 0) throw new Error('--evidence-mb takes a number of megabytes.');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number above 0.');
  return { args, actionCount, evidenceBytes, runs };
}

function generateInto(dataDirectory: string, actionCount: number, evidenceBytes: number): void {
  const app = open(dataDirectory);
  const generated = generatePlan(app.core.db.$client, planSize(actionCount));
  const evidence = addEvidence(app.core.db.$client, generated.planId, evidenceBytes);
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  process.stdout.write(JSON.stringify({ planId: generated.planId, size: generated.size, evidence }));
}

async function main(): Promise<void> {
  const { args, actionCount, evidenceBytes, runs } = parse();
  if (args['generate-into']) return generateInto(args['generate-into'], actionCount, evidenceBytes);
  fs.mkdirSync(args.dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(path.resolve(args.dir), 'g2g-bench-bundles-'));
  const source = path.join(work, 'source');
  try {
    const generationStart = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--generate-into', source, '--actions', String(actionCount), '--evidence-mb', String(args['evidence-mb'])], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`Generating the plan failed:\n${child.stderr}`);
    const { planId, size, evidence } = JSON.parse(child.stdout) as { planId: string; size: ReturnType<typeof planSize>; evidence: { files: number; bytes: number } };
    const generationMs = performance.now() - generationStart;
    const loadBefore = loadAverage();

    const figures = await measureBundles(work, source, planId, { runs, locked: true, mergeBack: true });
    const report = {
      when: new Date().toISOString(),
      machine: { ...machineFacts(loadBefore), zip: figures.bundle.zip },
      plan: { actions: size.actions, kpis: size.kpis, kpiValues: size.kpis * size.kpiPeriods, progressUpdates: size.progressUpdates, evidence, generationMs: Math.round(generationMs) },
      bundle: figures.bundle,
      timings: Object.fromEntries(Object.values(figures.operations).map((figure) => [figure.label, figure.ours])),
      ratios: figures.ratios,
      importRefused: figures.importRefused,
      sameBundleAgain: figures.sameBundleAgain,
      memory: { nodePeakRssMb: megabytes(peakRssBytes()) },
    };
    fs.mkdirSync(REPORT_FOLDER, { recursive: true });
    fs.writeFileSync(path.join(REPORT_FOLDER, 'bundles.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(
      `Plan bundle of ${size.actions.toLocaleString('en-GB')} actions and ${megabytes(evidence.bytes)} MB of evidence in ${evidence.files} files ` +
        `(${report.machine.cpus} CPUs, load ${loadBefore.join(' ')})`,
    );
    console.log(`  bundle ${megabytes(figures.bundle.bytes)} MB (locked ${megabytes(figures.bundle.lockedBytes ?? 0)} MB); system zip of the same files ${megabytes(figures.bundle.systemZipBytes)} MB`);
    for (const [name, figure] of Object.entries(report.timings)) {
      console.log(`  ${name.padEnd(68)} median ${ms(figure.medianMs).padStart(6)} ms  (min ${ms(figure.minMs)}, max ${ms(figure.maxMs)}, ${figure.runs} run${figure.runs === 1 ? '' : 's'})`);
    }
    console.log(`  ratios to system zip: export ${figures.ratios.exportToSystemZip}, locked export less key derivation ${figures.ratios.lockedExportLessKdfToSystemZip}, import ${figures.ratios.importToSystemZip}`);
    if (figures.importRefused) console.log(`  the import was refused: ${figures.importRefused}`);
    console.log(`  the same bundle merged back into its own plan: ${JSON.stringify(figures.sameBundleAgain)}`);
    console.log(`  peak memory: Node ${report.memory.nodePeakRssMb} MB RSS`);
    console.log(`Written to ${path.relative(ROOT, path.join(REPORT_FOLDER, 'bundles.json'))}`);
  } finally {
    if (!args.keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.filename)) await main();
