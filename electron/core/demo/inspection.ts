// The inspection that started the demo plan, and the plan's frame: its stages, the
// recommendations ("what needs to improve") and the themes the actions are grouped under.
import { addDays, addMonths, getDay, parseISO, startOfMonth, subDays } from 'date-fns';
import type { Judgement } from '../../../shared/vocabulary';
import { iso, type DemoCalendar } from './calendar';
import type { PersonKey } from './people';

export interface DemoTimeline {
  inspectionStart: string;
  inspectionEnd: string;
  reportReceived: string;
  reportPublished: string;
  planStart: string;
  planEnd: string;
  stages: { name: string; description: string; startDate: string; endDate: string }[];
}

/**
 * The inspection falls about twenty months before today, so the plan is well into its second
 * stage, with a history of updates and monitoring visits behind it and work still ahead.
 */
export function demoTimeline(calendar: DemoCalendar): DemoTimeline {
  const roughStart = parseISO(calendar.at(-20));
  // Standard ILACS inspections run on site from a Monday to the Friday of the following week.
  const inspectionStart = subDays(roughStart, (getDay(roughStart) + 6) % 7);
  const inspectionEnd = addDays(inspectionStart, 11);
  const reportReceived = calendar.shift(iso(inspectionEnd), 33);
  const reportPublished = calendar.shift(reportReceived, 24);
  const planStartDate = startOfMonth(addMonths(parseISO(reportReceived), 1));
  const stageEnd = (months: number) => iso(subDays(addMonths(planStartDate, months), 1));
  const planStart = iso(planStartDate);
  const planEnd = stageEnd(36);
  return {
    inspectionStart: iso(inspectionStart),
    inspectionEnd: iso(inspectionEnd),
    reportReceived,
    reportPublished,
    planStart,
    planEnd,
    stages: [
      {
        name: 'Stabilise',
        description:
          'Make children safe now: grip of the front door, permanent leadership, manageable caseloads and management oversight that is recorded and acted on.',
        startDate: planStart,
        endDate: stageEnd(9),
      },
      {
        name: 'Embed',
        description:
          'Make good practice consistent: one model of practice used by every team, plans that are specific and reviewed, and a quality assurance framework that leads to learning.',
        startDate: iso(addMonths(planStartDate, 9)),
        endDate: stageEnd(21),
      },
      {
        name: 'Continuous improvement to good',
        description:
          'Sustain and build on the gains: a stable permanent workforce, outcomes for children that compare well with statistical neighbours, and a service ready to be judged good.',
        startDate: iso(addMonths(planStartDate, 21)),
        endDate: planEnd,
      },
    ],
  };
}

export const DEMO_INSPECTION = {
  framework: 'ilacs',
  overallJudgement: 'inadequate',
  notes:
    'Standard ILACS inspection, two weeks on site. Inspectors found that leaders did not have an accurate understanding of the quality of frontline practice, that too many children in need of help and protection experienced delay in having their needs assessed and met, and that the response to care leavers was weak. Children in care were judged to require improvement: most live in stable homes, but permanence planning is too slow.',
  judgements: [
    { area: 'impact-of-leaders', judgement: 'inadequate' },
    { area: 'help-and-protection', judgement: 'inadequate' },
    { area: 'children-in-care', judgement: 'requires-improvement' },
    { area: 'care-leavers', judgement: 'inadequate' },
  ] satisfies { area: string; judgement: Judgement }[],
} as const;

/** Numbered as in the inspection report. Recommendation 12 is the one the plan leaves uncovered. */
export const DEMO_RECOMMENDATIONS: { number: number; text: string; themes: number[] }[] = [
  {
    number: 1,
    text: 'The capacity and grip of senior leaders, so that they have an accurate understanding of the quality of frontline practice and its impact on children, and act on it swiftly.',
    themes: [1, 4],
  },
  {
    number: 2,
    text: 'The effectiveness of the front door, including timely and proportionate responses to contacts and referrals, and a shared understanding of thresholds among partner agencies.',
    themes: [1, 2],
  },
  {
    number: 3,
    text: 'The quality and timeliness of assessments, so that they take account of children’s histories and cumulative harm, and are informed by children’s views and experiences.',
    themes: [2],
  },
  {
    number: 4,
    text: 'The quality of child protection and child in need plans, so that they are specific and measurable and lead to timely improvement in children’s circumstances, and the effectiveness of strategy discussions.',
    themes: [2],
  },
  {
    number: 5,
    text: 'The use of the pre-proceedings stage of the Public Law Outline, so that children living with neglect do not experience drift and delay.',
    themes: [2],
  },
  {
    number: 6,
    text: 'Permanence planning for children in care, including the consideration of permanence by the second review and the timely use of special guardianship and family placements.',
    themes: [2],
  },
  {
    number: 7,
    text: 'The sufficiency of homes for children in care, so that children live with carers who can meet their needs close to their families and communities, and the timeliness of their initial health assessments and personal education plans.',
    themes: [1, 2],
  },
  {
    number: 8,
    text: 'The quality and consistency of management oversight and supervision at all levels, so that it is reflective, challenging and moves children’s plans forward.',
    themes: [2, 3, 4],
  },
  {
    number: 9,
    text: 'The stability and capacity of the social work workforce, including reducing the reliance on agency social workers and making sure that caseloads are manageable.',
    themes: [3],
  },
  {
    number: 10,
    text: 'The quality assurance framework, including case audit, so that it gives an accurate picture of the quality of practice and leads to improvement.',
    themes: [4],
  },
  {
    number: 11,
    text: 'The help and support for care leavers, including access to suitable accommodation, education, employment and training, and up-to-date pathway plans written with them.',
    themes: [1, 2],
  },
  {
    number: 12,
    text: 'The response to children who go missing and those at risk of exploitation, including the timeliness and quality of return home interviews and the use of the information they provide to reduce risk.',
    themes: [2],
  },
];

export const DEMO_THEMES: { reference: string; title: string; description: string; lead: PersonKey }[] = [
  {
    reference: '1',
    title: 'Leadership, management and governance',
    description:
      'Permanent, visible leadership with an accurate view of practice; governance that holds the service to account; political and corporate support, and partners who share responsibility for thresholds and sufficiency.',
    lead: 'dcs',
  },
  {
    reference: '2',
    title: 'A robust model of social work practice',
    description:
      'One model of practice from the front door to leaving care: timely assessments that know the child’s history, specific plans that are reviewed, no drift in pre-proceedings, and permanence secured early.',
    lead: 'adSocialCare',
  },
  {
    reference: '3',
    title: 'A sufficient and skilled workforce',
    description:
      'A stable, permanent workforce with manageable caseloads, a Social Work Academy that grows our own, and managers who give reflective supervision that moves plans on.',
    lead: 'hosWorkforce',
  },
  {
    reference: '4',
    title: 'Quality assurance and audit',
    description:
      'A quality assurance framework that tells leaders the truth about practice: moderated audit, the voices of children and families, reliable data and learning that changes what we do.',
    lead: 'hosQuality',
  },
];

export function demoPlanText(timeline: DemoTimeline): { title: string; summary: string } {
  const firstYear = timeline.planStart.slice(0, 4);
  const lastYear = timeline.planEnd.slice(0, 4);
  return {
    title: `Children’s Services Improvement Plan ${firstYear} to ${lastYear}`,
    summary:
      'Our written statement of action in response to the Ofsted inspection of local authority children’s services, which judged the council’s services for children inadequate. The plan answers each of the inspection’s twelve recommendations through four themes and three stages, and is overseen by the Children’s Services Improvement Board under its independent chair. Progress is reported monthly to the operational improvement group, every two months to the Improvement Board, and quarterly to Cabinet and to the Children and Young People Scrutiny Committee.',
  };
}
