// A workforce projection worked by hand in the tests: the demo plan's, for Northmoor.
import type { WorkforceInputs } from '../../shared/workforce';

/**
 * 186 posts, 30 vacant, 18.6% turnover and three recruitment channels from 2026/27 for three
 * years: vacancies fall from 30.0 (16.1%) to 6.7 (3.6%) by the end of 2028/29.
 */
export const NORTHMOOR_PROJECTION: WorkforceInputs = {
  startYear: '2026-27',
  years: 3,
  totalPosts: 186,
  currentVacancies: 30,
  annualTurnoverRate: 18.6,
  recruits: [
    { channel: 'Newly qualified social workers (ASYE)', counts: [22, 22, 24] },
    { channel: 'Agency workers converted to permanent', counts: [6, 4, 3] },
    { channel: 'Experienced social workers', counts: [10, 12, 12] },
  ],
};
