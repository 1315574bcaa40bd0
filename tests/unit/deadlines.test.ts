// The dates that follow an inspection report (DOMAIN.md section 2). Statutory dates count working
// days under SI 2007/462 regulations 2 and 3 (Education and Inspections Act 2006 s.137); the
// expected windows follow Ofsted practice as DOMAIN.md describes it. Expected dates are real days
// across real bank holidays.
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK_HOLIDAYS as holidays } from '../../shared/bank-holidays';
import { computeDeadlines, DEADLINE_KINDS, type ComputedDeadline, type DeadlineInput } from '../../shared/deadlines';
import { AppError } from '../../shared/errors';
import { FRAMEWORKS, JUDGEMENTS } from '../../shared/vocabulary';

function dates(input: DeadlineInput): [string, string, string | null][] {
  return computeDeadlines(input, holidays).map((deadline) => [deadline.key, deadline.date, deadline.windowEnd]);
}

function find(deadlines: ComputedDeadline[], key: string): ComputedDeadline {
  const found = deadlines.find((deadline) => deadline.key === key);
  if (!found) throw new Error(`no deadline ${key}`);
  return found;
}

describe('the report and the action plan (SI 2007/462 regulations 2 and 3; Education and Inspections Act 2006 s.137)', () => {
  it.each([
    ['sif', '2017-06-04', '2017-07-14', '2017-09-11', 'a Sunday receipt; the summer bank holiday 2017'],
    ['ilacs', '2024-03-21', '2024-05-07', '2024-07-03', 'across Good Friday, Easter Monday, the early May and spring bank holidays 2024'],
    ['ilacs', '2020-04-01', '2020-05-18', '2020-07-14', 'across Easter 2020, VE day (8 May 2020) and the late May bank holiday 2020'],
    ['ilacs', '2022-04-13', '2022-05-30', '2022-07-27', 'across Easter 2022 and the Platinum Jubilee (2 and 3 June 2022)'],
    ['ilacs', '2022-11-30', '2023-01-16', '2023-03-13', 'across Christmas 2022 with its substitute day and the substitute New Year’s Day 2023'],
    ['sif', '2018-03-26', '2018-05-10', '2018-07-06', 'across Easter 2018 and both May bank holidays'],
  ] as const)('%s, received %s: report published by %s (30 working days), action plan by %s (70 working days), %s', (framework, received, report, plan, _description) => {
    const deadlines = computeDeadlines({ framework, reportReceivedDate: received, overallJudgement: 'requires-improvement' }, holidays);
    expect(find(deadlines, 'report-publication')).toMatchObject({
      kind: 'report-publication',
      label: 'Publish the inspection report',
      date: report,
      windowEnd: null,
      statutory: true,
      provisional: false,
      source: 'SI 2007/462 regulation 2; Education and Inspections Act 2006 s.137(4)',
    });
    expect(find(deadlines, 'action-plan')).toMatchObject({
      kind: 'action-plan',
      label: 'Publish the written statement of proposed action (the action plan)',
      date: plan,
      windowEnd: null,
      statutory: true,
      provisional: false,
      source: 'SI 2007/462 regulation 3; Education and Inspections Act 2006 s.137(3) and (4)',
    });
  });

  it('says the rule in words with the date it counts from', () => {
    const deadlines = computeDeadlines({ framework: 'sif', reportReceivedDate: '2017-06-04', overallJudgement: 'inadequate' }, holidays);
    expect(find(deadlines, 'action-plan').rule).toBe('70 working days after the report was received (4 June 2017)');
    expect(find(deadlines, 'report-publication').rule).toBe('30 working days after the report was received (4 June 2017)');
  });

  it('marks dates counted past the bank holidays known (2027) as provisional', () => {
    const deadlines = computeDeadlines({ framework: 'sif', reportReceivedDate: '2027-11-15', overallJudgement: 'inadequate' }, holidays);
    expect(find(deadlines, 'report-publication')).toMatchObject({ date: '2027-12-29', provisional: false });
    expect(find(deadlines, 'action-plan')).toMatchObject({ date: '2028-02-23', provisional: true });
    expect(find(deadlines, 'monitoring-visit-1').provisional).toBe(true);
    expect(find(deadlines, 'reinspection').provisional).toBe(true);
    // Counted in calendar days from the receipt, so no bank holiday can move it.
    expect(find(deadlines, 'action-planning-visit').provisional).toBe(false);
  });
});

describe('after a focused visit (DOMAIN.md: a draft plan expected within 20 working days of areas for priority action)', () => {
  it('expects a draft plan 20 working days after receipt, across Christmas 2021 and New Year 2022 substitute days', () => {
    expect(computeDeadlines({ framework: 'focused-visit', reportReceivedDate: '2021-12-15', overallJudgement: null, priorityActionAreas: true }, holidays)).toEqual([
      {
        key: 'draft-action-plan',
        kind: 'draft-action-plan',
        label: 'Draft action plan for the areas for priority action',
        date: '2022-01-17',
        windowEnd: null,
        rule: '20 working days after the report was received (15 December 2021)',
        source: 'Ofsted practice: a focused visit with areas for priority action',
        statutory: false,
        provisional: false,
      },
    ]);
  });

  it('across the coronation bank holiday, 8 May 2023', () => {
    expect(dates({ framework: 'focused-visit', reportReceivedDate: '2023-04-20', overallJudgement: null, priorityActionAreas: true })).toEqual([
      ['draft-action-plan', '2023-05-22', null],
    ]);
  });

  it('has no dates without areas for priority action', () => {
    expect(computeDeadlines({ framework: 'focused-visit', reportReceivedDate: '2021-12-15', overallJudgement: null }, holidays)).toEqual([]);
  });
});

describe('after an inadequate judgement (DOMAIN.md: action-planning visit, quarterly monitoring visits)', () => {
  it('SIF, received 4 June 2017: visit 25 to 35 days after receipt, monitoring from the action-plan deadline, re-inspection within about two years after four visits', () => {
    expect(dates({ framework: 'sif', reportReceivedDate: '2017-06-04', overallJudgement: 'inadequate' })).toEqual([
      ['action-planning-visit', '2017-06-29', '2017-07-09'],
      ['report-publication', '2017-07-14', null],
      ['action-plan', '2017-09-11', null],
      ['monitoring-visit-1', '2017-09-11', '2017-10-09'],
      ['monitoring-visit-2', '2017-12-11', '2018-01-08'],
      ['monitoring-visit-3', '2018-03-11', '2018-04-08'],
      ['monitoring-visit-4', '2018-06-11', '2018-07-09'],
      ['reinspection', '2018-07-09', '2019-09-11'],
      ['monitoring-visit-5', '2018-09-11', '2018-10-09'],
      ['monitoring-visit-6', '2018-12-11', '2019-01-08'],
      ['monitoring-visit-7', '2019-03-11', '2019-04-08'],
      ['monitoring-visit-8', '2019-06-11', '2019-07-09'],
    ]);
  });

  it('ILACS, received 30 November 2022 (across Christmas): monitoring every three months up to the three-year horizon, no re-inspection date', () => {
    const deadlines = computeDeadlines({ framework: 'ilacs', reportReceivedDate: '2022-11-30', overallJudgement: 'inadequate' }, holidays);
    expect(find(deadlines, 'action-planning-visit')).toMatchObject({ date: '2022-12-25', windowEnd: '2023-01-04', statutory: false });
    const visits = deadlines.filter((deadline) => deadline.kind === 'monitoring-visit').map((deadline) => [deadline.date, deadline.windowEnd]);
    expect(visits).toEqual([
      ['2023-03-13', '2023-04-10'],
      ['2023-06-13', '2023-07-11'],
      ['2023-09-13', '2023-10-11'],
      ['2023-12-13', '2024-01-10'],
      ['2024-03-13', '2024-04-10'],
      ['2024-06-13', '2024-07-11'],
      ['2024-09-13', '2024-10-11'],
      ['2024-12-13', '2025-01-10'],
      ['2025-03-13', '2025-04-10'],
      ['2025-06-13', '2025-07-11'],
      ['2025-09-13', '2025-10-11'],
    ]);
    expect(deadlines.some((deadline) => deadline.kind === 'reinspection')).toBe(false);
    expect(find(deadlines, 'monitoring-visit-1')).toMatchObject({
      label: 'Monitoring visit 1 (expected window)',
      rule: 'Usually within about four weeks of the action-plan deadline (13 March 2023); its letter is not published',
      source: 'Ofsted practice: quarterly monitoring visits for an inadequate judgement',
    });
  });

  it('lists monitoring visits only as far as the horizon asked for', () => {
    const deadlines = computeDeadlines({ framework: 'ilacs', reportReceivedDate: '2022-11-30', overallJudgement: 'inadequate', horizonYears: 1 }, holidays);
    expect(deadlines.filter((deadline) => deadline.kind === 'monitoring-visit').map((deadline) => deadline.key)).toEqual([
      'monitoring-visit-1',
      'monitoring-visit-2',
      'monitoring-visit-3',
    ]);
  });

  it.each(['requires-improvement', 'good', 'outstanding', null] as const)('has no visits for a judgement of %s', (judgement) => {
    const kinds = computeDeadlines({ framework: 'sif', reportReceivedDate: '2017-06-04', overallJudgement: judgement }, holidays).map((deadline) => deadline.kind);
    expect(kinds).toEqual(['report-publication', 'action-plan']);
  });
});

describe('under ILACS (DOMAIN.md: annual self-evaluation and engagement meeting; the next inspection)', () => {
  it('requires improvement, received 21 March 2024: annual windows around each anniversary and a standard inspection about three years on', () => {
    expect(dates({ framework: 'ilacs', reportReceivedDate: '2024-03-21', overallJudgement: 'requires-improvement' })).toEqual([
      ['report-publication', '2024-05-07', null],
      ['action-plan', '2024-07-03', null],
      ['annual-self-evaluation-1', '2025-02-21', '2025-03-20'],
      ['annual-engagement-meeting-1', '2025-03-21', '2025-04-20'],
      ['annual-self-evaluation-2', '2026-02-21', '2026-03-20'],
      ['annual-engagement-meeting-2', '2026-03-21', '2026-04-20'],
      ['standard-inspection', '2026-12-21', '2027-06-21'],
      ['annual-self-evaluation-3', '2027-02-21', '2027-03-20'],
      ['annual-engagement-meeting-3', '2027-03-21', '2027-04-20'],
    ]);
  });

  it.each(['good', 'outstanding'] as const)('%s: a short inspection about three years on', (judgement) => {
    const deadlines = computeDeadlines({ framework: 'ilacs', reportReceivedDate: '2024-03-21', overallJudgement: judgement }, holidays);
    expect(find(deadlines, 'short-inspection')).toMatchObject({
      label: 'Short inspection (expected window)',
      date: '2026-12-21',
      windowEnd: '2027-06-21',
      statutory: false,
      source: 'Ofsted practice under ILACS: a short inspection for good or outstanding',
    });
    expect(deadlines.some((deadline) => deadline.kind === 'standard-inspection')).toBe(false);
  });

  it('names the year in each annual window', () => {
    const deadlines = computeDeadlines({ framework: 'ilacs', reportReceivedDate: '2024-03-21', overallJudgement: 'good' }, holidays);
    expect(find(deadlines, 'annual-engagement-meeting-2').label).toBe('Annual engagement meeting, year 2 (expected window)');
    expect(find(deadlines, 'annual-self-evaluation-2').label).toBe('Annual self-evaluation, year 2 (expected window)');
  });
});

describe('every computation', () => {
  const inputs = FRAMEWORKS.flatMap((framework) =>
    [...JUDGEMENTS, null].flatMap((overallJudgement) =>
      ['2013-11-01', '2019-12-20', '2024-03-29', '2027-06-30'].map((reportReceivedDate) => ({ framework, overallJudgement, reportReceivedDate, priorityActionAreas: true })),
    ),
  );

  it(`gives unique keys, sorted dates, windows that end after they start, and known kinds (${inputs.length} inputs)`, () => {
    for (const input of inputs) {
      const deadlines = computeDeadlines(input, holidays);
      expect(new Set(deadlines.map((deadline) => deadline.key)).size).toBe(deadlines.length);
      expect(deadlines.map((deadline) => deadline.date)).toEqual(deadlines.map((deadline) => deadline.date).sort());
      for (const deadline of deadlines) {
        expect(DEADLINE_KINDS).toContain(deadline.kind);
        if (deadline.windowEnd) expect(deadline.windowEnd > deadline.date).toBe(true);
        expect(deadline.statutory).toBe(deadline.kind === 'report-publication' || deadline.kind === 'action-plan');
      }
    }
  });

  it('gives no dates for a joint targeted area inspection, which DOMAIN.md sets none for', () => {
    expect(computeDeadlines({ framework: 'jtai', reportReceivedDate: '2024-03-21', overallJudgement: null }, holidays)).toEqual([]);
  });

  it('refuses a report date that does not exist, naming it', () => {
    try {
      computeDeadlines({ framework: 'ilacs', reportReceivedDate: '2023-02-29', overallJudgement: 'inadequate' }, holidays);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid-input');
      expect((error as AppError).message).toBe('The date “2023-02-29” does not exist.');
      expect((error as AppError).details.fields?.[0]?.path).toBe('reportReceivedDate');
    }
  });

  it('refuses a framework it does not know', () => {
    expect(() => computeDeadlines({ framework: 'ofsted' as never, reportReceivedDate: '2023-02-28', overallJudgement: null }, holidays)).toThrow(
      '“ofsted” is not an inspection framework',
    );
  });
});
