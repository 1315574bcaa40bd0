// The workforce projection of DOMAIN.md section 7 ("from total posts, vacancies now, an annual
// turnover rate and planned recruits per channel per year, what vacancies and vacancy rate will
// each year end with?"), worked by hand under the rules written at the top of shared/workforce.ts,
// and the pounds and totals of the plan's budget.
import { describe, expect, it } from 'vitest';
import { formatPounds, parsePounds, penceToPoundsText, totalBudget, type BudgetLineAmounts } from '../../shared/budget';
import {
  describeProjection,
  formatFte,
  formatFteChange,
  formatVacancyRate,
  projectWorkforce,
} from '../../shared/workforce';
import { financialYearKeys, isFinancialYearKey, periodLabel } from '../../shared/periods';
import { NORTHMOOR_PROJECTION } from '../support/workforce';

describe('financial years', () => {
  it.each([
    ['2024-25', true],
    ['2011-12', true],
    ['2099-00', true],
    ['2024-26', false],
    ['2024/25', false],
    ['2024', false],
    ['24-25', false],
    ['2024-25 ', false],
  ])('%s is a financial year key: %s', (key, expected) => {
    expect(isFinancialYearKey(key)).toBe(expected);
  });

  it('counts on from the first year, across a century, labelled as councils write them', () => {
    expect(financialYearKeys('2098-99', 3)).toEqual(['2098-99', '2099-00', '2100-01']);
    expect(financialYearKeys('2024-25', 3).map(periodLabel)).toEqual(['2024/25', '2025/26', '2026/27']);
    expect(() => financialYearKeys('2024-26', 1)).toThrow(RangeError);
  });
});

describe('projecting the workforce', () => {
  it('works the demo plan year by year: leavers from the posts filled at the start, recruits summed over the channels', () => {
    const table = projectWorkforce(NORTHMOOR_PROJECTION);
    expect(table.start).toEqual({ filled: 156, vacancies: 30, vacancyRate: 16.1 });
    // 156 × 18.6% = 29.016 → 29.0 leave; 22 + 6 + 10 = 38 join; 156 − 29 + 38 = 165.
    // 165 × 18.6% = 30.69 → 30.7; 165 − 30.7 + 38 = 172.3. 172.3 × 18.6% = 32.0478 → 32.0; 172.3 − 32 + 39 = 179.3.
    expect(
      table.years.map((year) => [year.label, year.filledAtStart, year.leavers, year.recruits, year.netChange, year.end.filled, year.end.vacancies, year.end.vacancyRate]),
    ).toEqual([
      ['2026/27', 156, 29, 38, 9, 165, 21, 11.3],
      ['2027/28', 165, 30.7, 38, 7.3, 172.3, 13.7, 7.4],
      ['2028/29', 172.3, 32, 39, 7, 179.3, 6.7, 3.6],
    ]);
    expect(table.years.map((year) => year.recruitsByChannel)).toEqual([
      [22, 6, 10],
      [22, 4, 12],
      [24, 3, 12],
    ]);
    expect(table.years.every((year) => year.recruitsBeyondVacancies === 0)).toBe(true);
    expect(table.end).toEqual({ filled: 179.3, vacancies: 6.7, vacancyRate: 3.6 });
    expect(table.totals).toEqual({ leavers: 91.7, recruits: 115, recruitsBeyondVacancies: 0 });
    expect(table.channels).toEqual(NORTHMOOR_PROJECTION.recruits.map((channel) => channel.channel));
    expect(describeProjection(table)).toBe('Vacancies fall from 30.0 (16.1% of 186 posts) now to 6.7 (3.6%) at the end of 2028/29.');
  });

  it('never fills more posts than there are: recruits beyond the vacancies are shown, not carried, not lost', () => {
    const table = projectWorkforce({
      startYear: '2024-25',
      years: 2,
      totalPosts: 50,
      currentVacancies: 10,
      annualTurnoverRate: 10,
      recruits: [{ channel: 'Experienced social workers', counts: [15, 2] }],
    });
    // 40 filled, 4 leave, 15 join: 51 would be filled, so 1 has no post and 50 are filled.
    expect(table.years[0]).toMatchObject({ filledAtStart: 40, leavers: 4, recruits: 15, recruitsBeyondVacancies: 1, netChange: 10, end: { filled: 50, vacancies: 0, vacancyRate: 0 } });
    // The next year starts full: 5 leave and 2 join.
    expect(table.years[1]).toMatchObject({ filledAtStart: 50, leavers: 5, recruits: 2, recruitsBeyondVacancies: 0, netChange: -3, end: { filled: 47, vacancies: 3, vacancyRate: 6 } });
    expect(table.totals.recruitsBeyondVacancies).toBe(1);
    expect(describeProjection(table)).toBe(
      'Vacancies fall from 10.0 (20.0% of 50 posts) now to 3.0 (6.0%) at the end of 2025/26. Recruits planned beyond the vacancies, with no post to fill: 1.0 in 2024/25.',
    );
  });

  it('takes every figure to the nearest tenth of an FTE, halves up, so the table adds up as shown', () => {
    // 3 × 5% = 0.15 → 0.2 leave; 2.5 join from one channel and 0.5 from another.
    const table = projectWorkforce({
      startYear: '2025-26',
      years: 1,
      totalPosts: 10,
      currentVacancies: 7,
      annualTurnoverRate: 5,
      recruits: [
        { channel: 'Newly qualified social workers (ASYE)', counts: [2.5] },
        { channel: 'Agency workers converted to permanent', counts: [0.5] },
      ],
    });
    expect(table.years[0]).toMatchObject({ filledAtStart: 3, leavers: 0.2, recruits: 3, netChange: 2.8, end: { filled: 5.8, vacancies: 4.2, vacancyRate: 42 } });
    // 18.65% of 100 filled is 18.65 → 18.7 (two decimals of a rate are kept exactly, then rounded once).
    const precise = projectWorkforce({ startYear: '2025-26', years: 1, totalPosts: 100, currentVacancies: 0, annualTurnoverRate: 18.65, recruits: [] });
    expect(precise.years[0]?.leavers).toBe(18.7);
  });

  it('with everyone leaving and nobody recruited, every post is vacant at the year end', () => {
    const table = projectWorkforce({ startYear: '2025-26', years: 1, totalPosts: 20, currentVacancies: 5, annualTurnoverRate: 100, recruits: [] });
    expect(table.years[0]).toMatchObject({ leavers: 15, recruits: 0, netChange: -15, end: { filled: 0, vacancies: 20, vacancyRate: 100 } });
    expect(describeProjection(table)).toBe('Vacancies rise from 5.0 (25.0% of 20 posts) now to 20.0 (100.0%) at the end of 2025/26.');
  });

  it('with no turnover and recruits matching nothing, vacancies stay where they are', () => {
    const table = projectWorkforce({ startYear: '2025-26', years: 2, totalPosts: 40, currentVacancies: 4, annualTurnoverRate: 0, recruits: [{ channel: 'Experienced', counts: [0, 0] }] });
    expect(table.end).toEqual({ filled: 36, vacancies: 4, vacancyRate: 10 });
    expect(describeProjection(table)).toBe('Vacancies stay at 4.0 (10.0% of 40 posts) from now to the end of 2026/27.');
  });

  it('plans no recruits in a year a channel gives no number for, and has no vacancy rate without posts', () => {
    const short = projectWorkforce({ startYear: '2025-26', years: 2, totalPosts: 10, currentVacancies: 2, annualTurnoverRate: 0, recruits: [{ channel: 'Experienced', counts: [1] }] });
    expect(short.years.map((year) => year.recruits)).toEqual([1, 0]);
    const empty = projectWorkforce({ startYear: '2025-26', years: 1, totalPosts: 0, currentVacancies: 0, annualTurnoverRate: 10, recruits: [{ channel: 'Experienced', counts: [3] }] });
    expect(empty.years[0]).toMatchObject({ recruitsBeyondVacancies: 3, end: { filled: 0, vacancies: 0, vacancyRate: null } });
    expect(formatVacancyRate(empty.end.vacancyRate)).toBe('no posts');
  });

  it('shows FTE to one decimal place with separators, and changes with their sign', () => {
    expect(formatFte(29)).toBe('29.0');
    expect(formatFte(1234.5)).toBe('1,234.5');
    expect(formatFteChange(9)).toBe('+9.0');
    expect(formatFteChange(-2.5)).toBe('-2.5');
    expect(formatFteChange(0)).toBe('0.0');
    expect(formatVacancyRate(16.1)).toBe('16.1%');
  });
});

describe('amounts in pounds', () => {
  it.each([
    ['£1,250,000', 125_000_000],
    ['1250000', 125_000_000],
    ['1,250,000.50', 125_000_050],
    ['£ 1,250,000.5', 125_000_050],
    ['  0 ', 0],
    ['999', 99_900],
    ['1,000,000,000', 100_000_000_000],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePounds(text)).toEqual({ ok: true, pence });
  });

  it.each([
    ['', 'Enter an amount in pounds, such as £1,250,000'],
    ['-500', 'An amount cannot be negative'],
    ['£-500', 'An amount cannot be negative'],
    ['12,50,000', '“12,50,000” is not an amount in pounds: write it like £1,250,000 or 1250000.50'],
    ['1.2m', '“1.2m” is not an amount in pounds: write it like £1,250,000 or 1250000.50'],
    ['100.505', 'An amount can have at most two figures of pence after the point, such as 1,250,000.50'],
    ['1,000,000,000.01', 'An amount can be at most £1,000,000,000'],
  ])('refuses %j', (text, message) => {
    expect(parsePounds(text)).toEqual({ ok: false, message });
  });

  it('shows pounds with separators, and pence only when there are some', () => {
    expect(formatPounds(125_000_000)).toBe('£1,250,000');
    expect(formatPounds(125_000_050)).toBe('£1,250,000.50');
    expect(formatPounds(0)).toBe('£0');
  });

  it('writes pence back as pounds a form can start from', () => {
    expect(penceToPoundsText(125_000_000)).toBe('1,250,000');
    expect(penceToPoundsText(125_000_050)).toBe('1,250,000.50');
    expect(penceToPoundsText(5)).toBe('0.05');
    for (const text of ['1,250,000.50', '17', '0.05']) {
      const read = parsePounds(text);
      expect(read.ok && penceToPoundsText(read.pence)).toBe(text);
    }
  });
});

describe('budget totals', () => {
  const lines: BudgetLineAmounts[] = [
    {
      kind: 'recurrent',
      entries: [
        { financialYear: '2025-26', allocatedPence: 165_000_000, spentPence: 153_450_000 },
        { financialYear: '2026-27', allocatedPence: 240_000_000, spentPence: 0 },
      ],
    },
    {
      kind: 'one-off',
      entries: [
        { financialYear: '2025-26', allocatedPence: 120_000_000, spentPence: 139_200_000 },
        { financialYear: '2027-28', allocatedPence: 30_000_000, spentPence: 0 },
      ],
    },
    { kind: 'one-off', entries: [{ financialYear: '2025-26', allocatedPence: 45_000_000, spentPence: 20_000_000 }] },
  ];

  it('totals by year and kind, over the years asked for and any year with an entry', () => {
    const totals = totalBudget(lines, ['2024-25', '2025-26']);
    expect(totals.byYear.map((year) => [year.label, year.recurrent.allocatedPence, year.oneOff.allocatedPence, year.total.spentPence])).toEqual([
      ['2024/25', 0, 0, 0],
      ['2025/26', 165_000_000, 165_000_000, 312_650_000],
      ['2026/27', 240_000_000, 0, 0],
      ['2027/28', 0, 30_000_000, 0],
    ]);
    expect(totals.recurrent).toEqual({ allocatedPence: 405_000_000, spentPence: 153_450_000 });
    expect(totals.oneOff).toEqual({ allocatedPence: 195_000_000, spentPence: 159_200_000 });
    expect(totals.total).toEqual({ allocatedPence: 600_000_000, spentPence: 312_650_000 });
    expect(totals.estimatedCostPence).toBe(600_000_000);
    expect(totals.oneOffRemainingPence).toBe(35_800_000);
    expect(totals.recurrentLastYear).toEqual({ financialYear: '2026-27', label: '2026/27', allocatedPence: 240_000_000 });
  });

  it('goes below nothing when one-off spend runs over, and has no recurrent growth without recurrent lines', () => {
    const overspent = totalBudget([{ kind: 'one-off', entries: [{ financialYear: '2025-26', allocatedPence: 100, spentPence: 250 }] }]);
    expect(overspent.oneOffRemainingPence).toBe(-150);
    expect(overspent.recurrentLastYear).toBeNull();
    expect(totalBudget([]).byYear).toEqual([]);
  });
});
