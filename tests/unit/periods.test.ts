// Reporting periods: UK financial years run April to March ("Quarter 1 2018/19" is April to June
// 2018, DOMAIN.md section 6); the DfE children's social work workforce census counts the year to
// 30 September.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { censusYearPeriod, financialQuarterPeriod, financialYearPeriod, monthPeriod, periodLabel, periodRange, periodShape, periodsBetween, weekPeriod } from '../../shared/periods';

describe('periodLabel', () => {
  it.each([
    ['2024-03', 'March 2024'],
    ['2024-12', 'December 2024'],
    ['2024-25-Q1', 'Q1 2024/25'],
    ['2018-19-Q4', 'Q4 2018/19'],
    ['2024-25', '2024/25'],
    ['1999-00', '1999/00'],
    ['census-2024', 'Year to 30 September 2024'],
    ['2024-13', '2024/13'],
    ['week 12', 'week 12'],
    ['', ''],
  ])('%s reads “%s”', (key, label) => {
    expect(periodLabel(key)).toBe(label);
  });

  it('reads a key that is both a month and a financial year (2000/01 to 2011/12) as the month', () => {
    expect(periodLabel('2011-12')).toBe('December 2011');
  });
});

describe('monthPeriod', () => {
  it.each([
    ['2024-03-15', '2024-03', 'March 2024', '2024-03-01', '2024-03-31'],
    ['2024-02-29', '2024-02', 'February 2024', '2024-02-01', '2024-02-29'],
    ['2023-02-01', '2023-02', 'February 2023', '2023-02-01', '2023-02-28'],
    ['2023-12-31', '2023-12', 'December 2023', '2023-12-01', '2023-12-31'],
  ])('%s is in %s', (date, key, label, start, end) => {
    expect(monthPeriod(date)).toEqual({ key, label, start, end });
  });
});

describe('financialQuarterPeriod (April to March: Q1 2018/19 is April to June 2018)', () => {
  it.each([
    ['2018-04-01', '2018-19-Q1', 'Q1 2018/19', '2018-04-01', '2018-06-30'],
    ['2018-06-30', '2018-19-Q1', 'Q1 2018/19', '2018-04-01', '2018-06-30'],
    ['2018-07-01', '2018-19-Q2', 'Q2 2018/19', '2018-07-01', '2018-09-30'],
    ['2018-10-01', '2018-19-Q3', 'Q3 2018/19', '2018-10-01', '2018-12-31'],
    ['2018-12-31', '2018-19-Q3', 'Q3 2018/19', '2018-10-01', '2018-12-31'],
    ['2019-01-01', '2018-19-Q4', 'Q4 2018/19', '2019-01-01', '2019-03-31'],
    ['2019-03-31', '2018-19-Q4', 'Q4 2018/19', '2019-01-01', '2019-03-31'],
    ['2019-04-01', '2019-20-Q1', 'Q1 2019/20', '2019-04-01', '2019-06-30'],
    ['2024-02-29', '2023-24-Q4', 'Q4 2023/24', '2024-01-01', '2024-03-31'],
    ['2000-02-29', '1999-00-Q4', 'Q4 1999/00', '2000-01-01', '2000-03-31'],
  ])('%s is in %s', (date, key, label, start, end) => {
    expect(financialQuarterPeriod(date)).toEqual({ key, label, start, end });
  });
});

describe('financialYearPeriod (1 April to 31 March)', () => {
  it.each([
    ['2019-03-31', '2018-19', '2018/19', '2018-04-01', '2019-03-31'],
    ['2019-04-01', '2019-20', '2019/20', '2019-04-01', '2020-03-31'],
    ['2024-02-29', '2023-24', '2023/24', '2023-04-01', '2024-03-31'],
    ['2099-12-31', '2099-00', '2099/00', '2099-04-01', '2100-03-31'],
  ])('%s is in %s', (date, key, label, start, end) => {
    expect(financialYearPeriod(date)).toEqual({ key, label, start, end });
  });
});

describe('censusYearPeriod (the workforce census year to 30 September)', () => {
  it.each([
    ['2024-09-30', 'census-2024', '2023-10-01', '2024-09-30'],
    ['2024-10-01', 'census-2025', '2024-10-01', '2025-09-30'],
    ['2023-10-01', 'census-2024', '2023-10-01', '2024-09-30'],
    ['2024-02-29', 'census-2024', '2023-10-01', '2024-09-30'],
    ['2024-01-01', 'census-2024', '2023-10-01', '2024-09-30'],
  ])('%s is in %s', (date, key, start, end) => {
    expect(censusYearPeriod(date)).toEqual({ key, label: `Year to 30 September ${key.slice(7)}`, start, end });
  });
});

describe('periodRange', () => {
  it.each([
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2018-19-Q1', '2018-04-01', '2018-06-30'],
    ['2018-19-Q4', '2019-01-01', '2019-03-31'],
    ['2023-24-Q4', '2024-01-01', '2024-03-31'],
    ['2018-19', '2018-04-01', '2019-03-31'],
    ['1999-00', '1999-04-01', '2000-03-31'],
    ['census-2024', '2023-10-01', '2024-09-30'],
  ])('%s runs from %s to %s', (key, start, end) => {
    expect(periodRange(key)).toEqual({ start, end });
  });

  it('gives back the range of every period a date is in', () => {
    for (const date of ['2016-04-01', '2020-02-29', '2022-09-30', '2022-10-01', '2025-03-31']) {
      for (const period of [monthPeriod(date), financialQuarterPeriod(date), financialYearPeriod(date), censusYearPeriod(date)]) {
        expect(periodRange(period.key)).toEqual({ start: period.start, end: period.end });
        expect(period.start <= date && date <= period.end).toBe(true);
      }
    }
  });

  it.each(['2018-20', '2018-20-Q1', '2024-00', 'census-24', 'Q1 2018/19', '2024-03-01', ''])('refuses “%s”, which is no period', (key) => {
    expect(() => periodRange(key)).toThrow(AppError);
    expect(() => periodRange(key)).toThrow(`“${key}” is not a period`);
  });
});

describe('dates that do not exist', () => {
  it.each([
    ['monthPeriod', monthPeriod],
    ['financialQuarterPeriod', financialQuarterPeriod],
    ['financialYearPeriod', financialYearPeriod],
    ['censusYearPeriod', censusYearPeriod],
  ] as const)('are refused by %s, naming them', (_name, toPeriod) => {
    expect(() => toPeriod('2023-02-29')).toThrow('The date “2023-02-29” does not exist.');
  });
});

describe('weekPeriod and weeks', () => {
  it.each([
    ['2024-02-14', '2024-W07', 'Week beginning 12 February 2024', '2024-02-12', '2024-02-18'],
    // 1 January 2021 was a Friday: it belongs to the last ISO week of 2020.
    ['2021-01-01', '2020-W53', 'Week beginning 28 December 2020', '2020-12-28', '2021-01-03'],
    ['2024-12-30', '2025-W01', 'Week beginning 30 December 2024', '2024-12-30', '2025-01-05'],
  ])('%s is in %s, “%s”', (date, key, label, start, end) => {
    expect(weekPeriod(date)).toEqual({ key, label, start, end });
    expect(periodRange(key)).toEqual({ start, end });
    expect(periodLabel(key)).toBe(label);
  });

  it('refuses a week a year does not have', () => {
    expect(periodShape('2024-W53')).toBeNull();
    expect(periodShape('2020-W53')).toBe('week');
    expect(() => periodRange('2024-W53')).toThrow(AppError);
  });
});

describe('periodShape', () => {
  it.each([
    ['2024-03', 'month'],
    ['2024-25', 'financial-year'],
    ['2024-26', null],
    ['2024-25-Q3', 'quarter'],
    ['2024-26-Q3', null],
    ['census-2025', 'census-year'],
    ['2024-W07', 'week'],
    ['March 2024', null],
  ])('%s is %s', (key, shape) => {
    expect(periodShape(key)).toBe(shape);
  });
});

describe('periodsBetween', () => {
  it('lists the months that overlap a range, in order', () => {
    expect(periodsBetween('monthly', '2024-01-15', '2024-04-01').map((period) => period.key)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });
  it('lists financial quarters across a year end', () => {
    expect(periodsBetween('quarterly', '2024-02-01', '2024-12-31').map((period) => period.label)).toEqual(['Q4 2023/24', 'Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25']);
  });
  it('lists financial years and weeks', () => {
    expect(periodsBetween('annual', '2023-01-01', '2024-04-01').map((period) => period.key)).toEqual(['2022-23', '2023-24', '2024-25']);
    expect(periodsBetween('weekly', '2024-02-14', '2024-02-26').map((period) => period.key)).toEqual(['2024-W07', '2024-W08', '2024-W09']);
  });
});
