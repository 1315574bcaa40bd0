// Governance around the demo plan: the boards and committees with their meeting calendars,
// the plan's risks, the money and the workforce projection.
import type { Cadence, CommitteeKind } from '../../../shared/vocabulary';
import { DEMO_GOVERNANCE_NAMES, DEMO_PEOPLE, type PersonKey } from './people';
import type { MonthOffset } from './types';

/** The Improvement Board's first meeting, which completes action 1.1 and sets its calendar. */
export const FIRST_IMPROVEMENT_BOARD: MonthOffset = -17.1;

export interface DemoCommittee {
  name: string;
  kind: CommitteeKind;
  chair: string;
  cadence: Cadence;
  /** When it meets: the nth weekday (0 Sunday .. 6 Saturday) of every `everyMonths`th month. */
  schedule: { weekday: number; nth: number; everyMonths: number; monthPhase?: number };
  /** A first meeting the plan's story depends on; the rest of the calendar follows from it. */
  firstMeeting?: MonthOffset;
  /** Councils rarely hold member meetings in August. */
  skipAugust: boolean;
  location: string;
  agendaItem: string;
  /** What was noted at past meetings, used in turn. */
  notes: string[];
  /** What was noted at the first meeting, when the plan's story has one. */
  firstNote?: string;
}

export const DEMO_COMMITTEES: DemoCommittee[] = [
  {
    name: 'Children’s Services Improvement Board',
    kind: 'improvement-board',
    chair: DEMO_GOVERNANCE_NAMES.independentChair,
    cadence: 'every-two-months',
    schedule: { weekday: 4, nth: 2, everyMonths: 2 },
    firstMeeting: FIRST_IMPROVEMENT_BOARD,
    skipAugust: true,
    location: 'Committee Room 2, Northmoor Civic Centre',
    agendaItem: '4',
    firstNote: 'First meeting. Terms of reference, forward plan, reporting format and the escalation rule agreed.',
    notes: [
      'Progress report and scorecard received. The board challenged the owners of red actions and agreed which to escalate.',
      'Scorecard and workforce update received. The board asked for the next report to show the difference for children, not only activity.',
      'Theme deep dive presented by the theme lead, with practitioners describing the changes in their teams.',
      'Progress report received. Actions red for two reports in a row were escalated to the Chief Executive under the board’s rule.',
    ],
  },
  {
    name: 'Operational Improvement Group',
    kind: 'operational-group',
    chair: `${DEMO_PEOPLE.dcs.name}, ${DEMO_PEOPLE.dcs.jobTitle}`,
    cadence: 'monthly',
    schedule: { weekday: 2, nth: 1, everyMonths: 1 },
    skipAugust: false,
    location: 'Meeting Room 4.1, Northmoor Civic Centre',
    agendaItem: '2',
    notes: [
      'Action tracker reviewed theme by theme; owners of red actions presented recovery plans.',
      'Monthly audit report and scorecard discussed; exceptions allocated to heads of service.',
      'Draft Improvement Board report agreed, subject to updated figures from the performance team.',
      'Workforce and caseload report received; agreed to prioritise the reallocation of the highest caseloads.',
    ],
  },
  {
    name: 'Cabinet',
    kind: 'cabinet',
    chair: DEMO_GOVERNANCE_NAMES.leader,
    cadence: 'quarterly',
    schedule: { weekday: 3, nth: 3, everyMonths: 3 },
    skipAugust: true,
    location: 'Council Chamber, Northmoor Town Hall',
    agendaItem: '7',
    notes: [
      'Quarterly progress report on the children’s services improvement plan noted, with the spend against the improvement reserve.',
      'Quarterly progress report noted. Cabinet asked for the workforce projection to be included in the next report.',
    ],
  },
  {
    name: 'Children and Young People Scrutiny Committee',
    kind: 'scrutiny',
    chair: DEMO_GOVERNANCE_NAMES.scrutinyChair,
    cadence: 'quarterly',
    schedule: { weekday: 1, nth: 4, everyMonths: 3, monthPhase: 2 },
    skipAugust: true,
    location: 'Council Chamber, Northmoor Town Hall',
    agendaItem: '5',
    notes: [
      'Improvement plan progress report scrutinised. Members questioned the reliance on agency social workers and the pace of improvement for care leavers.',
      'Members asked for a focused session on care leavers’ accommodation, with young people from the care leavers’ forum invited.',
      'Progress report scrutinised; members welcomed the improvement in front door timeliness and asked about the delay to the case management system.',
    ],
  },
  {
    name: 'Corporate Parenting Board',
    kind: 'corporate-parenting',
    chair: DEMO_GOVERNANCE_NAMES.leadMember,
    cadence: 'every-two-months',
    schedule: { weekday: 4, nth: 4, everyMonths: 2, monthPhase: 1 },
    skipAugust: true,
    location: 'The Hub, Northmoor Youth Centre',
    agendaItem: '3',
    notes: [
      'Children in Care Council update presented by young people. The board agreed actions on pocket money and savings.',
      'Virtual school report on personal education plans received.',
      'Care leavers’ offer reviewed with the care leavers’ forum; housing protocol progress noted.',
    ],
  },
];

export interface DemoRisk {
  reference: string;
  title: string;
  description: string;
  owner: PersonKey;
  likelihood: number;
  impact: number;
  mitigation: string;
}

export const DEMO_RISKS: DemoRisk[] = [
  {
    reference: 'R1',
    title: 'Recruitment and retention of permanent social workers',
    description: 'The council cannot recruit and keep enough permanent social workers, so caseloads rise, agency use stays high and practice improvements are not sustained.',
    owner: 'hosWorkforce',
    likelihood: 4,
    impact: 5,
    mitigation: 'Market supplement, Social Work Academy, international recruitment and the agency conversion offer (actions 3.1 to 3.5); monthly workforce report to the operational group.',
  },
  {
    reference: 'R2',
    title: 'Rising demand at the front door',
    description: 'Contacts and referrals continue to rise faster than capacity, putting the 24-hour decision standard and assessment timeliness at risk.',
    owner: 'hosFrontDoor',
    likelihood: 3,
    impact: 4,
    mitigation: 'Continuum of need and partner training (action 1.7); early help offer reviewed with partners; weekly demand report.',
  },
  {
    reference: 'R3',
    title: 'Placement costs exceed the budget',
    description: 'A shortage of local homes means more children are placed in high-cost external placements, putting pressure on the council’s budget.',
    owner: 'adCommissioning',
    likelihood: 4,
    impact: 4,
    mitigation: 'Sufficiency strategy with two council-run homes and fostering growth (action 1.8); weekly placement panel scrutinises every external placement.',
  },
  {
    reference: 'R4',
    title: 'Further delay to the case management system reconfiguration',
    description: 'Delays in the supplier’s work hold back chronologies, oversight reporting and dashboard accuracy (actions 2.7 and 4.10).',
    owner: 'performanceLead',
    likelihood: 4,
    impact: 4,
    mitigation: 'Fortnightly updates to the Improvement Board; escalation to the supplier’s account director; manual interim reports maintained.',
  },
  {
    reference: 'R5',
    title: 'Partners cannot sustain their commitments to the MASH and strategy discussions',
    description: 'Police, health or education withdraw staff from the MASH or cannot join strategy discussions, reducing the quality of decisions.',
    owner: 'dcs',
    likelihood: 2,
    impact: 4,
    mitigation: 'Commitments written into the safeguarding partnership’s arrangements; attendance reported to the partnership executive.',
  },
  {
    reference: 'R6',
    title: 'Loss of key leaders during the improvement journey',
    description: 'The departure of the DCS, Assistant Director or heads of service would disrupt the pace and direction of improvement.',
    owner: 'chiefExecutive',
    likelihood: 2,
    impact: 5,
    mitigation: 'Succession planning; leadership development for service managers; senior roles included in the market supplement review.',
  },
  {
    reference: 'R7',
    title: 'Paediatric capacity for initial health assessments',
    description: 'The health service does not have enough paediatric appointments to complete initial health assessments within 20 working days.',
    owner: 'adSocialCare',
    likelihood: 3,
    impact: 3,
    mitigation: 'Joint action plan with the ICB (action 2.17); additional clinics funded; escalated to the Improvement Board.',
  },
];

export interface DemoBudgetLine {
  name: string;
  kind: 'recurrent' | 'one-off';
  description: string;
  /** Whole pounds allocated in each financial year of the plan, from the first. */
  allocations: number[];
  /** Spend as a share of the allocation, so some lines underspend and some overspend. */
  spendRatio: number;
}

export const DEMO_BUDGET_LINES: DemoBudgetLine[] = [
  {
    name: 'Additional social work posts',
    kind: 'recurrent',
    description: 'Establishment growth of 22 social work posts to bring average caseloads to 18 (part year in the first year).',
    allocations: [1_650_000, 2_400_000, 2_450_000, 2_500_000],
    spendRatio: 0.93,
  },
  {
    name: 'Market supplement for hard-to-fill social work posts',
    kind: 'recurrent',
    description: '£3,000 a year for social workers in the front door and safeguarding teams.',
    allocations: [420_000, 640_000, 650_000, 660_000],
    spendRatio: 1,
  },
  {
    name: 'Social Work Academy',
    kind: 'recurrent',
    description: 'Academy manager, practice educators and protected caseloads for newly qualified social workers.',
    allocations: [260_000, 420_000, 430_000, 440_000],
    spendRatio: 0.98,
  },
  {
    name: 'Improvement programme team and independent chair',
    kind: 'one-off',
    description: 'Improvement programme manager, project support, the independent chair of the Improvement Board, and participation work.',
    allocations: [310_000, 380_000, 240_000],
    spendRatio: 1.02,
  },
  {
    name: 'Agency premium while permanent recruitment completes',
    kind: 'one-off',
    description: 'The extra cost of agency social workers above the cost of permanent staff, reducing as conversions and recruitment take effect.',
    allocations: [1_200_000, 800_000, 300_000],
    spendRatio: 1.16,
  },
  {
    name: 'Case management system reconfiguration',
    kind: 'one-off',
    description: 'Supplier configuration, data migration, testing and training.',
    allocations: [450_000, 150_000],
    spendRatio: 1.1,
  },
  {
    name: 'Audit moderation and external peer review',
    kind: 'one-off',
    description: 'Moderation of audits by the partner in practice council, and an external peer review of quality assurance.',
    allocations: [60_000, 60_000, 40_000],
    spendRatio: 0.9,
  },
];

export const DEMO_WORKFORCE_PROJECTION = {
  name: 'Social work workforce: three-year projection',
  years: 3,
  totalPosts: 186,
  currentVacancies: 30,
  annualTurnoverRate: 18.6,
  recruits: {
    'Newly qualified social workers (ASYE)': [22, 22, 24],
    'Agency workers converted to permanent': [6, 4, 3],
    'Experienced social workers': [10, 12, 12],
  },
} as const;
