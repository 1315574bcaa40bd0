import type { moneyMethods } from '../../shared/contract-money';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';

const projection = {
  planId: ID,
  name: 'Social work workforce',
  startYear: '2026-27',
  years: 2,
  totalPosts: 186,
  currentVacancies: 30,
  annualTurnoverRate: 18.6,
  recruits: [{ channel: 'Newly qualified social workers (ASYE)', counts: [22, 24] }],
};

const entry = { financialYear: '2026-27', allocatedPence: 165_000_000, spentPence: 0 };

/** Malformed inputs for these methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_MONEY: Record<keyof typeof moneyMethods, [unknown, string][]> = {
  'workforce.list': [[{ planId: 'plan' }, 'planId'], [{ planId: ID, years: 3 }, '']],
  'workforce.create': [
    [{ ...projection, name: '  ' }, 'name'],
    [{ ...projection, startYear: '2026-28' }, 'startYear'],
    [{ ...projection, startYear: '2026/27' }, 'startYear'],
    [{ ...projection, years: 0 }, 'years'],
    [{ ...projection, years: 11 }, 'years'],
    [{ ...projection, totalPosts: -1 }, 'totalPosts'],
    [{ ...projection, totalPosts: 186.5 }, 'totalPosts'],
    [{ ...projection, currentVacancies: 187 }, 'currentVacancies'],
    [{ ...projection, currentVacancies: -2 }, 'currentVacancies'],
    [{ ...projection, annualTurnoverRate: 101 }, 'annualTurnoverRate'],
    [{ ...projection, annualTurnoverRate: -0.5 }, 'annualTurnoverRate'],
    [{ ...projection, annualTurnoverRate: 'high' }, 'annualTurnoverRate'],
    [{ ...projection, recruits: [{ channel: 'Experienced', counts: [22] }] }, 'recruits.0.counts'],
    [{ ...projection, recruits: [{ channel: 'Experienced', counts: [22, -1] }] }, 'recruits.0.counts.1'],
    [{ ...projection, recruits: [{ channel: 'Experienced', counts: [22, 2.25] }] }, 'recruits.0.counts.1'],
    [{ ...projection, recruits: [{ channel: '', counts: [1, 2] }] }, 'recruits.0.channel'],
    [{ ...projection, recruits: [{ channel: '2026', counts: [1, 2] }] }, 'recruits.0.channel'],
    [
      {
        ...projection,
        recruits: [
          { channel: 'Experienced', counts: [1, 2] },
          { channel: 'experienced', counts: [1, 2] },
        ],
      },
      'recruits.1.channel',
    ],
    [{ ...projection, recruits: { Experienced: [1, 2] } }, 'recruits'],
  ],
  'workforce.update': [
    [{ projectionId: 'x', name: 'Renamed' }, 'projectionId'],
    [{ projectionId: ID, currentVacancies: 40, totalPosts: 30, years: 1, recruits: [] }, 'currentVacancies'],
    [{ projectionId: ID, annualTurnoverRate: 100.5 }, 'annualTurnoverRate'],
    [{ projectionId: ID, startYear: '2026' }, 'startYear'],
    [{ projectionId: ID, planId: ID }, ''],
  ],
  'workforce.delete': [[{ projectionId: 12 }, 'projectionId'], [{}, 'projectionId']],
  'budget.list': [[{ planId: '' }, 'planId']],
  'budget.createLine': [
    [{ planId: ID, name: '', kind: 'recurrent' }, 'name'],
    [{ planId: ID, name: 'Academy', kind: 'annual' }, 'kind'],
    [{ planId: ID, name: 'Academy', kind: 'recurrent', description: 'x'.repeat(2001) }, 'description'],
    [{ planId: ID, name: 'Academy', kind: 'recurrent', entries: [{ ...entry, financialYear: '2026-28' }] }, 'entries.0.financialYear'],
    [{ planId: ID, name: 'Academy', kind: 'recurrent', entries: [{ ...entry, allocatedPence: -100 }] }, 'entries.0.allocatedPence'],
  ],
  'budget.updateLine': [
    [{ budgetLineId: ID, kind: 'one off' }, 'kind'],
    [{ budgetLineId: ID, name: '   ' }, 'name'],
    [{ name: 'Academy' }, 'budgetLineId'],
  ],
  'budget.deleteLine': [[{ budgetLineId: 'Academy' }, 'budgetLineId']],
  'budget.setEntries': [
    [{ budgetLineId: ID }, 'entries'],
    [{ budgetLineId: ID, entries: [entry, { ...entry, allocatedPence: 1 }] }, 'entries.1.financialYear'],
    [{ budgetLineId: ID, entries: [entry, { ...entry, financialYear: '2027-28', spentPence: 12.5 }] }, 'entries.1.spentPence'],
    [{ budgetLineId: ID, entries: [{ ...entry, allocatedPence: '£1,650,000' }] }, 'entries.0.allocatedPence'],
    [{ budgetLineId: ID, entries: [{ ...entry, spentPence: 100_000_000_001 }] }, 'entries.0.spentPence'],
    [{ budgetLineId: ID, entries: [{ ...entry, financialYear: '2026' }] }, 'entries.0.financialYear'],
  ],
};
