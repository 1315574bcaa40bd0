// The fictional council and the officers who own and lead the actions of its plan. The codes
// are outside the ranges DfE uses, and the e-mail domain is reserved for examples, so nothing
// in the demo can be mistaken for, or sent to, a real council.

export const DEMO_AUTHORITY = {
  name: 'Northmoor Borough Council',
  oldLaCode: '999',
  newLaCode: 'E08000999',
  region: 'Yorkshire and The Humber',
} as const;

const MAIL_DOMAIN = 'northmoor.example';

export const DEMO_PEOPLE = {
  chiefExecutive: { name: 'Andrew Pickering', jobTitle: 'Chief Executive' },
  dcs: { name: 'Helen Marsh', jobTitle: 'Director of Children’s Services' },
  adSocialCare: { name: 'Rachel Okafor', jobTitle: 'Assistant Director, Children’s Social Care' },
  adCommissioning: { name: 'Mark Whitfield', jobTitle: 'Assistant Director, Commissioning and Sufficiency' },
  hosFrontDoor: { name: 'Joanne Clarke', jobTitle: 'Head of Service, Front Door and Assessment' },
  hosProtection: { name: 'Imran Hussain', jobTitle: 'Head of Service, Child Protection and Children in Need' },
  hosChildrenInCare: { name: 'Sarah Bentley', jobTitle: 'Head of Service, Children in Care and Permanence' },
  hosCareLeavers: { name: 'Daniel Price', jobTitle: 'Head of Service, Care Leavers' },
  hosAdolescents: { name: 'Lisa Thornton', jobTitle: 'Head of Service, Early Help and Adolescents' },
  hosQuality: { name: 'Claire Ashworth', jobTitle: 'Head of Quality Assurance and Safeguarding' },
  iroManager: { name: 'Kevin Doyle', jobTitle: 'Service Manager, Independent Reviewing Officers and Child Protection Chairs' },
  principalSocialWorker: { name: 'Tom Gallagher', jobTitle: 'Principal Social Worker' },
  hosWorkforce: { name: 'Priya Sharma', jobTitle: 'Head of Workforce Development and the Social Work Academy' },
  hrPartner: { name: 'Fiona McKenzie', jobTitle: 'HR Business Partner, Children’s Services' },
  performanceLead: { name: 'Gareth Lloyd', jobTitle: 'Performance and Intelligence Lead' },
  improvementManager: { name: 'Emma Whitaker', jobTitle: 'Improvement Programme Manager' },
} as const satisfies Record<string, { name: string; jobTitle: string }>;

export type PersonKey = keyof typeof DEMO_PEOPLE;

export function demoEmail(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${MAIL_DOMAIN}`;
}

/** People named in the governance of the plan who do not own actions. */
export const DEMO_GOVERNANCE_NAMES = {
  independentChair: 'Jane Forsyth, independent chair',
  leader: 'Councillor David Ashby, Leader of the Council',
  leadMember: 'Councillor Margaret Hale, Cabinet Member for Children and Families',
  scrutinyChair: 'Councillor Peter Lomax',
} as const;
