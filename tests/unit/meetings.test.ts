import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK_HOLIDAYS } from '../../shared/bank-holidays';
import { scheduleMeetings } from '../../shared/meetings';

describe('meeting dates from a cadence', () => {
  it('keeps a monthly board on the second Tuesday of each month', () => {
    expect(scheduleMeetings('2026-12-08', 'monthly', '2027-06-30', BUNDLED_BANK_HOLIDAYS)).toEqual([
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
      '2027-06-08',
    ]);
  });

  it('moves a meeting that falls on a bank holiday to the next working day (spring bank holiday, 25 May 2026)', () => {
    expect(scheduleMeetings('2026-04-27', 'monthly', '2026-06-30', BUNDLED_BANK_HOLIDAYS)).toEqual(['2026-04-27', '2026-05-26', '2026-06-22']);
  });

  it('moves past the substitute Boxing Day (28 December 2026) and Easter Monday (29 March 2027)', () => {
    // 30 November 2026 is the fifth Monday; months without one take their last Monday, and
    // 28 December 2026 is the substitute Boxing Day bank holiday, so that meeting moves too.
    expect(scheduleMeetings('2026-11-30', 'monthly', '2027-03-31', BUNDLED_BANK_HOLIDAYS)).toEqual([
      '2026-11-30',
      '2026-12-29',
      '2027-01-25',
      '2027-02-22',
      '2027-03-30',
    ]);
  });

  it('moves a quarterly meeting past the spring bank holiday of 31 May 2027', () => {
    expect(scheduleMeetings('2026-11-30', 'quarterly', '2027-06-30', BUNDLED_BANK_HOLIDAYS)).toEqual(['2026-11-30', '2027-02-22', '2027-06-01']);
  });

  it('uses the last such weekday in a month that has no fifth one', () => {
    expect(scheduleMeetings('2026-03-31', 'monthly', '2026-05-31', BUNDLED_BANK_HOLIDAYS)).toEqual(['2026-03-31', '2026-04-28', '2026-05-26']);
  });

  it('schedules every two months and quarterly', () => {
    expect(scheduleMeetings('2026-01-15', 'every-two-months', '2026-12-31', BUNDLED_BANK_HOLIDAYS)).toEqual([
      '2026-01-15',
      '2026-03-19',
      '2026-05-21',
      '2026-07-16',
      '2026-09-17',
      '2026-11-19',
    ]);
    expect(scheduleMeetings('2026-04-20', 'quarterly', '2027-04-30', BUNDLED_BANK_HOLIDAYS)).toEqual([
      '2026-04-20',
      '2026-07-20',
      '2026-10-19',
      '2027-01-18',
      '2027-04-19',
    ]);
  });

  it('an ad hoc committee has only the meeting given', () => {
    expect(scheduleMeetings('2026-06-03', 'ad-hoc', '2027-06-03', BUNDLED_BANK_HOLIDAYS)).toEqual(['2026-06-03']);
  });
});
