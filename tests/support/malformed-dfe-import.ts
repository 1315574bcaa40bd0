import type { dfeImportMethods } from '../../shared/contract-dfe-import';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,rereferral_percent';

/** A small file in the published layout: England, the North East and one council over two years. */
export function publishedFile(councilValue2025 = '20.1'): string {
  return [
    HEADER,
    '2025,Reporting year,National,E92000001,England,,,,,,22.6',
    '2025,Reporting year,Regional,E92000001,England,E12000001,North East,,,,20.7',
    `2025,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,${councilValue2025}`,
    '2024,Reporting year,National,E92000001,England,,,,,,22.4',
    '2024,Reporting year,Regional,E92000001,England,E12000001,North East,,,,21.0',
    '2024,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,c',
    '',
  ].join('\n');
}

const file = { fileName: 'c1_children_in_need_referrals.csv', content: publishedFile() };
const selection = { planId: ID, kpiId: ID, ...file, council: '841', measure: 'rereferral_percent', year: 'year-to-march' };

/** Selections that each fail at one field, checked before the plan is looked at. */
const badSelections: [unknown, string][] = [
  [{ ...selection, planId: 'plan' }, 'planId'],
  [{ ...selection, kpiId: undefined }, 'kpiId'],
  [{ ...selection, council: '  ' }, 'council'],
  [{ ...selection, measure: '' }, 'measure'],
  [{ ...selection, year: 'calendar-year' }, 'year'],
  [{ ...selection, filters: { category: 5 } }, 'filters.category'],
  [{ ...selection, content: 'x'.repeat(25_000_001) }, 'content'],
  [{ ...selection, unexpected: true }, ''],
  // Refused by reading the file.
  [{ ...selection, content: '' }, 'content'],
  [{ ...selection, content: 'council,value\nDarlington,20.1\n' }, 'content'],
  [{ ...selection, content: publishedFile('n/a') }, 'measure'],
  [{ ...selection, council: 'Northmoor' }, 'council'],
  [{ ...selection, measure: 'la_name' }, 'measure'],
  [{ ...selection, filters: { category: 'Referrals' } }, 'filters.category'],
  [{ ...selection, year: undefined }, 'year'],
];

/** Malformed inputs for these methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_DFE_IMPORT: Record<keyof typeof dfeImportMethods, [unknown, string][]> = {
  'dfe.inspect': [
    [{ fileName: '', content: publishedFile() }, 'fileName'],
    [{ fileName: 'c1.csv' }, 'content'],
    [{ fileName: 'c1.csv', content: 'x'.repeat(25_000_001) }, 'content'],
    [{ fileName: 'c1.csv', content: '' }, 'content'],
    [{ fileName: 'c1.xlsx', content: 'PK\u0003\u0004\u0014\u0000' }, 'content'],
    [{ fileName: 'c1.csv', content: 'la_name,value\nDarlington,20.1\n' }, 'content'],
    [{ ...file, planId: ID }, ''],
  ],
  'dfe.preview': badSelections,
  'dfe.import': badSelections,
};
