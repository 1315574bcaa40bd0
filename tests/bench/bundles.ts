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
import { openApp, type OpenedApp } from '../../electron/core/app';
import { deriveKey } from '../../electron/core/bundles/envelope';
import type { contract } from '../../shared/contract';
import { generatePlan, planSize } from './generate';
import { stats, time } from './timing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS_FOLDER = path.join(ROOT, 'db/migrations');
const REPORT_FOLDER = path.join(ROOT, 'out/bench');
const ACTOR = 'bench user';
const PASSPHRASE = 'a passphrase for the benchmark';

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

function open(dataDirectory: string): OpenedApp {
  return openApp({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, version: 'bench', actor: ACTOR, seedDemo: false, checkOutputs: false });
}

async function call<M extends keyof typeof contract>(app: OpenedApp, method: M, input: unknown) {
  const envelope = await app.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as ReturnType<(typeof contract)[M]['output']['parse']>;
}

const megabytes = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

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
function addEvidence(app: OpenedApp, planId: string, totalBytes: number): { files: number; bytes: number } {
  const sqlite = app.core.db.$client;
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

function generateInto(dataDirectory: string): void {
  const app = open(dataDirectory);
  const generated = generatePlan(app.core.db.$client, planSize(actionCount));
  const evidence = addEvidence(app, generated.planId, evidenceBytes);
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  process.stdout.write(JSON.stringify({ planId: generated.planId, size: generated.size, evidence }));
}

// ---------------------------------------------------------------- export, import, zip

async function exportBundle(app: OpenedApp, planId: string, passphrase: string | null): Promise<{ bytes: Buffer; exported: Awaited<ReturnType<typeof call<'bundles.export'>>> }> {
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

/** The same files packed by the system's `zip` (deflate, its default level), for the ratio. */
function zipBaseline(bundle: Buffer, folder: string): { ms: number; bytes: number } {
  const unpacked = path.join(folder, 'unpacked');
  const packed = path.join(folder, 'system.zip');
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.rmSync(packed, { force: true });
  fs.mkdirSync(unpacked, { recursive: true });
  const source = path.join(folder, 'source.zip');
  fs.writeFileSync(source, bundle);
  execFileSync('unzip', ['-q', source, '-d', unpacked]);
  const started = performance.now();
  execFileSync('zip', ['-q', '-r', packed, '.'], { cwd: unpacked });
  return { ms: performance.now() - started, bytes: fs.statSync(packed).size };
}

async function main(): Promise<void> {
  fs.mkdirSync(args.dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(path.resolve(args.dir), 'g2g-bench-bundles-'));
  const source = path.join(work, 'source');
  const generationStart = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--generate-into', source, '--actions', String(actionCount), '--evidence-mb', String(args['evidence-mb'])], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`Generating the plan failed:\n${child.stderr}`);
  const { planId, size, evidence } = JSON.parse(child.stdout) as { planId: string; size: ReturnType<typeof planSize>; evidence: { files: number; bytes: number } };
  const generationMs = performance.now() - generationStart;
  const loadBefore = os.loadavg();

  const app = open(source);
  try {
    // Warm up: the key is made and the modules load once.
    const warm = await exportBundle(app, planId, null);
    const exportTimes: number[] = [];
    for (let round = 0; round < runs; round += 1) exportTimes.push((await time(() => exportBundle(app, planId, null))).ms);
    const lockedTimes: number[] = [];
    let lockedBytes: Buffer = Buffer.alloc(0);
    for (let round = 0; round < runs; round += 1) {
      const locked = await time(() => exportBundle(app, planId, PASSPHRASE));
      lockedTimes.push(locked.ms);
      lockedBytes = locked.value.bytes;
    }
    const kdfTimes: number[] = [];
    for (let round = 0; round < runs; round += 1) kdfTimes.push((await time(() => deriveKey(PASSPHRASE, crypto.randomBytes(16)))).ms);
    const kdf = stats(kdfTimes);

    const importRounds: Awaited<ReturnType<typeof importBundle>>[] = [];
    const lockedImportTimes: number[] = [];
    for (let round = 0; round < runs; round += 1) {
      const target = open(path.join(work, `import-${round}`));
      try {
        importRounds.push(await importBundle(target, warm.bytes, null));
      } finally {
        target.close();
      }
      const lockedTarget = open(path.join(work, `import-locked-${round}`));
      try {
        const locked = await importBundle(lockedTarget, lockedBytes, PASSPHRASE);
        lockedImportTimes.push(locked.receiveMs + locked.inspectMs + locked.applyMs);
      } finally {
        lockedTarget.close();
      }
    }
    // Merging the same bundle back into the plan it came from: every record compared, none changed.
    const sameAgain = await importBundle(app, warm.bytes, null).catch((error: Error) => ({ error: error.message }));

    const zipTimes: number[] = [];
    let zipBytes = 0;
    for (let round = 0; round < runs; round += 1) {
      const zipped = zipBaseline(warm.bytes, work);
      zipTimes.push(zipped.ms);
      zipBytes = zipped.bytes;
    }

    const exportStats = stats(exportTimes);
    const importTotals = importRounds.map((round) => round.receiveMs + round.inspectMs + round.applyMs);
    const importStats = stats(importTotals);
    const zipStats = stats(zipTimes);
    const report = {
      when: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        zip: execFileSync('zip', ['-v'], { encoding: 'utf8' }).split('\n')[1]?.trim() ?? 'zip',
        loadAverageBefore: loadBefore.map((value) => Math.round(value * 100) / 100),
        loadAverageAfter: os.loadavg().map((value) => Math.round(value * 100) / 100),
      },
      plan: { actions: size.actions, kpis: size.kpis, kpiValues: size.kpis * size.kpiPeriods, progressUpdates: size.progressUpdates, evidence, generationMs: Math.round(generationMs) },
      bundle: { bytes: warm.bytes.length, lockedBytes: lockedBytes.length, records: warm.exported.records, attachments: warm.exported.attachments, systemZipBytes: zipBytes },
      timings: {
        'export (bundles.export and download)': exportStats,
        'export locked, with key derivation': stats(lockedTimes),
        'key derivation (scrypt) alone': kdf,
        'import into a fresh data folder (receive, inspect, apply)': importStats,
        '  of which receive': stats(importRounds.map((round) => round.receiveMs)),
        '  of which inspect': stats(importRounds.map((round) => round.inspectMs)),
        '  of which apply (inspects again, backs up, writes)': stats(importRounds.map((round) => round.applyMs)),
        'import locked, with key derivation twice (inspect and apply)': stats(lockedImportTimes),
        'system zip -r of the same files': zipStats,
      },
      ratios: {
        exportToSystemZip: Math.round((exportStats.medianMs / zipStats.medianMs) * 100) / 100,
        lockedExportLessKdfToSystemZip: Math.round(((stats(lockedTimes).medianMs - kdf.medianMs) / zipStats.medianMs) * 100) / 100,
        importToSystemZip: Math.round((importStats.medianMs / zipStats.medianMs) * 100) / 100,
      },
      sameBundleAgain: sameAgain,
      memory: { nodePeakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10 },
    };
    fs.mkdirSync(REPORT_FOLDER, { recursive: true });
    fs.writeFileSync(path.join(REPORT_FOLDER, 'bundles.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(
      `Plan bundle of ${size.actions.toLocaleString('en-GB')} actions and ${megabytes(evidence.bytes)} MB of evidence in ${evidence.files} files ` +
        `(${report.machine.cpus} CPUs, load ${report.machine.loadAverageBefore.join(' ')})`,
    );
    console.log(`  bundle ${megabytes(warm.bytes.length)} MB (locked ${megabytes(lockedBytes.length)} MB); system zip of the same files ${megabytes(zipBytes)} MB`);
    for (const [name, figure] of Object.entries(report.timings)) {
      console.log(`  ${name.padEnd(62)} median ${String(figure.medianMs).padStart(6)} ms  (min ${figure.minMs}, max ${figure.maxMs}, ${figure.runs} run${figure.runs === 1 ? '' : 's'})`);
    }
    console.log(`  ratios to system zip: export ${report.ratios.exportToSystemZip}, locked export less key derivation ${report.ratios.lockedExportLessKdfToSystemZip}, import ${report.ratios.importToSystemZip}`);
    console.log(`  the same bundle merged back into its own plan: ${JSON.stringify(sameAgain)}`);
    console.log(`  peak memory: Node ${report.memory.nodePeakRssMb} MB RSS`);
    console.log(`Written to ${path.relative(ROOT, path.join(REPORT_FOLDER, 'bundles.json'))}`);
  } finally {
    app.close();
    if (!args.keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

if (args['generate-into']) generateInto(args['generate-into']);
else await main();
