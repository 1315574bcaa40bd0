// Statistical neighbours: the groupings shipped with the app, and the neighbours' average of a
// published figure (the mean of those with a number, codes skipped, the count said when short).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bundledNeighbourGroupings, neighbourLabel, neighbourMean, parseNeighbourGroupings } from '../../electron/core/dfe/neighbours';
import { readDfeFile } from '../../electron/core/dfe/read';
import { selectSeries } from '../../electron/core/dfe/select';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLED = path.join(ROOT, 'shared/data/statistical-neighbours/New_Statistical_Neighbour_Groupings_April_2021.csv');
const DFE = path.resolve(ROOT, '../shared/data/dfe');
const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';

describe('the statistical-neighbour groupings', () => {
  it('are shipped as DfE published them, byte for byte', () => {
    const published = path.join(DFE, 'New_Statistical_Neighbour_Groupings_April_2021.csv');
    expect(fs.readFileSync(BUNDLED).equals(fs.readFileSync(published))).toBe(true);
  });

  it('list each council by DfE number with its ten neighbours, closest first, including councils since replaced', async () => {
    const groupings = await bundledNeighbourGroupings();
    expect(groupings.size).toBe(156);
    expect(groupings.get('204')).toEqual({
      number: '204',
      name: 'Hackney',
      neighbours: ['210', '208', '309', '209', '206', '320', '205', '306', '203', '308'],
    });
    expect(groupings.get('940')?.neighbours).toEqual(['941', '891', '860', '925', '830', '909', '886', '885', '935', '937']);
    // Below "Old SNs:": Dorset before its 2019 reorganisation.
    expect(groupings.get('835')?.name).toBe('Dorset (Pre LG)');
    // Cumberland and Westmorland and Furness came after April 2021.
    expect(groupings.has('942')).toBe(false);
    for (const grouping of groupings.values()) expect(grouping.neighbours).toHaveLength(10);
  });

  it('are read the same from the file as from the app’s bundle', async () => {
    const fromFile = parseNeighbourGroupings(fs.readFileSync(BUNDLED, 'utf8'));
    expect([...(await bundledNeighbourGroupings()).entries()]).toEqual([...fromFile.entries()]);
  });

  it('refuse a file without the neighbour columns', () => {
    expect(() => parseNeighbourGroupings('LA num,LA Name,SN1\n201,City of London,207\n')).toThrow(/SN1 to SN10/);
  });
});

describe('the neighbours’ average', () => {
  it('is the mean of the ten figures when all ten have one', () => {
    expect(neighbourMean([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ value: 55, count: 10 });
    expect(neighbourMean([22.6, 23.1, 19.4, 25, 21.7, 24.2, 20.8, 22.2, 23.9, 18.5])).toEqual({ value: 22.1, count: 10 });
  });

  it('skips suppressed and missing figures instead of counting them as zeros', () => {
    expect(neighbourMean([20, null, 30, null])).toEqual({ value: 25, count: 2 });
  });

  it('is a gap when no neighbour has a figure', () => {
    expect(neighbourMean([null, null])).toEqual({ value: null, count: 0 });
    expect(neighbourMean([])).toEqual({ value: null, count: 0 });
  });

  it('is rounded to the decimals of the figures averaged, at least one, halves up as written', () => {
    expect(neighbourMean([22.6, 23.1]).value).toBe(22.9);
    expect(neighbourMean([1, 2, 2]).value).toBe(1.7);
    expect(neighbourMean([15.25, 15.5]).value).toBe(15.38);
    expect(neighbourMean([0.1, 0.2]).value).toBe(0.2);
  });

  it('says how many neighbours it is the mean of when fewer than all had a figure', () => {
    expect(neighbourLabel(10, 10)).toBe('Statistical neighbours');
    expect(neighbourLabel(9, 10)).toBe('Statistical neighbours (mean of 9)');
    expect(neighbourLabel(1, 10)).toBe('Statistical neighbours (mean of 1)');
  });
});

describe('neighbours’ averages of a real file', () => {
  type Row = Record<string, string>;
  const rows = parse(fs.readFileSync(path.join(DFE, C1)), { bom: true, columns: true }) as Row[];
  const figure = (number: string, timePeriod: string): number | null => {
    const row = rows.find((candidate) => candidate.geographic_level === 'Local authority' && candidate.old_la_code === number && candidate.time_period === timePeriod);
    const text = row?.rereferral_percent ?? '';
    return /^[\d.]+$/.test(text) ? Number(text) : null;
  };

  it('average the neighbours the file has for each year, and say so when one is missing', async () => {
    const groupings = await bundledNeighbourGroupings();
    const file = readDfeFile(C1, fs.readFileSync(path.join(DFE, C1), 'utf8'));
    const series = selectSeries(file, groupings, { council: '940', measure: 'rereferral_percent', filters: {}, year: 'year-to-march' });
    const neighbours = groupings.get('940')?.neighbours ?? [];
    for (const row of series.rows) {
      const timePeriod = String(Number(row.period.slice(0, 4)) + 1);
      const values = neighbours.map((number) => figure(number, timePeriod)).filter((value): value is number => value !== null);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      expect(row.neighbours?.count).toBe(values.length);
      expect(row.neighbours?.value).toBeCloseTo(mean, 1);
    }
    // Cumbria (909), one of North Northamptonshire's neighbours, ends with 2022/23.
    const latest = series.rows.at(-1);
    expect(latest?.period).toBe('2024-25');
    expect(latest?.neighbours).toEqual({ label: 'Statistical neighbours (mean of 9)', value: 21.1, count: 9, of: 10 });
    expect(series.rows.find((row) => row.period === '2022-23')?.neighbours?.label).toBe('Statistical neighbours');
  });
});
