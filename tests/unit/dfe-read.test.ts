// Reading published statistics files in the Explore Education Statistics layout: columns found by
// name in any order, byte-order marks and CRLF, filters and measures told apart, periods read under
// the year reading the file needs, and everything else refused saying what and where.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPeriod } from '../../electron/core/dfe/periods';
import { describeColumns, readCell, readDfeFile } from '../../electron/core/dfe/read';
import { councilsOf, resolveCouncil } from '../../electron/core/dfe/select';
import { AppError } from '../../shared/errors';

const DFE = path.resolve(import.meta.dirname, '../../../shared/data/dfe');
const read = (name: string) => fs.readFileSync(path.join(DFE, name), 'utf8');
const C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const STABILITY = 'la_cla_placement_stability.csv';
const CARE_LEAVERS = 'la_care_leavers_accommodation_suitability.csv';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,referral_percent';

/** The refusal a reading throws: its field and its message. */
function refusal(work: () => unknown): { path: string; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return { path: error.details.fields?.[0]?.path ?? '', message: error.message };
    throw error;
  }
  throw new Error('Nothing was refused');
}

describe('a published file', () => {
  it('is read the same with or without a byte-order mark and with CRLF line ends', () => {
    const plain = readDfeFile(C1, read(C1));
    const windows = readDfeFile(C1, `\uFEFF${read(C1).replace(/\n/g, '\r\n')}`);
    expect(windows.columns).toEqual(plain.columns);
    expect(windows.rows.map((row) => row.cells)).toEqual(plain.rows.map((row) => row.cells));
    expect(windows.columns[0]).toBe('time_period');
  });

  it('finds its columns by name whatever their order, counting lines from the column names', () => {
    const stability = readDfeFile(STABILITY, read(STABILITY));
    // This file starts with a byte-order mark and puts la_name before new_la_code.
    expect(stability.columns.indexOf('la_name')).toBeLessThan(stability.columns.indexOf('new_la_code'));
    const councils = councilsOf(stability);
    expect(councils.get('886')).toMatchObject({ name: 'Kent', onsCodes: ['E10000016'], region: 'South East' });
    expect(stability.rows[0]?.line).toBe(2);
  });

  it('tells the filter columns, with their values, from the measure columns', () => {
    const { measures, filters } = describeColumns(readDfeFile(CARE_LEAVERS, read(CARE_LEAVERS)));
    expect(measures.map((measure) => measure.column)).toEqual(['care_leaver_count', 'care_leaver_percent']);
    expect(filters).toEqual([
      expect.objectContaining({ column: 'care_leaver_age', values: ['17 to 18 years', '19 to 21 years'] }),
      expect.objectContaining({
        column: 'breakdown',
        values: ['Accommodation considered suitable', 'Accommodation considered unsuitable', 'No information', 'Suitability total'],
      }),
    ]);
    const percent = measures.find((measure) => measure.column === 'care_leaver_percent');
    expect(percent?.codes).toBeGreaterThan(0);
    expect(percent?.unknown).toBeNull();
  });

  it('keeps suppression codes as codes, never zeros', () => {
    expect(readCell('c')).toEqual({ kind: 'code', code: 'c' });
    expect(readCell(' low ')).toEqual({ kind: 'code', code: 'low' });
    expect(readCell('k')).toEqual({ kind: 'code', code: 'k' });
    expect(readCell('0')).toEqual({ kind: 'number', value: 0 });
    expect(readCell('22.6')).toEqual({ kind: 'number', value: 22.6 });
    expect(readCell('')).toEqual({ kind: 'empty' });
    expect(readCell('n/a')).toEqual({ kind: 'unknown', text: 'n/a' });
    expect(readCell(':')).toEqual({ kind: 'unknown', text: ':' });
  });

  it('finds a council by DfE number, ONS code or name in any case, and refuses an unknown or ambiguous one', () => {
    const file = readDfeFile(C1, read(C1));
    const councils = councilsOf(file);
    expect(resolveCouncil(file, councils, '204').name).toBe('Hackney');
    expect(resolveCouncil(file, councils, 'e09000012').number).toBe('204');
    expect(resolveCouncil(file, councils, '  HACKNEY ').number).toBe('204');
    // North Yorkshire has kept its DfE number under two ONS codes; both find it.
    expect(resolveCouncil(file, councils, 'E10000023').number).toBe('815');
    expect(resolveCouncil(file, councils, 'E06000065').number).toBe('815');
    expect(refusal(() => resolveCouncil(file, councils, 'Northmoor'))).toEqual({
      path: 'council',
      message: expect.stringContaining('“Northmoor” is not a council in “c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv”'),
    });
    expect(refusal(() => resolveCouncil(file, councils, 'Hack')).message).toContain('Did you mean Hackney (204)?');
    // Dorset's number changed when it was reorganised in 2019.
    expect(refusal(() => resolveCouncil(file, councils, 'dorset')).message).toContain('Dorset (835) and Dorset (838)');
  });
});

describe('periods', () => {
  it('read a reporting year as the year to 31 March or the workforce census year to 30 September', () => {
    expect(readPeriod('2025', 'Reporting year')).toEqual({
      'year-to-march': { key: '2024-25', label: '2024/25', shape: 'financial-year' },
      'census-year': { key: 'census-2025', label: 'Year to 30 September 2025', shape: 'census-year' },
    });
  });

  it('read six-digit financial years and quarters, and months of a calendar year', () => {
    expect(readPeriod('202425', 'Financial year')['year-to-march']).toEqual({ key: '2024-25', label: '2024/25', shape: 'financial-year' });
    expect(readPeriod('202425', 'Financial year Q2')['census-year']).toEqual({ key: '2024-25-Q2', label: 'Q2 2024/25', shape: 'quarter' });
    expect(readPeriod('2025', 'March')['year-to-march']).toEqual({ key: '2025-03', label: 'March 2025', shape: 'month' });
  });

  it('leave out a year to March before 2012/13, whose key would read as a month', () => {
    expect(readPeriod('2012', 'Reporting year')['year-to-march']).toEqual({ key: null, label: '2011/12', shape: 'financial-year' });
    expect(readPeriod('2013', 'Reporting year')['year-to-march'].key).toBe('2012-13');
    expect(readPeriod('2012', 'Reporting year')['census-year'].key).toBe('census-2012');
  });

  it('refuse periods the app does not keep, saying why', () => {
    expect(() => readPeriod('202425', 'Academic year')).toThrow('academic years (September to August)');
    expect(() => readPeriod('2024', 'Calendar year')).toThrow('calendar years');
    expect(() => readPeriod('2024', 'Week 12')).toThrow('numbered weeks');
    expect(() => readPeriod('202425', 'Spring term')).toThrow('school terms');
    expect(() => readPeriod('202425', 'Reporting year')).toThrow('four-digit year');
    expect(() => readPeriod('202426', 'Financial year')).toThrow('six-digit year');
    expect(() => readPeriod('2025', 'Fortnight')).toThrow('“Fortnight”');
  });
});

describe('a file that is not a published statistics file', () => {
  it('in another layout is refused naming the missing column', () => {
    const content = 'time_period,time_identifier,geographic_level,region_name,new_la_code,la_name,rate\n2025,Reporting year,National,,,,5\n';
    expect(refusal(() => readDfeFile('rates.csv', content))).toEqual({
      path: 'content',
      message:
        'Nothing was saved: “rates.csv” is not in the Explore Education Statistics layout: it has no column “old_la_code”. Its first line names 7 columns: time_period, time_identifier, geographic_level, region_name, new_la_code, la_name, rate.',
    });
    expect(refusal(() => readDfeFile('people.csv', 'name,email\nA,a@example.org\n')).message).toContain('no columns “time_period”, “time_identifier”,');
  });

  it('that is a workbook, a PDF or binary is refused as not a CSV file', () => {
    expect(refusal(() => readDfeFile('figures.xlsx', 'PK\u0003\u0004\u0014\u0000\u0006\u0000')).message).toContain('“figures.xlsx” is a spreadsheet workbook or zip archive, not a CSV file');
    expect(refusal(() => readDfeFile('report.pdf', '%PDF-1.7\n')).message).toContain('is a PDF document');
    expect(refusal(() => readDfeFile('image.csv', 'GIF89a\u0000\u0001')).message).toContain('is not a text file');
    const utf16 = new TextDecoder('utf-8').decode(Buffer.from(`\uFEFF${HEADER}\n`, 'utf16le'));
    expect(refusal(() => readDfeFile('unicode.csv', utf16)).message).toContain('“unicode.csv” is saved as Unicode (UTF-16) text');
    const withoutMark = new TextDecoder('utf-8').decode(Buffer.from(`${HEADER}\n`, 'utf16le'));
    expect(refusal(() => readDfeFile('unicode.csv', withoutMark)).message).toContain('is saved as Unicode (UTF-16) text');
  });

  it('that is empty, or has only its column names, is refused', () => {
    expect(refusal(() => readDfeFile('empty.csv', ''))).toMatchObject({ path: 'content', message: expect.stringContaining('“empty.csv” is empty') });
    expect(refusal(() => readDfeFile('blank.csv', '\uFEFF\r\n  \r\n')).message).toContain('is empty');
    expect(refusal(() => readDfeFile('header.csv', `${HEADER}\n`)).message).toContain('has column names but no rows of figures');
  });

  it('with broken rows is refused naming the line', () => {
    const short = `${HEADER}\n2025,Reporting year,National,E92000001,England,,,,,,22.6\n2025,Reporting year,National,E92000001\n`;
    expect(refusal(() => readDfeFile('short.csv', short)).message).toContain('line 3 has 4 values, where the first line names 11 columns');
    const quote = `${HEADER}\n2025,Reporting year,National,E92000001,"England,,,,,,22.6\n`;
    expect(refusal(() => readDfeFile('quote.csv', quote)).message).toContain('a quotation mark opened on line 2 is never closed');
  });

  it('naming a column twice, with no councils or with periods the app does not keep is refused', () => {
    expect(refusal(() => readDfeFile('twice.csv', `${HEADER},la_name\n`)).message).toContain('names the column “la_name” twice');
    expect(refusal(() => readDfeFile('national.csv', `${HEADER}\n2025,Reporting year,National,E92000001,England,,,,,,22.6\n`)).message).toContain(
      'has no rows for councils',
    );
    const academic = `${HEADER}\n202425,Academic year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,12\n`;
    expect(refusal(() => readDfeFile('pupils.csv', academic)).message).toContain('“pupils.csv” is published in academic years (September to August) (“Academic year”), which KPIs are not measured in');
    expect(refusal(() => readDfeFile('pupils.csv', academic)).message).toContain('(line 2)');
  });
});
