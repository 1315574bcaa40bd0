import { describe, expect, it } from 'vitest';
import { directionOfTravel, rateKpiValue, type KpiTarget } from '../../shared/kpi-rag';

const percentage = (target: Partial<KpiTarget>): KpiTarget => ({
  unit: 'percentage',
  polarity: 'higher-is-better',
  targetValue: null,
  targetLower: null,
  targetUpper: null,
  tolerance: null,
  ...target,
});

describe('the RAG of a KPI value against a band', () => {
  const assessments = percentage({ targetLower: 90, targetUpper: 95 });
  it.each([
    [96, 'green', 'Green: 96% is at or above the upper target of 95%.'],
    [95, 'green', 'Green: 95% is at or above the upper target of 95%.'],
    [94.8, 'amber', 'Amber: 94.8% is within the target band of 90% to 95%, short of the upper target of 95%.'],
    [90, 'amber', 'Amber: 90% is within the target band of 90% to 95%, short of the upper target of 95%.'],
    [89.9, 'red', 'Red: 89.9% is below the lower target of 90%.'],
  ])('higher is better: %d is %s', (value, rag, explanation) => {
    expect(rateKpiValue(assessments, value)).toEqual({ rag, explanation });
  });

  const reReferrals = percentage({ polarity: 'lower-is-better', targetLower: 18, targetUpper: 22 });
  it.each([
    [17, 'green', 'Green: 17% is at or below the lower target of 18%.'],
    [20, 'amber', 'Amber: 20% is within the target band of 18% to 22%, short of the lower target of 18%.'],
    [22.1, 'red', 'Red: 22.1% is above the upper target of 22%.'],
  ])('lower is better: %d is %s', (value, rag, explanation) => {
    expect(rateKpiValue(reReferrals, value)).toEqual({ rag, explanation });
  });

  it('accepts a band entered the wrong way round', () => {
    expect(rateKpiValue(percentage({ targetLower: 95, targetUpper: 90 }), 92).rag).toBe('amber');
  });
});

describe('the RAG of a KPI value against a single target', () => {
  const visits = percentage({ targetValue: 95, tolerance: 5 });
  it.each([
    [95, 'green'],
    [99, 'green'],
    [92, 'amber'],
    [90, 'amber'],
    [89.9, 'red'],
  ])('higher is better with a tolerance of 5: %d is %s', (value, rag) => {
    expect(rateKpiValue(visits, value).rag).toBe(rag);
  });

  it('without a tolerance there is no amber', () => {
    expect(rateKpiValue(percentage({ targetValue: 95 }), 94.9)).toEqual({
      rag: 'red',
      explanation: 'Red: 94.9% misses the target of 95% (higher is better).',
    });
  });

  it('lower is better: caseload of 19 against 18 with a tolerance of 2 is amber', () => {
    const caseload: KpiTarget = { ...percentage({ targetValue: 18, tolerance: 2 }), unit: 'ratio', polarity: 'lower-is-better' };
    expect(rateKpiValue(caseload, 19)).toEqual({ rag: 'amber', explanation: 'Amber: 19 misses the target of 18 by no more than the tolerance of 2.' });
    expect(rateKpiValue(caseload, 20.5).rag).toBe('red');
    expect(rateKpiValue(caseload, 17).rag).toBe('green');
  });
});

describe('values that cannot be rated', () => {
  it('a suppressed value is not rated, never treated as zero', () => {
    expect(rateKpiValue(percentage({ targetValue: 10 }), null)).toEqual({ rag: null, explanation: 'Not rated: there is no published value for this period.' });
  });
  it('a KPI with no target is not rated', () => {
    expect(rateKpiValue(percentage({}), 50).rag).toBeNull();
  });
});

describe('direction of travel', () => {
  it('reads a rise as improving when higher is better', () => {
    expect(directionOfTravel('percentage', 'higher-is-better', 88, 86.5, 'September 2026')).toEqual({
      direction: 'improving',
      explanation: 'Improving: up from 86.5% in September 2026.',
    });
  });
  it('reads a rise as worsening when lower is better', () => {
    expect(directionOfTravel('percentage', 'lower-is-better', 24.3, 23.5, 'September 2026').direction).toBe('worsening');
  });
  it('says when nothing changed or there is nothing to compare', () => {
    expect(directionOfTravel('count', 'lower-is-better', 12, 12, 'March 2026').direction).toBe('no-change');
    expect(directionOfTravel('count', 'lower-is-better', 12, null, 'March 2026').direction).toBe('unknown');
  });
});
