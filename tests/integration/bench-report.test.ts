// `npm run bench` is not run by the tests, so nothing else would notice a change that stops it
// running. This runs its report builder end to end on a tiny plan (each part once but the screens,
// which take Chromium half a minute and are what the e2e tests drive: the services against raw
// SQL, a pack's PDF and Word file, bundle export and import against zip), and checks the growth
// flags that make worse-than-linear costs stand out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, formatReport, growthOf, OPERATIONS, type Report } from '../bench/report';
import type { Part } from '../bench/size';

const PARTS: Part[] = ['services', 'pack', 'bundles'];

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'g2g-bench-report-test-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('benchmark report', () => {
  it('flags a figure that grows faster than the plan, and not one that grows with it or is too small to matter', () => {
    const sizes = [500, 5_000, 50_000];
    expect(growthOf(sizes, [10, 100, 1_000], 20).map((growth) => [growth.factor, growth.linear, growth.flagged])).toEqual([
      [10, 10, false],
      [10, 10, false],
    ]);
    // Within half again of the plan's growth is read as linear: fixed costs and noise move figures that much.
    expect(growthOf(sizes, [100, 1_200, 14_000], 20).map((growth) => growth.flagged)).toEqual([false, false]);
    const quadratic = growthOf(sizes, [10, 1_000, 100_000], 20);
    expect(quadratic.map((growth) => growth.flagged)).toEqual([true, true]);
    expect(growthOf(sizes, [30, 200, 3_200], 20).map((growth) => growth.flagged)).toEqual([false, true]);
    // Tiny figures wander with the machine's load; a jump from 0.1 to 5 ms is not flagged.
    expect(growthOf(sizes, [0.1, 5, 10], 20).map((growth) => growth.flagged)).toEqual([false, false]);
    expect(growthOf(sizes, [null, 5, 10], 20)[0]).toMatchObject({ factor: null, flagged: false });
  });

  it('times every operation on a tiny plan and writes the JSON report and the table', async () => {
    const out = path.join(folder, 'report.json');
    const report = await buildReport({ sizes: [20], evidenceMb: [0.5], quick: true, parts: PARTS, dir: folder, out, log: () => undefined });
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    expect(written.rows).toEqual(report.rows);
    const [size] = report.sizes;
    expect(size).toMatchObject({ actions: 20, plan: { actions: 20 }, evidence: { files: expect.any(Number) } });
    expect(size!.evidence.bytes).toBeGreaterThan(400_000);

    const byId = new Map(report.rows.map((row) => [row.id, row]));
    for (const { id } of OPERATIONS.filter((operation) => !operation.id.startsWith('ui.'))) {
      const value = byId.get(id)?.values[0];
      expect(value, id).toBeTypeOf('number');
      expect(value, id).toBeGreaterThan(0);
    }
    for (const id of ['plans.overview', 'actions.list', 'plans.update', 'kpis.scorecard', 'kpis.series']) {
      expect(byId.get(id)).toMatchObject({ baseline: 'raw SQL', ratios: [expect.any(Number)] });
    }
    for (const id of ['bundles.export', 'bundles.import']) {
      expect(byId.get(id)).toMatchObject({ baseline: 'system zip -r', ratios: [expect.any(Number)] });
    }
    expect(byId.get('memory.measure')?.values[0]).toBeGreaterThan(50);
    expect(size!.bundle?.attachments).toBe(size!.evidence.files);
    expect(size!.pack?.pages).toBeGreaterThan(0);

    const table = formatReport(report);
    expect(table).toContain('20 actions');
    for (const row of report.rows) expect(table).toContain(row.label);
    expect(report.rows.some((row) => row.id.startsWith('ui.'))).toBe(false);
    expect(table).toContain('Nothing grew worse than linearly.');
  }, 120_000);
});
