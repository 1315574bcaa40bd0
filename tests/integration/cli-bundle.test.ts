// `g2g bundle export|verify|import` as a user runs them: the built command in a child process,
// between two real data folders (two installations, two keys). Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { g2g } from '../support/cli';
import { makeTempDirectory } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRINTING_TIMEOUT_MS = 120_000;
const PASSPHRASE = 'a long passphrase for the board';

/** The data folder's database as the last command left it (the file and any write-ahead log). */
function databaseBytes(file: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file));
  if (fs.existsSync(`${file}-wal`)) hash.update(fs.readFileSync(`${file}-wal`));
  return hash.digest('hex');
}

let sender: string;
let receiver: string;
let planId: string;
let planTitle: string;

async function plansIn(folder: string): Promise<{ id: string; title: string }[]> {
  const listed = await g2g(['plans', 'list', '--json', '--data-dir', folder]);
  expect(listed.status).toBe(0);
  return JSON.parse(listed.stdout) as { id: string; title: string }[];
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) throw new Error('Build the app first (npm run build).');
  sender = makeTempDirectory('g2g-cli-bundle-sender-');
  receiver = makeTempDirectory('g2g-cli-bundle-receiver-');
  const plans = await plansIn(sender);
  planId = plans[0]!.id;
  planTitle = plans[0]!.title;
  await plansIn(receiver);
});

describe('g2g bundle', () => {
  it('exports a locked bundle that verifies and imports on another installation', { timeout: PRINTING_TIMEOUT_MS }, async () => {
    const file = path.join(sender, 'plan.g2g');
    const exported = await g2g(['bundle', 'export', '--plan', planId, '--out', file, '--passphrase-env', 'BOARD_PASSPHRASE', '--without-pdf', '--data-dir', sender], {
      BOARD_PASSPHRASE: PASSPHRASE,
    });
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`Wrote ${file}`);
    expect(exported.stdout).toContain('locked with a passphrase');
    const fingerprint = /Signed with this installation’s key: (.+)/.exec(exported.stdout)?.[1];
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);

    // Without the passphrase, or with a wrong one, nothing is read and nothing changes.
    const before = databaseBytes(path.join(receiver, 'getting-to-good.sqlite'));
    const locked = await g2g(['bundle', 'verify', '--file', file, '--data-dir', receiver]);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toMatch(/passphrase/i);
    const wrong = await g2g(['bundle', 'verify', '--file', file, '--passphrase-env', 'BOARD_PASSPHRASE', '--data-dir', receiver], { BOARD_PASSPHRASE: 'not the right one at all' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase/i);
    expect(databaseBytes(path.join(receiver, 'getting-to-good.sqlite'))).toEqual(before);

    const verified = await g2g(['bundle', 'verify', '--file', file, '--passphrase-env', 'BOARD_PASSPHRASE', '--data-dir', receiver], { BOARD_PASSPHRASE: PASSPHRASE });
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain(fingerprint);
    expect(verified.stdout).toContain('a key not trusted here');
    expect(verified.stdout).toContain('The plan is new here.');
    expect(verified.stdout).toContain('The bundle is sound');
    expect(databaseBytes(path.join(receiver, 'getting-to-good.sqlite'))).toEqual(before);

    const imported = await g2g(
      ['bundle', 'import', '--file', file, '--passphrase-env', 'BOARD_PASSPHRASE', '--trust-as', 'Northmoor improvement manager', '--data-dir', receiver],
      { BOARD_PASSPHRASE: PASSPHRASE },
    );
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/Imported: \d+ new, 0 changed, 0 deleted records/);
    const backup = /kept at (.+)\.$/m.exec(imported.stdout)?.[1];
    expect(backup && fs.existsSync(backup)).toBe(true);
    expect((await plansIn(receiver)).map((plan) => plan.id)).toContain(planId);

    // The same bundle again changes nothing, and the key is now trusted.
    const again = await g2g(['bundle', 'verify', '--file', file, '--passphrase-env', 'BOARD_PASSPHRASE', '--data-dir', receiver], { BOARD_PASSPHRASE: PASSPHRASE });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('“Northmoor improvement manager”');
    expect(again.stdout).toContain('Importing it would change nothing.');
  });

  it(
    'puts the plan as a PDF and a spreadsheet inside for readers without the app',
    async () => {
      const file = path.join(sender, 'readable.g2g');
      const exported = await g2g(['bundle', 'export', '--plan', planId, '--out', file, '--marking', 'official-sensitive', '--data-dir', sender]);
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
      expect(listing).toContain('readable/plan.pdf');
      expect(listing).toContain('readable/action-plan.xlsx');
      expect(listing).toContain('manifest.json');
      const pdf = execFileSync('unzip', ['-p', file, 'readable/plan.pdf'], { maxBuffer: 256 * 1024 * 1024 });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(text).toContain('OFFICIAL-SENSITIVE');
      expect(text).toContain(planTitle.slice(0, 30));
      // Its cover says it is a copy of the plan, not a report to a meeting.
      expect(text).toContain('A copy of the plan sent with a plan bundle');
      expect(text).not.toContain('Date of meeting');
    },
    PRINTING_TIMEOUT_MS,
  );

  it('refuses a file that is not a bundle, and mistakes in the command, saying what is wrong', { timeout: PRINTING_TIMEOUT_MS }, async () => {
    const notABundle = path.join(receiver, 'minutes.g2g');
    fs.writeFileSync(notABundle, 'Minutes of the improvement board, 3 March 2026.\n');
    const before = databaseBytes(path.join(receiver, 'getting-to-good.sqlite'));
    const refused = await g2g(['bundle', 'import', '--file', notABundle, '--data-dir', receiver]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/minutes\.g2g|not a zip|not a plan bundle/i);
    expect(databaseBytes(path.join(receiver, 'getting-to-good.sqlite'))).toEqual(before);

    const missing = await g2g(['bundle', 'import', '--file', path.join(receiver, 'nowhere.g2g'), '--data-dir', receiver]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist');

    const noOut = await g2g(['bundle', 'export', '--plan', planId, '--data-dir', sender]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const badMarking = await g2g(['bundle', 'export', '--plan', planId, '--out', path.join(sender, 'x.g2g'), '--marking', 'secret', '--data-dir', sender]);
    expect(badMarking.status).toBe(2);
    expect(badMarking.stderr).toContain('official or official-sensitive');
    const badTake = await g2g(['bundle', 'import', '--file', notABundle, '--take', 'mine', '--data-dir', receiver]);
    expect(badTake.status).toBe(2);
  });
});
