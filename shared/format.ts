// How numbers read in reports: en-GB separators, units as councils write them.
import type { KpiUnit, SuppressionCode } from './vocabulary';

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatKpiValue(value: number | null, unit: KpiUnit, suppressionCode: SuppressionCode | null = null): string {
  if (value === null) return suppressionCode ? `not published (${suppressionCode})` : 'no value';
  switch (unit) {
    case 'percentage':
      return `${oneDecimal.format(value)}%`;
    case 'count':
      return whole.format(value);
    case 'rate-per-10000':
      return `${oneDecimal.format(value)} per 10,000`;
    case 'days':
      return `${oneDecimal.format(value)} days`;
    case 'ratio':
      return oneDecimal.format(value);
  }
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** "£1,250,000" from whole pence. */
export function formatPence(pence: number): string {
  return pounds.format(Math.round(pence / 100));
}
