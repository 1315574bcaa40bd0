// The children's social care indicators DfE defines and publishes (DOMAIN.md section 4), and the
// local measures most boards add, ready to add to a plan in one click. Each published indicator
// says where its figure is found in DfE's Explore Education Statistics files, so an import can
// suggest the measure column and the filters.
import type { Frequency, KpiUnit, Polarity } from './vocabulary';

/** How a published file's `time_period` reads: 2025 is the year to 31 March 2025 or the census year to 30 September 2025. */
export type PublishedYear = 'year-to-march' | 'census-year';

export interface CatalogueEntry {
  key: string;
  name: string;
  definition: string;
  unit: KpiUnit;
  polarity: Polarity;
  frequency: Frequency;
  source: string;
  /** Where DfE publishes the figure, for indicators it publishes. */
  published: {
    /** The start of the file's name, as DfE names it. */
    file: string;
    measure: string;
    /** Columns whose value picks the rows, such as { care_leaver_age: '19 to 21 years' }. */
    filters: Record<string, string>;
    year: PublishedYear;
  } | null;
}

const CIN = 'DfE children in need census (year to 31 March); locally, the case management system.';
const CLA = 'DfE children looked after return, SSDA903 (year to 31 March); locally, the case management system.';
const WORKFORCE = 'DfE children’s social work workforce census (year to 30 September); locally, the HR establishment report.';
const LOCAL = 'Case management system: monthly performance report.';

export const KPI_CATALOGUE: readonly CatalogueEntry[] = [
  {
    key: 'dfe-rereferrals-12-months',
    name: 'Re-referrals within 12 months of a previous referral',
    definition: 'Referrals in the year that were received within 12 months of a previous referral for the same child, as a percentage of all referrals in the year.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: CIN,
    published: { file: 'c1_children_in_need_referrals', measure: 'rereferral_percent', filters: {}, year: 'year-to-march' },
  },
  {
    key: 'dfe-assessments-45-days',
    name: 'Child and family assessments completed within 45 working days',
    definition: 'Child and family assessments completed in the period that were completed within 45 working days of the referral, as a percentage of all assessments completed.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: CIN,
    published: null,
  },
  {
    key: 'dfe-cpp-subsequent',
    name: 'Child protection plans that are a second or subsequent plan',
    definition: 'Child protection plans starting in the year that were a second or subsequent plan for the child (at any time), as a percentage of all plans starting in the year.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: CIN,
    published: { file: 'd3_cpps_subsequent_plan', measure: 'CPP_subsequent_percent', filters: {}, year: 'year-to-march' },
  },
  {
    key: 'dfe-cla-3-placements',
    name: 'Children looked after with 3 or more placements in the year',
    definition: 'Children looked after on 31 March who had 3 or more placements during the year, as a percentage of all children looked after on 31 March.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: CLA,
    published: {
      file: 'la_cla_placement_stability',
      measure: 'children_percent',
      filters: { cla_group: 'CLA on 31 March', placement_stability: 'With 3 or more placements during the year' },
      year: 'year-to-march',
    },
  },
  {
    key: 'dfe-cla-long-term-stability',
    name: 'Long-term placement stability',
    definition:
      'Children under 16 looked after continuously for at least 2.5 years on 31 March who had lived in the same placement for at least 2 years, or were placed for adoption, as a percentage of all such children.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: CLA,
    published: {
      file: 'la_cla_placement_stability',
      measure: 'children_percent',
      filters: {
        cla_group: 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years',
        placement_stability: 'Living with the same carer for at least 2 years',
      },
      year: 'year-to-march',
    },
  },
  {
    key: 'dfe-care-leavers-in-touch',
    name: 'Care leavers aged 19 to 21 in touch with the council',
    definition: 'Care leavers aged 19 to 21 with whom the council was in touch around their birthday, as a percentage of all care leavers of that age.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    source: CLA,
    published: null,
  },
  {
    key: 'dfe-care-leavers-suitable-accommodation',
    name: 'Care leavers aged 19 to 21 in suitable accommodation',
    definition: 'Care leavers aged 19 to 21 whose accommodation was considered suitable, as a percentage of all care leavers of that age.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    source: CLA,
    published: {
      file: 'la_care_leavers_accommodation_suitability',
      measure: 'care_leaver_percent',
      filters: { care_leaver_age: '19 to 21 years', breakdown: 'Accommodation considered suitable' },
      year: 'year-to-march',
    },
  },
  {
    key: 'dfe-care-leavers-eet',
    name: 'Care leavers aged 19 to 21 in education, employment or training',
    definition: 'Care leavers aged 19 to 21 in education, employment or training, as a percentage of all care leavers of that age.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    source: CLA,
    published: null,
  },
  {
    key: 'dfe-sw-turnover',
    name: 'Social worker turnover rate',
    definition: 'Full-time equivalent children and family social workers who left in the year to 30 September, as a percentage of those in post.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: WORKFORCE,
    published: { file: 'csww_indicators', measure: 'turnover_rate_fte', filters: {}, year: 'census-year' },
  },
  {
    key: 'dfe-sw-agency',
    name: 'Agency social worker rate',
    definition: 'Agency children and family social workers (full-time equivalent) on 30 September, as a percentage of agency and permanent social workers.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: WORKFORCE,
    published: { file: 'csww_indicators', measure: 'agency_rate_fte', filters: {}, year: 'census-year' },
  },
  {
    key: 'dfe-sw-vacancy',
    name: 'Social worker vacancy rate',
    definition: 'Vacant children and family social worker posts (full-time equivalent) on 30 September, as a percentage of all posts.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: WORKFORCE,
    published: { file: 'csww_indicators', measure: 'vacancy_rate_fte', filters: {}, year: 'census-year' },
  },
  {
    key: 'dfe-sw-caseload',
    name: 'Average social worker caseload',
    definition: 'Cases held by children and family social workers on 30 September, divided by the full-time equivalent number of case holders.',
    unit: 'ratio',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    source: WORKFORCE,
    published: { file: 'csww_indicators', measure: 'caseload_fte', filters: {}, year: 'census-year' },
  },
  {
    key: 'local-management-oversight',
    name: 'Children with management oversight in the last 8 weeks',
    definition: 'Open children’s cases with a recorded management oversight in the last 8 weeks, as a percentage of all open cases at the end of the month.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
  {
    key: 'local-cin-with-plan',
    name: 'Children in need with a plan',
    definition: 'Children in need (excluding those on a child protection plan or looked after) with an up-to-date child in need plan, as a percentage of all such children.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
  {
    key: 'local-plans-reviewed-6-months',
    name: 'Plans reviewed within 6 months',
    definition: 'Children’s plans that were reviewed within 6 months of the previous review, as a percentage of plans due a review in the month.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
  {
    key: 'local-statutory-visits',
    name: 'Statutory visits up to date',
    definition: 'Children looked after, on a child protection plan or in need whose statutory visits are up to date, as a percentage of all such children at the end of the month.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
  {
    key: 'local-pep',
    name: 'Children looked after with an up-to-date personal education plan',
    definition: 'Children looked after of school age with a personal education plan reviewed in the current term, as a percentage of all such children.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: 'Virtual school: termly PEP report.',
    published: null,
  },
  {
    key: 'local-initial-health-assessments',
    name: 'Initial health assessments within 20 working days',
    definition: 'Children who came into care whose initial health assessment was completed within 20 working days, as a percentage of all children who came into care.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
  {
    key: 'local-return-home-interviews',
    name: 'Return home interviews within 72 hours',
    definition: 'Return home interviews offered within 72 hours of a child returning from a missing episode, as a percentage of all returns.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
  {
    key: 'local-contact-decisions-24-hours',
    name: 'Contact decisions within 24 hours',
    definition: 'Contacts to the front door (MASH) with a decision on next steps within 24 hours, as a percentage of all contacts.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    source: LOCAL,
    published: null,
  },
];

export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return KPI_CATALOGUE.find((entry) => entry.key === key);
}
