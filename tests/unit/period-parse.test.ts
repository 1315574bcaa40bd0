// Periods as performance teams write them in spreadsheets. UK financial years run April to March
// ("Quarter 1 2018/19" is April to June 2018, DOMAIN.md section 6); weeks are ISO weeks, Monday
// to Sunday; the workforce census year runs to 30 September.
import { describe, expect, it } from 'vitest';
import { periodKeyFor, readPeriodDate, readPeriodText } from '../../shared/period-parse';

const key = (text: string) => {
  const reading = readPeriodText(text);
  if (!reading.ok) throw new Error(`“${text}” was not read: ${reading.problem}`);
  return reading.period.kind === 'period' ? reading.period.key : `date ${reading.period.date}`;
};
const problem = (text: string) => {
  const reading = readPeriodText(text);
  if (reading.ok) throw new Error(`“${text}” was read as ${JSON.stringify(reading.period)}`);
  return reading.problem;
};

describe('readPeriodText: months', () => {
  it.each([
    ['Apr-24', '2024-04'],
    ['apr-24', '2024-04'],
    ['Apr 24', '2024-04'],
    ['April 2024', '2024-04'],
    ['April-2024', '2024-04'],
    ['Apr 2024', '2024-04'],
    ["Mar '24", '2024-03'],
    ['Sept 2024', '2024-09'],
    ['Sep-24', '2024-09'],
    ['2024-04', '2024-04'],
    ['04/2024', '2024-04'],
    ['4/2024', '2024-04'],
    ['12/2024', '2024-12'],
    ['  March   2025 ', '2025-03'],
  ])('“%s” is the month %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });
});

describe('readPeriodText: financial quarters and years', () => {
  it.each([
    ['Q1 2024/25', '2024-25-Q1'],
    ['Q4 2024/25', '2024-25-Q4'],
    ['Q1 2024-25', '2024-25-Q1'],
    ['Q1 24/25', '2024-25-Q1'],
    ['Quarter 2 2024/25', '2024-25-Q2'],
    ['2024/25 Q3', '2024-25-Q3'],
    ['2024-25-Q1', '2024-25-Q1'],
    ['Apr-Jun 2024', '2024-25-Q1'],
    ['April to June 2024', '2024-25-Q1'],
    ['Jan–Mar 2025', '2024-25-Q4'],
    ['Oct - Dec 24', '2024-25-Q3'],
    ['2024/25', '2024-25'],
    ['2024-25', '2024-25'],
    ['2024/2025', '2024-25'],
    ['2024-2025', '2024-25'],
    ['24/25', '2024-25'],
    ['FY 2024/25', '2024-25'],
    ['Apr 2024 - Mar 2025', '2024-25'],
    ['Year to 31 March 2025', '2024-25'],
    ['year ending September 2024', 'census-2024'],
    ['census-2024', 'census-2024'],
  ])('“%s” is %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it('a quarter without its financial year is refused, naming both years it could be', () => {
    expect(problem('Q1 2024')).toBe('“Q1 2024” does not say which financial year: write Q1 2024/25 or Q1 2023/24');
  });

  it('two years that do not follow on are not a financial year', () => {
    expect(problem('2024/26')).toMatch(/not a financial year: the second year follows the first, as in 2024\/25/);
    expect(problem('Q2 2024/26')).toMatch(/2024\/26 is not a financial year/);
  });

  it('three months that are not a financial quarter are refused', () => {
    expect(problem('Feb-Apr 2024')).toMatch(/not a financial quarter/);
  });
});

describe('readPeriodText: weeks and days', () => {
  it.each([
    ['w/c 12/02/2024', '2024-W07'],
    ['Week commencing 12 February 2024', '2024-W07'],
    ['w/c 14/02/2024', '2024-W07'],
    ['Week 7 2024', '2024-W07'],
    ['W07 2024', '2024-W07'],
    ['2024-W07', '2024-W07'],
    ['W53 2026', '2026-W53'],
  ])('“%s” is the week %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each([
    ['01/04/2024', '2024-04-01'],
    ['1/4/24', '2024-04-01'],
    ['1 April 2024', '2024-04-01'],
    ['3 Apr 24', '2024-04-03'],
    ['1-Apr-24', '2024-04-01'],
    ['2024-04-01', '2024-04-01'],
    ['2024-04-01T00:00:00', '2024-04-01'],
    ['31.03.2024', '2024-03-31'],
  ])('“%s” is the day %s (day before month, as in England)', (text, expected) => {
    expect(key(text)).toBe(`date ${expected}`);
  });

  it('a week the year does not have is refused', () => {
    expect(problem('W53 2024')).toBe('“W53 2024”: 2024 has no week 53');
  });
});

describe('readPeriodText: what is not a period', () => {
  it.each(['hello', '13/2024', '31/02/2024', 'Q5 2024/25', 'YTD', 'Target'])('“%s” is refused with the forms that are read', (text) => {
    expect(problem(text)).toMatch(/is not a period the app can read: write a month \(April 2024, Apr-24 or 2024-04\), a financial quarter \(Q1 2024\/25\)/);
  });

  it('a year alone asks which month, quarter or financial year', () => {
    expect(problem('2024')).toBe('“2024” is a year: say which month, quarter or financial year, such as April 2024, Q1 2024/25 or 2024/25');
  });

  it('a blank is not a period', () => {
    expect(problem('  ')).toBe('the period is blank');
  });
});

describe('periodKeyFor: a day stands for the period of each KPI’s frequency that holds it', () => {
  const day = readPeriodDate('2025-01-15');
  it.each([
    ['monthly', '2025-01'],
    ['quarterly', '2024-25-Q4'],
    ['annual', '2024-25'],
    ['weekly', '2025-W03'],
  ] as const)('for a %s KPI, 15 January 2025 is %s', (frequency, expected) => {
    if (!day.ok) throw new Error('not read');
    expect(periodKeyFor(day.period, frequency)).toBe(expected);
  });

  it('a period given outright stays as it is, whatever the KPI’s frequency', () => {
    const reading = readPeriodText('Q1 2024/25');
    if (!reading.ok) throw new Error('not read');
    expect(periodKeyFor(reading.period, 'monthly')).toBe('2024-25-Q1');
  });

  it('a day is labelled in words', () => {
    expect(day.ok && day.period.label).toBe('15 January 2025');
  });
});
