// What a KPI cell may hold, as typed or pasted from a spreadsheet: a number that fits the unit,
// a DfE suppression code (never a zero), or nothing.
import { describe, expect, it } from 'vitest';
import { parseCellText, splitPastedBlock, valueProblem } from '../../shared/kpi-cells';

describe('parseCellText', () => {
  it.each([
    ['85', 'percentage', { kind: 'value', value: 85 }],
    [' 85.5% ', 'percentage', { kind: 'value', value: 85.5 }],
    ['85 %', 'percentage', { kind: 'value', value: 85 }],
    ['1,234', 'count', { kind: 'value', value: 1234 }],
    ['.5', 'ratio', { kind: 'value', value: 0.5 }],
    ['', 'count', { kind: 'empty' }],
    ['   ', 'count', { kind: 'empty' }],
    ['c', 'percentage', { kind: 'code', code: 'c' }],
    ['LOW', 'percentage', { kind: 'code', code: 'low' }],
    ['k', 'rate-per-10000', { kind: 'code', code: 'k' }],
  ] as const)('reads “%s” (%s)', (text, unit, expected) => {
    expect(parseCellText(text, unit)).toEqual(expected);
  });

  it.each([
    ['104', 'percentage', 'A percentage cannot be over 100 (104 was entered)'],
    ['-1', 'percentage', 'A percentage cannot be below 0 (-1 was entered)'],
    ['12.5', 'count', 'A count must be a whole number (12.5 was entered)'],
    ['-3', 'days', 'The value cannot be below 0 (-3 was entered)'],
    ['n/a', 'percentage', '“n/a” is not a number or a suppression code (c, x, u, z, low, k)'],
    ['0', 'count', null],
    ['1,23', 'count', '“1,23” is not a number or a suppression code (c, x, u, z, low, k)'],
    ['12..5', 'ratio', '“12..5” is not a number or a suppression code (c, x, u, z, low, k)'],
  ] as const)('refuses “%s” as a %s with its reason', (text, unit, message) => {
    const parsed = parseCellText(text, unit);
    if (message === null) expect(parsed).toEqual({ kind: 'value', value: 0 });
    else expect(parsed).toEqual({ kind: 'invalid', message });
  });

  it('never reads a code as a zero', () => {
    for (const code of ['c', 'x', 'u', 'z', 'low', 'k']) expect(parseCellText(code, 'count')).not.toMatchObject({ kind: 'value' });
  });

  it('leaves every unit its limits', () => {
    expect(valueProblem('rate-per-10000', 612.4)).toBeNull();
    expect(valueProblem('percentage', 100)).toBeNull();
    expect(valueProblem('percentage', Number.NaN)).toBe('the value is not a number');
  });
});

describe('splitPastedBlock (what Excel puts on the clipboard)', () => {
  it('splits tab-separated columns and CRLF rows, ignoring the final line break', () => {
    expect(splitPastedBlock('81.5\t83\t86.4\r\n412\t405\t398\r\n')).toEqual([
      ['81.5', '83', '86.4'],
      ['412', '405', '398'],
    ]);
  });
  it('keeps empty cells in place', () => {
    expect(splitPastedBlock('1\t\t3\n\t5\t\n')).toEqual([
      ['1', '', '3'],
      ['', '5', ''],
    ]);
  });
  it('reads a quoted cell with a line break or a tab inside it as one cell', () => {
    expect(splitPastedBlock('"Before\nvalidation"\t"a\tb"\t"say ""c"""\n')).toEqual([['Before\nvalidation', 'a\tb', 'say "c"']]);
  });
  it('takes a single value with no line break', () => {
    expect(splitPastedBlock('42')).toEqual([['42']]);
  });
});
