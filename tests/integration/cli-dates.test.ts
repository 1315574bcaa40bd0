// g2g deadlines and g2g working-days as a user runs them: the built bundle in a child process.
// They need no data folder, so none is opened or created. Dates count working days under
// SI 2007/462 regulation 1(2).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComputedDeadline } from '../../shared/deadlines';
import { makeTempDirectory } from '../support/temp-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const G2G = path.join(ROOT, 'bin/g2g.mjs');

function g2g(...args: string[]) {
  const result = spawnSync(process.execPath, [G2G, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeFile(name: string, content: string): string {
  const file = path.join(makeTempDirectory('g2g-dates-'), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('g2g deadlines', () => {
  it('lists the dates after an ILACS inadequate report received before Easter 2024, as a table in words', () => {
    const folder = makeTempDirectory();
    const answer = g2g('deadlines', '--received', '2024-03-21', '--framework', 'ilacs', '--judgement', 'inadequate', '--data-dir', folder);
    expect(answer.stderr).toBe('');
    expect(answer.status).toBe(0);
    expect(answer.stdout).toContain('Dates after a report received on 21 March 2024');
    // 30 working days across Good Friday, Easter Monday and the early May bank holiday 2024.
    expect(answer.stdout).toMatch(/7 May 2024 +Publish the inspection report/);
    expect(answer.stdout).toContain('Rule (statutory): 30 working days after the report was received (21 March 2024)');
    expect(answer.stdout).toContain('Source: SI 2007/462 regulation 2; Education and Inspections Act 2006 s.137(4)');
    expect(answer.stdout).toMatch(/3 July 2024 +Publish the written statement of proposed action \(the action plan\)/);
    expect(answer.stdout).toMatch(/from 15 April 2024 to 25 April 2024 +Action-planning visit \(expected window\)/);
    expect(answer.stdout).toMatch(/from 3 July 2024 to 31 July 2024 +Monitoring visit 1 \(expected window\)/);
    expect(answer.stdout).not.toContain('provisional');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('counts a focused visit’s draft plan across Christmas 2021, and prints the computed dates as JSON', () => {
    const answer = g2g('deadlines', '--json', '--received', '2021-12-15', '--framework', 'focused-visit', '--priority-action');
    expect(answer.status).toBe(0);
    const deadlines = JSON.parse(answer.stdout) as ComputedDeadline[];
    expect(deadlines).toEqual([
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

  it('marks dates past the bank holidays known (2027) as provisional, and says why', () => {
    const answer = g2g('deadlines', '--received', '2027-11-15', '--framework', 'sif', '--judgement', 'requires-improvement');
    expect(answer.status).toBe(0);
    expect(answer.stdout).toMatch(/29 December 2027 +Publish the inspection report/);
    expect(answer.stdout).toMatch(/23 February 2028 \(provisional\) +Publish the written statement/);
    expect(answer.stdout).toContain('Dates marked provisional run past the bank holidays known (to 2027)');

    const json = JSON.parse(g2g('deadlines', '--received', '2027-11-15', '--framework', 'sif', '--json').stdout) as ComputedDeadline[];
    expect(json.map((deadline) => [deadline.key, deadline.date, deadline.provisional])).toEqual([
      ['report-publication', '2027-12-29', false],
      ['action-plan', '2028-02-23', true],
    ]);
  });

  it('uses a newer bank-holidays file in the GOV.UK format, so the same dates are no longer provisional', () => {
    const file = writeFile(
      'bank-holidays.json',
      JSON.stringify({
        'england-and-wales': {
          division: 'england-and-wales',
          events: [
            { title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true },
            { title: 'Good Friday', date: '2028-04-14', notes: '', bunting: false },
          ],
        },
        scotland: { division: 'scotland', events: [] },
      }),
    );
    const json = JSON.parse(g2g('deadlines', '--received', '2027-11-15', '--framework', 'sif', '--json', '--bank-holidays', file).stdout) as ComputedDeadline[];
    expect(json.map((deadline) => [deadline.key, deadline.date, deadline.provisional])).toEqual([
      ['report-publication', '2027-12-29', false],
      ['action-plan', '2028-02-24', false],
    ]);
  });

  it.each([
    [['--received', '2023-02-29', '--framework', 'sif'], '--received: The date “2023-02-29” does not exist.'],
    [['--received', '2023-02-28', '--framework', 'ofsted'], '--framework: “ofsted” is not a framework g2g deadlines knows; give sif, ilacs, focused-visit.'],
    [['--framework', 'sif'], '--received is missing'],
    [['--received', '2023-02-28'], '--framework is missing'],
    [['--received', '2023-02-28', '--framework', 'sif', '--judgement', 'poor'], '--judgement: “poor” is not a judgement'],
    [['--received', '2023-02-28', '--framework', 'sif', '--colour'], '“g2g deadlines” has no option “--colour”.'],
  ])('refuses %j with exit code 2 and a message naming what is wrong', (args, message) => {
    const answer = g2g('deadlines', ...args);
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain(message);
    expect(answer.stdout).toBe('');
  });

  it('refuses a bank-holidays file that is missing, not JSON, or in the wrong format, with exit code 1', () => {
    const missing = g2g('deadlines', '--received', '2024-03-21', '--framework', 'sif', '--bank-holidays', '/no/such/bank-holidays.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('The bank-holidays file “/no/such/bank-holidays.json” could not be read: there is no such file.');

    const notJson = g2g('deadlines', '--received', '2024-03-21', '--framework', 'sif', '--bank-holidays', writeFile('holidays.json', '<html>Bank holidays</html>'));
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toContain('This is not a bank-holidays file in the GOV.UK format: it is not JSON');

    const wrongDate = writeFile(
      'holidays.json',
      JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Bank holiday', date: '2025-02-30', notes: '', bunting: true }] } }),
    );
    const wrong = g2g('working-days', 'add', '2024-03-28', '1', '--bank-holidays', wrongDate);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      'This is not a bank-holidays file in the GOV.UK format: the event at england-and-wales.events.0 has the date “2025-02-30”, which does not exist.',
    );
    expect(wrong.stdout).toBe('');

    const noDivision = g2g('working-days', 'add', '2024-03-28', '1', '--bank-holidays', writeFile('holidays.json', '{"scotland": {}}'));
    expect(noDivision.status).toBe(1);
    expect(noDivision.stderr).toContain('it has no “england-and-wales” division');
  });

  it('says its options and exit codes in its help', () => {
    const help = g2g('deadlines', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--received YYYY-MM-DD');
    expect(help.stdout).toContain('--bank-holidays FILE');
    expect(help.stdout).toContain('Exit codes:');
    expect(g2g('--help').stdout).toContain('working-days between');
  });
});

describe('g2g working-days', () => {
  it('adds working days across Good Friday and Easter Monday 2024', () => {
    const answer = g2g('working-days', 'add', '2024-03-28', '1');
    expect(answer.status).toBe(0);
    expect(answer.stdout.trim()).toBe('2 April 2024 is 1 working day after 28 March 2024.');
  });

  it('counts back across Christmas 2022 and its substitute days, with a negative number', () => {
    const answer = g2g('working-days', 'add', '2022-12-28', '-1', '--json');
    expect(answer.status).toBe(0);
    expect(JSON.parse(answer.stdout)).toEqual({ start: '2022-12-28', days: -1, date: '2022-12-23', provisional: false });
  });

  it('counts the working days between two dates across Christmas and New Year 2021-22', () => {
    const answer = g2g('working-days', 'between', '2021-12-24', '2022-01-04');
    expect(answer.status).toBe(0);
    expect(answer.stdout).toContain('4 working days from 24 December 2021 to 4 January 2022');
    expect(JSON.parse(g2g('working-days', 'between', '2021-12-24', '2022-01-04', '--json').stdout)).toEqual({
      from: '2021-12-24',
      to: '2022-01-04',
      days: 4,
      provisional: false,
    });
  });

  it('marks a count past 2027 provisional', () => {
    const answer = g2g('working-days', 'add', '2027-12-20', '10');
    expect(answer.status).toBe(0);
    expect(answer.stdout).toContain('5 January 2028 is 10 working days after 20 December 2027.');
    expect(answer.stdout).toContain('Provisional:');
    expect(JSON.parse(g2g('working-days', 'between', '2027-12-20', '2028-01-05', '--json').stdout)).toMatchObject({ days: 10, provisional: true });
  });

  it.each([
    [['add', '2023-02-29', '5'], 'The date “2023-02-29” does not exist.'],
    [['add', '2023-02-28', 'five'], '“five” is not a whole number of working days.'],
    [['add', '2023-02-28'], '“g2g working-days add” takes a date and a number of working days'],
    [['between', '2023-02-28', '2023-02-31'], 'The date “2023-02-31” does not exist.'],
    [['between', '28/02/2023', '2023-03-31'], '“28/02/2023” is not a date written as YYYY-MM-DD'],
  ])('refuses %j with exit code 2', (args, message) => {
    const answer = g2g('working-days', ...args);
    expect(answer.status).toBe(2);
    expect(answer.stderr).toContain(message);
  });
});
