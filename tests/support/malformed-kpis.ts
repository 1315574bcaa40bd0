import type { kpiMethods } from '../../shared/contract-kpis';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
const KPI = { planId: ID, name: 'Re-referrals', unit: 'percentage', polarity: 'lower-is-better', frequency: 'monthly' };

/** Malformed inputs for the KPI methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_KPIS: Record<keyof typeof kpiMethods, [unknown, string][]> = {
  'kpis.catalogue': [[{ planId: 'plan' }, 'planId']],
  'kpis.list': [[{}, 'planId'], [{ planId: ID, theme: 'all' }, '']],
  'kpis.create': [
    [{ ...KPI, name: ' ' }, 'name'],
    [{ ...KPI, unit: 'percent' }, 'unit'],
    [{ ...KPI, polarity: 'up' }, 'polarity'],
    [{ ...KPI, frequency: 'fortnightly' }, 'frequency'],
    [{ ...KPI, targetValue: '85' }, 'targetValue'],
    [{ ...KPI, targetLower: 95, targetUpper: 90 }, 'targetUpper'],
    [{ ...KPI, tolerance: -2 }, 'tolerance'],
    [{ ...KPI, reference: 'x'.repeat(21) }, 'reference'],
    [{ ...KPI, targetValue: Number.POSITIVE_INFINITY }, 'targetValue'],
  ],
  'kpis.addFromCatalogue': [
    [{ planId: ID, keys: [] }, 'keys'],
    [{ planId: ID, keys: 'dfe-sw-turnover' }, 'keys'],
    [{ planId: ID, keys: [''] }, 'keys.0'],
  ],
  'kpis.update': [
    [{ kpiId: ID, name: '' }, 'name'],
    [{ kpiId: ID, unit: 'percent' }, 'unit'],
    [{ kpiId: ID, targetLower: 50, targetUpper: 10 }, 'targetUpper'],
    [{ kpiId: ID, planId: ID }, ''],
  ],
  'kpis.delete': [[{ kpiId: 'K01' }, 'kpiId']],
  'kpis.setLinks': [
    [{ kpiId: ID, themeIds: ['theme 2'], actionIds: [] }, 'themeIds.0'],
    [{ kpiId: ID, themeIds: [] }, 'actionIds'],
  ],
  'kpis.grid': [
    [{ planId: ID, frequency: 'monthly', from: '2024-02-30', to: '2024-12-31' }, 'from'],
    [{ planId: ID, frequency: 'monthly', from: '2024-12-31', to: '2024-01-01' }, 'to'],
    [{ planId: ID, frequency: 'daily', from: '2024-01-01', to: '2024-12-31' }, 'frequency'],
  ],
  'kpis.setValues': [
    [{ planId: ID, cells: [] }, 'cells'],
    [{ planId: ID, cells: [{ kpiId: ID, period: '2024-03', value: '85' }] }, 'cells.0.value'],
    [{ planId: ID, cells: [{ kpiId: ID, period: '2024-03', value: null, suppressionCode: 'zero' }] }, 'cells.0.suppressionCode'],
    [{ planId: ID, cells: [{ kpiId: ID, period: '2024-03', value: 3, suppressionCode: 'c' }] }, 'cells.0.suppressionCode'],
    [{ planId: ID, cells: [{ kpiId: ID, period: '', value: 3 }] }, 'cells.0.period'],
  ],
  'kpis.scorecard': [[{ planId: 3 }, 'planId']],
  'kpis.series': [[{ kpiId: null }, 'kpiId']],
};
