// The monitoring visits since the inspection. Inadequate councils are visited roughly every
// quarter from shortly after the action plan is due; the first letter is not published.
import type { MonthOffset } from './types';

export interface DemoFinding {
  kind: 'strength' | 'area-to-improve';
  text: string;
  /** References of the actions that answer the finding. */
  actions?: string[];
}

export interface DemoReview {
  title: string;
  focus: string;
  visitStart: MonthOffset;
  /** Working days on site. */
  daysOnSite: number;
  /** Calendar days from the end of the visit to the letter. */
  letterAfterDays: number;
  letterPublished: boolean;
  summary: string;
  findings: DemoFinding[];
}

export const DEMO_REVIEWS: DemoReview[] = [
  {
    title: 'First monitoring visit',
    focus: 'The front door: contacts, referrals, strategy discussions and the quality and timeliness of assessments.',
    visitStart: -13,
    daysOnSite: 2,
    letterAfterDays: 27,
    letterPublished: false,
    summary:
      'Inspectors found that senior leaders have taken decisive action at the front door since the inspection. The new multi-agency safeguarding hub is making quicker, better-informed decisions on contacts, and the backlog of assessments has been cleared. The quality of strategy discussions and of assessments remains too variable, and it is too soon to see the impact of the new assessment template.',
    findings: [
      {
        kind: 'strength',
        text: 'Contacts now receive a timely decision by a qualified manager, informed by information from partners in the multi-agency safeguarding hub.',
      },
      {
        kind: 'strength',
        text: 'Leaders cleared the backlog of overdue assessments quickly, and made sure that every child in it was seen and their risk assessed by a manager.',
      },
      {
        kind: 'strength',
        text: 'Leaders have an accurate understanding of the strengths and weaknesses at the front door, supported by a much-improved performance scorecard.',
      },
      {
        kind: 'area-to-improve',
        text: 'Strategy discussions do not consistently include health and education, and the rationale for their outcome is not always recorded.',
        actions: ['2.3'],
      },
      {
        kind: 'area-to-improve',
        text: 'Assessments do not yet consistently take account of children’s histories, and chronologies are often missing or out of date.',
        actions: ['2.5', '2.7'],
      },
      {
        kind: 'area-to-improve',
        text: 'Management oversight is recorded more often but does not always give clear direction or timescales for the next steps.',
        actions: ['3.7', '4.7'],
      },
    ],
  },
  {
    title: 'Second monitoring visit',
    focus: 'Children in need of help and protection, including children living with neglect and the use of the pre-proceedings stage of the Public Law Outline.',
    visitStart: -9,
    daysOnSite: 2,
    letterAfterDays: 25,
    letterPublished: true,
    summary:
      'Inspectors found steady progress. The legal gateway panel and tracker have ended drift in pre-proceedings for most children, and caseloads are falling. Child protection and child in need plans are still too often unspecific, and too many children return to a child protection plan after a previous plan ended before change was sustained.',
    findings: [
      {
        kind: 'strength',
        text: 'Children in pre-proceedings are now tracked closely through the legal gateway panel, and decisions to issue proceedings are made without delay.',
      },
      {
        kind: 'strength',
        text: 'Social workers told inspectors that caseloads are more manageable and that managers and senior leaders are visible and supportive.',
      },
      {
        kind: 'area-to-improve',
        text: 'Child protection and child in need plans are not specific enough about what needs to change for the child and by when.',
        actions: ['2.8'],
      },
      {
        kind: 'area-to-improve',
        text: 'Too many children are the subject of a second or subsequent child protection plan; previous plans ended before change had been sustained.',
        actions: ['4.8', '2.8'],
      },
      {
        kind: 'area-to-improve',
        text: 'Tools to assess neglect are not used consistently before children enter pre-proceedings.',
        actions: ['2.10'],
      },
    ],
  },
  {
    title: 'Third monitoring visit',
    focus: 'Children in care: permanence planning, stability of homes, and the oversight of independent reviewing officers.',
    visitStart: -5,
    daysOnSite: 2,
    letterAfterDays: 26,
    letterPublished: true,
    summary:
      'Inspectors found that the monthly permanence panel is giving more children timely permanence plans, and that children who have come home from out-of-borough homes are doing well. Permanence for children living with family and friends carers is still too slow, initial health assessments are too often late, and high IRO caseloads limit the challenge reviewing officers can give.',
    findings: [
      {
        kind: 'strength',
        text: 'Most children in care now have a permanence plan agreed by their second review, and the permanence panel tracks those who do not.',
      },
      {
        kind: 'strength',
        text: 'The new council-run children’s home has enabled children to return to live close to their families and schools.',
      },
      {
        kind: 'strength',
        text: 'Personal education plans are better quality and are reviewed each term, with clear targets set by designated teachers.',
      },
      {
        kind: 'area-to-improve',
        text: 'Permanence planning for children living with family and friends carers is too slow, and connected-person assessments often take longer than 16 weeks.',
        actions: ['2.13', '2.14'],
      },
      {
        kind: 'area-to-improve',
        text: 'Too many children do not have their initial health assessment within 20 working days of coming into care.',
        actions: ['2.17'],
      },
      {
        kind: 'area-to-improve',
        text: 'Independent reviewing officers’ caseloads are too high for them to challenge drift consistently between reviews.',
        actions: ['2.16'],
      },
    ],
  },
];
