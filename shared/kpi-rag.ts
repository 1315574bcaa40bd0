// The RAG of a KPI value against its target, and its direction of travel, each with the words
// that explain it. Boards must be able to see the threshold behind every rating (DOMAIN.md
// section 4: "A RAG rule must be explainable: show the threshold behind it").
//
// With a band (a lower and an upper target), a value beyond the band on the good side is green,
// inside the band amber, and beyond it on the bad side red. With a single target, meeting it
// is green, falling short by no more than the tolerance is amber, and anything worse is red.
import { formatKpiValue } from './format';
import type { Rag } from './rag';
import type { KpiUnit, Polarity } from './vocabulary';

export interface KpiTarget {
  unit: KpiUnit;
  polarity: Polarity;
  targetValue: number | null;
  targetLower: number | null;
  targetUpper: number | null;
  tolerance: number | null;
}

export interface KpiRating {
  rag: Exclude<Rag, 'blue'> | null;
  explanation: string;
}

export function rateKpiValue(target: KpiTarget, value: number | null): KpiRating {
  const show = (number: number) => formatKpiValue(number, target.unit);
  if (value === null) return { rag: null, explanation: 'Not rated: there is no published value for this period.' };
  const higherIsBetter = target.polarity === 'higher-is-better';
  const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  const at = show(value);

  if (target.targetLower !== null && target.targetUpper !== null) {
    const lower = Math.min(target.targetLower, target.targetUpper);
    const upper = Math.max(target.targetLower, target.targetUpper);
    const [goodEdge, badEdge] = higherIsBetter ? [upper, lower] : [lower, upper];
    const goodWord = higherIsBetter ? 'at or above the upper target' : 'at or below the lower target';
    if (value === goodEdge || better(value, goodEdge)) return { rag: 'green', explanation: `Green: ${at} is ${goodWord} of ${show(goodEdge)}.` };
    if (value === badEdge || better(value, badEdge)) {
      return {
        rag: 'amber',
        explanation: `Amber: ${at} is within the target band of ${show(lower)} to ${show(upper)}, short of the ${higherIsBetter ? 'upper' : 'lower'} target of ${show(goodEdge)}.`,
      };
    }
    return {
      rag: 'red',
      explanation: `Red: ${at} is ${higherIsBetter ? 'below the lower' : 'above the upper'} target of ${show(badEdge)}.`,
    };
  }

  if (target.targetValue !== null) {
    const goal = target.targetValue;
    const tolerance = Math.abs(target.tolerance ?? 0);
    if (value === goal || better(value, goal)) {
      return { rag: 'green', explanation: `Green: ${at} meets the target of ${show(goal)} (${higherIsBetter ? 'higher' : 'lower'} is better).` };
    }
    const limit = higherIsBetter ? goal - tolerance : goal + tolerance;
    if (tolerance > 0 && (value === limit || better(value, limit))) {
      return {
        rag: 'amber',
        explanation: `Amber: ${at} misses the target of ${show(goal)} by no more than the tolerance of ${show(tolerance)}.`,
      };
    }
    return {
      rag: 'red',
      explanation:
        tolerance > 0
          ? `Red: ${at} misses the target of ${show(goal)} by more than the tolerance of ${show(tolerance)}.`
          : `Red: ${at} misses the target of ${show(goal)} (${higherIsBetter ? 'higher' : 'lower'} is better).`,
    };
  }

  return { rag: null, explanation: 'Not rated: no target has been set.' };
}

export type Direction = 'improving' | 'worsening' | 'no-change' | 'unknown';

export interface Travel {
  direction: Direction;
  explanation: string;
}

/** Direction of travel from the previous value to the latest, read against the polarity. */
export function directionOfTravel(
  unit: KpiUnit,
  polarity: Polarity,
  latest: number | null,
  previous: number | null,
  previousLabel: string,
): Travel {
  if (latest === null || previous === null) return { direction: 'unknown', explanation: 'No earlier value to compare with.' };
  const from = `from ${formatKpiValue(previous, unit)} in ${previousLabel}`;
  if (latest === previous) return { direction: 'no-change', explanation: `No change ${from}.` };
  const improving = polarity === 'higher-is-better' ? latest > previous : latest < previous;
  return {
    direction: improving ? 'improving' : 'worsening',
    explanation: `${improving ? 'Improving' : 'Worsening'}: ${latest > previous ? 'up' : 'down'} ${from}.`,
  };
}
