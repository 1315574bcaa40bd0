// A child process of the disk-trouble test (tests/integration/disk-trouble.test.ts): opens the
// real application core on a data folder, exports the plan as a bundle, then lowers its own limit
// on the size of a file (RLIMIT_FSIZE, with util-linux's prlimit) so that the bundle fits under it
// and its email draft, which carries the bundle again, does not; then asks for the email draft.
// Last it lowers the limit below the bundle's size and sends the bundle back in to be imported.
// It prints one JSON line: the bundle's size, the limit, the answer to `bundles.prepareEmail`, and
// a digest of every row of every table before and after it (the file itself cannot be folded and
// hashed once the limit is lower than the database).
//
//   node disk-child.cjs '{"dataDirectory":…,"migrationsFolder":…,"folder":…}'
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { openApp } from '../../electron/core/app';

export interface DiskChildConfig {
  dataDirectory: string;
  migrationsFolder: string;
  /** Where the email draft is to be written. */
  folder: string;
}

export interface DiskChildReport {
  bundleBytes: number;
  limitBytes: number;
  answer: unknown;
  /** The answer to `bundles.receive` of the whole bundle, under a limit of half its size. */
  received: unknown;
  /** The data folder's `incoming` and `outgoing` folders just after, before the app closes (and tidies them). */
  incoming: string[];
  outgoing: string[];
  rowsBefore: string;
  rowsAfter: string;
}

/** SHA-256 of every row of every table, table by table. */
function rowsDigest(sqlite: Sqlite.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(`${table}\n`);
    for (const row of sqlite.prepare(`select * from "${table.replaceAll('"', '""')}"`).raw().iterate()) hash.update(`${JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value))}\n`);
  }
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as DiskChildConfig;
  const app = openApp({ dataDirectory: config.dataDirectory, migrationsFolder: config.migrationsFolder, version: '0.0.0-test', actor: 'test user' });
  try {
    const plans = await app.dispatch('plans.list', {});
    if (!plans.ok) throw new Error(plans.error.message);
    const planId = (plans.value as { id: string }[])[0]?.id as string;
    const exported = await app.dispatch('bundles.export', { planId, classification: 'official', withPdf: false });
    if (!exported.ok) throw new Error(exported.error.message);
    const { exportId, bytes } = exported.value as { exportId: string; bytes: number };
    const downloaded = await app.dispatch('bundles.download', { exportId, offset: 0 });
    if (!downloaded.ok) throw new Error(downloaded.error.message);
    const { chunkBase64 } = downloaded.value as { chunkBase64: string };
    // Everything so far is folded into the database file while it may still grow.
    const sqlite = app.core.db.$client;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rowsBefore = rowsDigest(sqlite);
    const limitBytes = bytes + 4096;
    execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${limitBytes}`]);
    const answer = await app.dispatch('bundles.prepareEmail', { exportId, folder: config.folder });
    execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${Math.floor(bytes / 2)}`]);
    const received = await app.dispatch('bundles.receive', { transferId: null, fileName: 'plan.g2g', chunkBase64 });
    const listed = (which: string) => (fs.existsSync(path.join(config.dataDirectory, which)) ? fs.readdirSync(path.join(config.dataDirectory, which)) : []);
    const report: DiskChildReport = {
      bundleBytes: bytes,
      limitBytes,
      answer,
      received,
      incoming: listed('incoming'),
      outgoing: listed('outgoing'),
      rowsBefore,
      rowsAfter: rowsDigest(sqlite),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    app.close();
  }
}

void main();
