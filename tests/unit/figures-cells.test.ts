// What the cells of a performance team's spreadsheet mean: figures as typed or as Excel formats
// them, suppression codes in place of numbers (DOMAIN.md section 4: a code is never a zero),
// provisional marks, the KPI a row names, and the columns and headings of a sheet.
import { describe, expect, it } from 'vitest';
import { kpiMatcher, readFigure, readProvisional } from '../../electron/core/figures/cells';
import { guessHeaderRow, headingIsProvisional, sheetColumns } from '../../electron/core/figures/mapping';
import { guessDelimiter } from '../../electron/core/figures/read-file';
import { columnLetter, type Sheet, type SheetCell } from '../../electron/core/figures/sheet';

const text = (value: string): SheetCell => ({ kind: 'text', text: value });

describe('readFigure', () => {
  it.each([
    ['85', 85],
    ['85%', 85],
    ['85.0 %', 85],
    [' 85.5 ', 85.5],
    ['1,204', 1204],
    ['-3', -3],
    ['.5', 0.5],
    ['12,345.6', 12345.6],
  ])('“%s” is %s', (written, value) => {
    expect(readFigure(text(written))).toEqual({ kind: 'value', value });
  });

  it.each(['c', 'x', 'u', 'z', 'low', 'k', 'C', ' LOW '])('“%s” is a suppression code, never a zero', (written) => {
    expect(readFigure(text(written))).toEqual({ kind: 'code', code: written.trim().toLowerCase() });
  });

  it.each(['', '   ', '-', '–'])('“%s” is blank', (written) => {
    expect(readFigure(text(written))).toEqual({ kind: 'blank' });
    expect(readFigure(null)).toEqual({ kind: 'blank' });
  });

  it.each(['n/a', '22,5', '85 percent', '1,23', 'TBC'])('“%s” is refused, saying what a figure may be', (written) => {
    expect(readFigure(text(written))).toEqual({
      kind: 'problem',
      message: `“${written}” is not a number or a suppression code (c, x, u, z, low, k); leave the cell blank if there is no figure`,
    });
  });

  it('a number cell is its number; a percentage cell arrives already as the percentage shown', () => {
    expect(readFigure({ kind: 'number', value: 85.5, percent: true })).toEqual({ kind: 'value', value: 85.5 });
  });

  it('dates, errors and formulas without a saved result are refused, each saying why', () => {
    expect(readFigure({ kind: 'date', date: '2024-04-01' })).toEqual({ kind: 'problem', message: 'the cell holds a date (1 April 2024), not a figure' });
    expect(readFigure({ kind: 'error', text: '#DIV/0!' })).toEqual({
      kind: 'problem',
      message: 'the cell shows the error #DIV/0!, not a figure: correct the formula in the spreadsheet',
    });
    expect(readFigure({ kind: 'no-result', formula: 'B2/C2' })).toMatchObject({ kind: 'problem', message: expect.stringMatching(/result was not saved/) });
  });
});

describe('readProvisional', () => {
  it.each([
    ['Yes', true],
    ['Y', true],
    ['provisional', true],
    ['P', true],
    ['No', false],
    ['final', false],
    ['', false],
  ])('“%s” is %s', (written, provisional) => {
    expect(readProvisional(text(written))).toEqual({ ok: true, provisional });
  });

  it('Excel’s TRUE and FALSE are read as they are; a blank cell is not provisional', () => {
    expect(readProvisional({ kind: 'boolean', value: true })).toEqual({ ok: true, provisional: true });
    expect(readProvisional(null)).toEqual({ ok: true, provisional: false });
  });

  it('anything else is refused', () => {
    expect(readProvisional(text('maybe'))).toEqual({ ok: false, problem: '“maybe” does not say whether the figure is provisional: write Yes or No (or leave it blank for No)' });
  });
});

describe('kpiMatcher: by reference or by name, case and spaces aside', () => {
  const kpis = [
    { id: '1', reference: 'K1', name: 'Re-referrals within 12 months' },
    { id: '10', reference: 'K10', name: 'Children’s homes placements' },
  ];
  const match = kpiMatcher(kpis);
  it.each([
    ['K1', '1'],
    [' k1 ', '1'],
    ['K10', '10'],
    ['re-referrals WITHIN 12  months', '1'],
    ["Children's homes placements", '10'],
    ['K10 – Children’s homes', '10'],
    ['K1: re-referrals', '1'],
  ])('“%s” is KPI %s', (label, id) => {
    expect(match(label)?.id).toBe(id);
  });

  it.each(['K2', 'K100', 'K1x', 'Target', ''])('“%s” matches none', (label) => {
    expect(match(label)).toBeNull();
  });
});

describe('a sheet’s headings', () => {
  const sheet: Sheet = {
    name: 'Figures',
    columnCount: 5,
    rows: [
      [text('Monthly performance report'), null, null, null, null],
      [null, null, null, null, null],
      [text('KPI'), { kind: 'date', date: '2024-01-01' }, text('Feb-24 (provisional)'), text('2024'), text('Target')],
      [text('K01'), { kind: 'number', value: 20, percent: false }, null, null, null],
    ],
  };

  it('the headings are the first of the top rows about as full as the fullest, past any title', () => {
    expect(guessHeaderRow(sheet)).toBe(3);
  });

  it('each heading is shown with its letter and the period it reads as, or why it is not one', () => {
    expect(sheetColumns(sheet, 3)).toEqual([
      { index: 0, letter: 'A', header: 'KPI', period: null, periodProblem: null },
      { index: 1, letter: 'B', header: '1 January 2024', period: 'the period holding 1 January 2024 (January 2024 for a monthly KPI)', periodProblem: null },
      { index: 2, letter: 'C', header: 'Feb-24 (provisional)', period: 'February 2024', periodProblem: null },
      {
        index: 3,
        letter: 'D',
        header: '2024',
        period: null,
        periodProblem: '“2024” is a year: say which month, quarter or financial year, such as April 2024, Q1 2024/25 or 2024/25',
      },
      { index: 4, letter: 'E', header: 'Target', period: null, periodProblem: null },
    ]);
  });

  it('a heading marked provisional says so', () => {
    expect(headingIsProvisional('Mar-24 (p)')).toBe(true);
    expect(headingIsProvisional('March 2024 provisional')).toBe(true);
    expect(headingIsProvisional('March 2024')).toBe(false);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %s is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('guessDelimiter', () => {
  it.each([
    ['KPI,Period,Value\nK01,Apr-24,20', ','],
    ['KPI;Period;Value\nK01;Apr-24;"20,5"', ';'],
    ['KPI\tPeriod\tValue\nK01\tApr-24\t1,204', '\t'],
    ['"A, B";C;D\n"x, y";1;2', ';'],
  ])('%j is separated by %j', (text, delimiter) => {
    expect(guessDelimiter(text)).toBe(delimiter);
  });
});
