import type { figuresImportMethods } from '../../shared/contract-figures-import';
import { malformedFileCases, TOO_BIG } from './malformed-spreadsheet-file';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
const CSV = Buffer.from('KPI,Period,Value\nK01,Apr-24,85\n').toString('base64');
const FILE = { planId: ID, fileName: 'figures.csv', contentBase64: CSV };
const LONG = { headerRow: 1, layout: 'long', kpiColumn: 0, periodColumn: 1, valueColumn: 2, provisionalColumn: null, noteColumn: null, periodColumns: [] };

/** Malformed inputs for these methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_FIGURES_IMPORT: Record<keyof typeof figuresImportMethods, [unknown, string][]> = {
  'figures.inspect': [
    ...malformedFileCases(FILE),
    [{ ...FILE, columns: [] }, ''],
  ],
  'figures.preview': [
    [{ ...FILE, sheet: 'figures.csv' }, 'mapping'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, layout: 'diagonal' } }, 'mapping.layout'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, kpiColumn: -1 } }, 'mapping.kpiColumn'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, valueColumn: 2.5 } }, 'mapping.valueColumn'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, periodColumn: null } }, 'mapping.periodColumn'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, valueColumn: 1 } }, 'mapping.valueColumn'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, layout: 'wide', periodColumns: [] } }, 'mapping.periodColumns'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, layout: 'wide', periodColumns: [0, 1] } }, 'mapping.periodColumns'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, headerRow: 100_001 } }, 'mapping.headerRow'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, extra: true } }, 'mapping'],
  ],
  'figures.import': [
    [{ ...FILE, sheet: 'figures.csv', mapping: LONG }, 'leaveOutUnmatched'],
    [{ ...FILE, sheet: 'figures.csv', mapping: LONG, leaveOutUnmatched: 'yes' }, 'leaveOutUnmatched'],
    [{ ...FILE, sheet: 'figures.csv', mapping: { ...LONG, kpiColumn: 20_000 }, leaveOutUnmatched: false }, 'mapping.kpiColumn'],
    [{ ...FILE, contentBase64: TOO_BIG, sheet: 'figures.csv', mapping: LONG, leaveOutUnmatched: false }, 'contentBase64'],
    [{ ...FILE, planId: undefined, sheet: 'figures.csv', mapping: LONG, leaveOutUnmatched: true }, 'planId'],
  ],
};
