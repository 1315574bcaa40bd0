// A real exported bundle, damaged at random (bytes flipped or overwritten, the file cut short or
// lengthened, an entry rewritten, with or without a fresh signature), imported through the
// contract: the import is always either refused with a clear message and nothing written, or
// (when the damage touched nothing that matters) it brings in exactly what the sound bundle does.
// It never fails with an internal error and never writes part of a bundle.
import fc from 'fast-check';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { ERROR_CODES, type Envelope } from '../../shared/errors';
import { readData, rebuildBundle, sendBundle, exportAndDownload } from '../support/malformed-bundles';
import { PlanBuilder } from '../support/plan-builder';
import { makeTempDirectory, openTestApp, type TestApp } from '../support/temp-app';

const RUNS = Number(process.env.G2G_FUZZ_RUNS ?? 12);

let sender: TestApp;
let sound: Buffer;
let reference: string;
/** A data folder whose key signs rewritten bundles: what a forger with their own key can do. */
const forger = makeTempDirectory('g2g-forger-');

const internalErrors: string[] = [];
const openReceiver = () => openTestApp({ onInternalError: (method, error) => void internalErrors.push(`${method}: ${String(error)}`) });

/** Every record the import can bring in, as SQLite holds it (the audit and bundle logs aside, which carry the time). */
function imported(app: TestApp): string {
  const sqlite = app.core.db.$client;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_%' and name not in ('__drizzle_migrations', 'audit_log', 'bundle_log', 'settings') order by name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [table, sqlite.prepare(`select * from "${table}" order by 1, 2`).raw().all()]),
    (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value),
  );
}

interface Outcome {
  accepted: boolean;
  answers: Envelope<unknown>[];
}

/** Sends, inspects and applies the bytes, taking the incoming side of any conflict. */
async function tryImport(app: TestApp, bytes: Buffer): Promise<Outcome> {
  const answers: Envelope<unknown>[] = [];
  let transferId: string;
  try {
    transferId = await sendBundle(app, bytes, 'suspect.g2g');
  } catch (error) {
    // Sending pieces only stores bytes; it refuses nothing a damaged file can contain.
    throw new Error(`sending the file failed: ${String(error)}`);
  }
  const inspected = await app.send('bundles.inspect', { transferId, passphrase: null });
  answers.push(inspected);
  const resolutions = inspected.ok ? Object.fromEntries((inspected.value as { conflicts: { id: string }[] }).conflicts.map((conflict) => [conflict.id, 'incoming'])) : {};
  const applied = await app.send('bundles.apply', { transferId, passphrase: null, resolutions, trustSignerAs: null });
  answers.push(applied);
  await app.send('bundles.discard', { transferId });
  return { accepted: inspected.ok && applied.ok, answers };
}

function expectClearRefusal(answer: Envelope<unknown>): void {
  if (answer.ok) return;
  expect(Object.keys(ERROR_CODES)).toContain(answer.error.code);
  expect(answer.error.code, answer.error.message).not.toBe('internal');
  expect(answer.error.message.trim().length).toBeGreaterThan(20);
}

/**
 * Imports damaged bytes into a receiver: a refusal must be clear and leave its database with no
 * commit at all; an import that goes through must match the sound bundle's exactly.
 */
async function expectRefusedOrIdentical(bytes: Buffer): Promise<boolean> {
  const receiver = openReceiver();
  const watcher = new Sqlite(receiver.databaseFile, { readonly: true });
  try {
    const before = watcher.pragma('data_version', { simple: true });
    const outcome = await tryImport(receiver, bytes);
    expect(internalErrors).toEqual([]);
    for (const answer of outcome.answers) expectClearRefusal(answer);
    if (outcome.accepted) {
      expect(imported(receiver)).toBe(reference);
    } else {
      expect(outcome.answers.some((answer) => !answer.ok)).toBe(true);
      expect(watcher.pragma('data_version', { simple: true }), 'a refused bundle wrote to the database').toBe(before);
      expect(imported(receiver)).toBe(imported(emptyReceiver));
    }
    const check = await receiver.call('db.check', {});
    expect(check.ok).toBe(true);
    return outcome.accepted;
  } finally {
    watcher.close();
    receiver.close();
  }
}

let emptyReceiver: TestApp;

beforeAll(async () => {
  sender = openTestApp({ clock: () => new Date('2026-11-22T10:30:00Z') });
  const plan = new PlanBuilder(sender);
  const owner = plan.person('Dana Hughes');
  const theme = plan.add(schema.themes, { planId: plan.planId, reference: '1', title: 'Practice', leadId: owner });
  const action = plan.action({ reference: '1.1', themeId: theme, ownerId: owner, title: 'Audit supervision' });
  plan.update(action, '2026-10-01', 'amber');
  await sender.call('evidence.addFile', { actionId: action, fileName: 'audit.txt', mediaType: 'text/plain', contentBase64: Buffer.from('Audit of supervision records, October 2026.').toString('base64') });
  sound = (await exportAndDownload(sender, { planId: plan.planId, classification: 'official', withPdf: false })).bytes;
  emptyReceiver = openReceiver();
  const first = openReceiver();
  const outcome = await tryImport(first, sound);
  expect(outcome.accepted).toBe(true);
  reference = imported(first);
  first.close();
});

afterAll(() => {
  sender.close();
  emptyReceiver.close();
});

// ---------------------------------------------------------------- damage

type Damage =
  | { kind: 'flip'; at: number; bits: number }[]
  | { kind: 'cut'; at: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'append'; bytes: Uint8Array };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.array(fc.record({ kind: fc.constant('flip' as const), at: position, bits: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({ kind: fc.constant('overwrite' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 256 }) }),
);

function damaged(bytes: Buffer, change: Damage): Buffer {
  const copy = Buffer.from(bytes);
  const offset = (at: number) => Math.floor(at * copy.length);
  if (Array.isArray(change)) {
    for (const flip of change) copy[offset(flip.at)] = (copy[offset(flip.at)] ?? 0) ^ flip.bits;
    return copy;
  }
  if (change.kind === 'cut') return copy.subarray(0, offset(change.at));
  if (change.kind === 'append') return Buffer.concat([copy, change.bytes]);
  copy.set(change.bytes.subarray(0, copy.length - offset(change.at)), offset(change.at));
  return copy;
}

/** A JSON value changed at one place: replaced with something odd, or removed. */
function rewriteJson(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, trail: (string | number)[]) => {
    paths.push(trail);
    if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, [...trail, Array.isArray(node) ? Number(key) : key]);
  };
  walk(value, []);
  const trail = paths[pick % paths.length] ?? [];
  if (trail.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of trail.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = trail.at(-1) as string | number;
  if (remove && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const oddJson = fc.oneof(
  fc.constantFrom(null, '', -1, 0, 1e308, 'x'.repeat(70_000), '2026-02-30', 'not-a-uuid', '../../../etc/passwd', '__proto__', [], {}, true, '\u0000'),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('importing a damaged bundle', () => {
  it('the sound bundle imports, so every refusal below is the damage’s doing', async () => {
    expect(await expectRefusedOrIdentical(sound)).toBe(true);
  });

  it('with bytes flipped, overwritten, cut off or added: refused clearly with nothing written, or imported exactly as sound', async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (change) => {
        await expectRefusedOrIdentical(damaged(sound, change));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('with an entry rewritten and not signed again: always refused', async () => {
    const names = ['data.json', 'manifest.json', 'signature.json'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), oddJson, fc.boolean(), async (name, pick, replacement, remove) => {
        const bytes = await rebuildBundle(sound, (files) => {
          const current = JSON.parse(files.get(name)?.toString('utf8') ?? 'null') as unknown;
          files.set(name, Buffer.from(JSON.stringify(rewriteJson(current, pick, replacement, remove)) ?? 'null'));
        });
        fc.pre(!bytes.equals(sound));
        expect(await expectRefusedOrIdentical(bytes)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('with its data rewritten and signed again by another key: refused clearly, or imported into a sound database', async () => {
    const data = await readData(sound);
    await fc.assert(
      fc.asyncProperty(fc.nat(), oddJson, fc.boolean(), async (pick, replacement, remove) => {
        const bytes = await rebuildBundle(sound, (files) => files.set('data.json', Buffer.from(JSON.stringify(rewriteJson(data, pick, replacement, remove)))), { resign: forger });
        const receiver = openReceiver();
        const watcher = new Sqlite(receiver.databaseFile, { readonly: true });
        try {
          const before = watcher.pragma('data_version', { simple: true });
          const outcome = await tryImport(receiver, bytes);
          expect(internalErrors).toEqual([]);
          for (const answer of outcome.answers) expectClearRefusal(answer);
          if (!outcome.accepted) expect(watcher.pragma('data_version', { simple: true })).toBe(before);
          const check = await receiver.call('db.check', {});
          expect(check.ok).toBe(true);
        } finally {
          watcher.close();
          receiver.close();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
