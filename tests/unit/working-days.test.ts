// Working days under SI 2007/462 regulation 1(2) (Education and Inspections Act 2006 s.136-137):
// any day except Saturday, Sunday, Christmas Day, Good Friday or a bank holiday in England and
// Wales. Expected dates are real days checked against the GOV.UK list.
import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK_HOLIDAYS as holidays, mergeBankHolidays, parseBankHolidays } from '../../shared/bank-holidays';
import bundledFile from '../../shared/data/bank-holidays-england-and-wales.json';
import { AppError } from '../../shared/errors';
import { addWorkingDays, goodFriday, isWorkingDay, workingDaysBetween } from '../../shared/working-days';

function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = parseISO(from); format(day, 'yyyy-MM-dd') <= to; day = addDays(day, 1)) days.push(format(day, 'yyyy-MM-dd'));
  return days;
}

describe('isWorkingDay (SI 2007/462 regulation 1(2))', () => {
  it.each([
    ['2024-03-29', false, 'Good Friday 2024'],
    ['2024-04-01', false, 'Easter Monday 2024, a bank holiday'],
    ['2024-03-28', true, 'Maundy Thursday 2024'],
    ['2024-03-30', false, 'a Saturday'],
    ['2024-03-31', false, 'a Sunday'],
    ['2021-12-27', false, 'the substitute day for Christmas Day 2021 (a Saturday)'],
    ['2021-12-28', false, 'the substitute day for Boxing Day 2021 (a Sunday)'],
    ['2022-01-03', false, 'the substitute day for New Year’s Day 2022 (a Saturday)'],
    ['2022-12-26', false, 'Boxing Day 2022'],
    ['2022-12-27', false, 'the substitute day for Christmas Day 2022 (a Sunday)'],
    ['2020-05-08', false, 'VE day 2020, to which the early May bank holiday moved'],
    ['2020-05-04', true, 'the first Monday of May 2020, which was not a bank holiday that year'],
    ['2020-05-25', false, 'the spring (late May) bank holiday 2020'],
    ['2022-06-02', false, 'the spring bank holiday 2022, moved to a Thursday for the Platinum Jubilee'],
    ['2022-06-03', false, 'the Platinum Jubilee bank holiday 2022'],
    ['2022-05-30', true, 'the last Monday of May 2022, which was not a bank holiday that year'],
    ['2022-09-19', false, 'the bank holiday for the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', false, 'the bank holiday for the coronation of King Charles III'],
    ['2023-05-09', true, 'the day after the coronation bank holiday'],
    ['2030-12-25', false, 'Christmas Day 2030, beyond the list: excluded by regulation 1(2) in its own right'],
    ['2030-04-19', false, 'Good Friday 2030, beyond the list: excluded by regulation 1(2) in its own right'],
    ['2030-12-26', true, 'Boxing Day 2030, beyond the list: not yet known as a bank holiday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected);
  });

  it('agrees with the GOV.UK list on every day it covers, 2012 to 2027 (Good Friday and Christmas Day are in it)', () => {
    for (const day of everyDay('2012-01-01', '2027-12-31')) {
      const weekday = parseISO(day).getDay();
      expect(isWorkingDay(day, holidays), day).toBe(weekday !== 0 && weekday !== 6 && !holidays.dates.has(day));
    }
  });

  it('refuses a date that does not exist, naming it', () => {
    expect(() => isWorkingDay('2023-02-29', holidays)).toThrow(AppError);
    expect(() => isWorkingDay('2023-02-29', holidays)).toThrow('The date “2023-02-29” does not exist.');
    expect(() => isWorkingDay('4 June 2017', holidays)).toThrow('“4 June 2017” is not a date written as YYYY-MM-DD');
    expect(isWorkingDay('2024-02-29', holidays)).toBe(true);
  });
});

describe('Good Friday by the Meeus/Jones/Butcher algorithm', () => {
  it('matches every Good Friday in the GOV.UK list', () => {
    const listed = [...holidays.titles].filter(([, title]) => title === 'Good Friday').map(([date]) => date);
    expect(listed).toHaveLength(16);
    for (const date of listed) expect(goodFriday(Number(date.slice(0, 4)))).toBe(date);
  });

  it.each([
    [2008, '2008-03-21', 'an early Easter (23 March)'],
    [2038, '2038-04-23', 'the latest Easter of the century (25 April)'],
    [2285, '2285-03-20', 'the earliest possible Easter (22 March)'],
    [2000, '2000-04-21', 'a century year that is a leap year'],
  ])('%i: %s (%s)', (year, expected) => {
    expect(goodFriday(year)).toBe(expected);
  });
});

describe('addWorkingDays (SI 2007/462: periods of working days after receipt)', () => {
  it.each([
    ['2024-03-28', 1, '2024-04-02', 'across Good Friday and Easter Monday 2024'],
    ['2024-04-02', -1, '2024-03-28', 'backwards across Easter 2024'],
    ['2021-12-24', 1, '2021-12-29', 'across the substitute days for Christmas and Boxing Day 2021 (25-26 December a weekend)'],
    ['2021-12-31', 1, '2022-01-04', 'across the substitute New Year’s Day 2022'],
    ['2022-01-04', -1, '2021-12-31', 'backwards across New Year 2022'],
    ['2022-12-23', 1, '2022-12-28', 'across Boxing Day and the substitute Christmas Day 2022'],
    ['2022-12-30', 1, '2023-01-03', 'across the substitute New Year’s Day 2023'],
    ['2019-12-20', 5, '2019-12-31', 'across Christmas 2019'],
    ['2019-12-20', 6, '2020-01-02', 'across Christmas and New Year, into 2020'],
    ['2020-05-07', 1, '2020-05-11', 'across VE day 2020 (the early May bank holiday moved to Friday 8 May)'],
    ['2020-05-01', 1, '2020-05-04', 'onto Monday 4 May 2020, a working day that year'],
    ['2020-05-22', 1, '2020-05-26', 'across the late May bank holiday 2020'],
    ['2022-06-01', 1, '2022-06-06', 'across the Platinum Jubilee, 2 and 3 June 2022'],
    ['2022-09-16', 1, '2022-09-20', 'across the State Funeral of Queen Elizabeth II, 19 September 2022'],
    ['2023-05-05', 1, '2023-05-09', 'across the coronation of King Charles III, 8 May 2023'],
    ['2023-04-28', 5, '2023-05-09', 'across both May bank holidays of 2023'],
    ['2017-06-04', 30, '2017-07-14', 'from a Sunday: 30 working days (regulation 2, the report)'],
    ['2017-06-04', 70, '2017-09-11', 'from a Sunday: 70 working days across the summer bank holiday (regulation 3, the action plan)'],
    ['2024-03-30', -1, '2024-03-28', 'backwards from a Saturday across Good Friday'],
    ['2024-03-30', 0, '2024-03-30', 'zero days: the start itself, even when not a working day'],
  ])('%s plus %i working days is %s (%s)', (start, days, expected) => {
    expect(addWorkingDays(start, days, holidays)).toEqual({ date: expected, provisional: false });
  });

  it('marks a calculation that runs past the bank holidays known (2027) as provisional', () => {
    // 3 January 2028, the likely substitute New Year's Day, is not known, so is counted.
    expect(addWorkingDays('2027-12-20', 10, holidays)).toEqual({ date: '2028-01-05', provisional: true });
    expect(addWorkingDays('2027-12-20', 7, holidays)).toEqual({ date: '2027-12-31', provisional: false });
    expect(addWorkingDays('2030-12-20', 5, holidays)).toEqual({ date: '2030-12-30', provisional: true });
    expect(addWorkingDays('2028-01-04', -2, holidays)).toEqual({ date: '2027-12-31', provisional: true });
    expect(addWorkingDays('2028-01-01', -1, holidays)).toEqual({ date: '2027-12-31', provisional: false });
  });

  it('marks a calculation before the first year of the list (2012) as provisional too', () => {
    expect(addWorkingDays('2012-01-03', -1, holidays).provisional).toBe(true);
    expect(addWorkingDays('2012-01-03', 1, holidays).provisional).toBe(false);
  });

  it('refuses a start that does not exist, naming it, and a count that is not whole', () => {
    expect(() => addWorkingDays('2023-02-29', 5, holidays)).toThrow('The date “2023-02-29” does not exist.');
    expect(() => addWorkingDays('2023-02-28', 1.5, holidays)).toThrow('“1.5” is not a whole number of working days');
    try {
      addWorkingDays('2023-13-01', 5, holidays);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid-input');
      expect((error as AppError).details.fields).toEqual([{ path: 'start', message: 'The date “2023-13-01” does not exist.' }]);
    }
  });
});

describe('workingDaysBetween (SI 2007/462 regulation 1(2))', () => {
  it.each([
    ['2024-03-28', '2024-04-02', 1, 'Easter 2024'],
    ['2024-04-02', '2024-03-28', -1, 'Easter 2024, backwards'],
    ['2017-06-04', '2017-09-11', 70, 'the action plan of a report received on 4 June 2017'],
    ['2021-12-24', '2022-01-04', 4, 'Christmas and New Year 2021-22 with substitute days'],
    ['2024-03-28', '2024-03-28', 0, 'the same day'],
    ['2024-03-29', '2024-04-01', 0, 'Good Friday to Easter Monday'],
  ])('from %s to %s: %i (%s)', (from, to, days) => {
    expect(workingDaysBetween(from, to, holidays)).toEqual({ days, provisional: false });
  });

  it('marks a count through a year whose bank holidays are not known as provisional', () => {
    expect(workingDaysBetween('2027-12-20', '2028-01-05', holidays)).toEqual({ days: 10, provisional: true });
  });

  it('refuses a date that does not exist, naming it', () => {
    expect(() => workingDaysBetween('2024-01-01', '2023-02-29', holidays)).toThrow('The date “2023-02-29” does not exist.');
  });
});

describe('adding then counting working days round-trips', () => {
  const starts = everyDay('2019-01-01', '2028-12-31').filter((_, index) => index % 5 === 0);
  const counts = [-70, -30, -20, -5, -1, 0, 1, 2, 5, 20, 30, 70];

  it(`for ${starts.length * counts.length} pairs of a start and a count, 2019 to 2028`, () => {
    for (const start of starts) {
      for (const days of counts) {
        const added = addWorkingDays(start, days, holidays);
        const between = workingDaysBetween(start, added.date, holidays);
        expect(between, `${start} ${days}`).toEqual({ days, provisional: added.provisional });
        if (days !== 0) expect(isWorkingDay(added.date, holidays), `${start} ${days}`).toBe(true);
      }
    }
  });

  it('and lands on any later working day by counting to it', () => {
    const from = '2021-12-01';
    for (const to of everyDay('2021-12-01', '2022-02-28').filter((day) => isWorkingDay(day, holidays))) {
      expect(addWorkingDays(from, workingDaysBetween(from, to, holidays).days, holidays).date).toBe(to);
    }
  });
});

describe('parseBankHolidays (the GOV.UK bank-holidays.json format)', () => {
  const event = (date: string, title = 'Bank holiday') => ({ title, date, notes: '', bunting: true });
  const file = (events: unknown[]) => ({ 'england-and-wales': { division: 'england-and-wales', events } });

  function problem(json: unknown): AppError {
    try {
      parseBankHolidays(json);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid-input');
      return error as AppError;
    }
    throw new Error('the file was accepted');
  }

  it('ships the England and Wales list, 2012 to 2027, in the format it checks', () => {
    expect(parseBankHolidays(JSON.stringify(bundledFile))).toEqual(holidays);
    expect(holidays.firstYear).toBe(2012);
    expect(holidays.lastYear).toBe(2027);
    expect(holidays.titles.get('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
  });

  it('reads the full GOV.UK feed from its text, keeping England and Wales and ignoring Scotland and Northern Ireland', () => {
    const feed = {
      ...file([event('2028-01-03', 'New Year’s Day'), event('2029-12-25', 'Christmas Day')]),
      scotland: { division: 'scotland', events: [event('2028-01-04', '2nd January')] },
      'northern-ireland': { division: 'northern-ireland', events: [event('2028-03-17', 'St Patrick’s Day')] },
    };
    const parsed = parseBankHolidays(JSON.stringify(feed));
    expect([...parsed.dates]).toEqual(['2028-01-03', '2029-12-25']);
    expect(parsed.titles.get('2028-01-03')).toBe('New Year’s Day');
    expect(parsed).toMatchObject({ firstYear: 2028, lastYear: 2029 });
  });

  it('merges a newer list over the bundled one: substitute New Year’s Day 2028 is no longer counted, and nothing is provisional', () => {
    const merged = mergeBankHolidays(holidays, parseBankHolidays(file([event('2028-01-03', 'New Year’s Day')])));
    expect(merged).toMatchObject({ firstYear: 2012, lastYear: 2028 });
    expect(merged.dates.has('2023-05-08')).toBe(true);
    expect(addWorkingDays('2027-12-20', 10, merged)).toEqual({ date: '2028-01-06', provisional: false });
  });

  it.each([
    [file([event('2025-01-01'), event('2025-04-18'), event('2025-04-21'), event('2025-02-30')]), 'the event at england-and-wales.events.3 has the date “2025-02-30”, which does not exist', 'england-and-wales.events.3.date'],
    [file([event('25/12/2025')]), 'the event at england-and-wales.events.0 has the date “25/12/2025”, which is not written as YYYY-MM-DD', 'england-and-wales.events.0.date'],
    [file([{ date: '2025-12-25', notes: '', bunting: true }]), 'the event at england-and-wales.events.0 has no title', 'england-and-wales.events.0.title'],
    [file([{ title: 'Christmas Day', notes: '', bunting: true }]), 'the event at england-and-wales.events.0 has no date', 'england-and-wales.events.0.date'],
    [file([{ title: 'Christmas Day', date: 20251225, notes: '', bunting: true }]), 'the event at england-and-wales.events.0 has a date that is not text', 'england-and-wales.events.0.date'],
    [file([{ title: 'Christmas Day', date: '2025-12-25', notes: '', bunting: 'yes' }]), 'the event at england-and-wales.events.0 has a bunting flag that is not true or false', 'england-and-wales.events.0.bunting'],
    [file(['2025-12-25']), 'the event at england-and-wales.events.0 is not an object with a title and a date', 'england-and-wales.events.0'],
    [file([]), 'the “england-and-wales” division has no events', 'england-and-wales.events'],
    [{ 'england-and-wales': { division: 'england-and-wales' } }, 'the “england-and-wales” division has no list of events', 'england-and-wales.events'],
    [{ 'england-and-wales': { division: 'scotland', events: [event('2025-12-25')] } }, 'the “england-and-wales” division is not marked “division”: “england-and-wales”', 'england-and-wales.division'],
    [{ scotland: { division: 'scotland', events: [event('2025-12-25')] } }, 'it has no “england-and-wales” division', 'england-and-wales'],
    [[event('2025-12-25')], 'it is not an object with an “england-and-wales” division', ''],
  ])('refuses a file whose problem is: %j', (json, message, path) => {
    const error = problem(json);
    expect(error.message).toBe(`This is not a bank-holidays file in the GOV.UK format: ${message}.`);
    expect(error.details.fields?.[0]).toEqual({ path, message });
  });

  it('says how many more problems there are after the first', () => {
    expect(problem(file([event('2025-02-30'), event('2025-02-31'), event('2025-02-32')])).message).toBe(
      'This is not a bank-holidays file in the GOV.UK format: the event at england-and-wales.events.0 has the date “2025-02-30”, which does not exist (and 2 more problems).',
    );
  });

  it('refuses text that is not JSON', () => {
    expect(problem('{"england-and-wales": ').message).toMatch(/^This is not a bank-holidays file in the GOV\.UK format: it is not JSON \(.+\)\.$/);
  });
});
