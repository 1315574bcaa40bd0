// The plan's money (DOMAIN.md section 7): budget lines, each recurrent growth in the base budget
// or one-off investment held in a reserve, with an allocation and spend in each UK financial
// year. Amounts are whole pence everywhere but on screen, where people write pounds.
import { periodLabel } from './periods';

export const BUDGET_KINDS = ['recurrent', 'one-off'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export const BUDGET_KIND_LABELS: Record<BudgetKind, string> = {
  recurrent: 'Recurrent',
  'one-off': 'One-off',
};
export const BUDGET_KIND_DESCRIPTIONS: Record<BudgetKind, string> = {
  recurrent: 'Growth in the base budget, which goes on after the plan ends.',
  'one-off': 'Investment for the plan’s years only, usually held in a reserve.',
};

/** The largest amount one year of one line may hold: £1,000,000,000. */
export const MAX_AMOUNT_PENCE = 100_000_000_000;

export type PoundsReading = { ok: true; pence: number } | { ok: false; message: string };

const POUNDS = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount of pounds as people type it: "£1,250,000", "1250000" and "1,250,000.50" are
 * all accepted; commas must group thousands. Answers whole pence, or why the text is not an
 * amount.
 */
export function parsePounds(text: string): PoundsReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter an amount in pounds, such as £1,250,000' };
  if (/^[-−(]|^£\s*[-−]/.test(trimmed)) return { ok: false, message: 'An amount cannot be negative' };
  const match = POUNDS.exec(trimmed);
  if (!match?.[1]) {
    if (/\.\d{3,}$/.test(trimmed)) return { ok: false, message: 'An amount can have at most two figures of pence after the point, such as 1,250,000.50' };
    return { ok: false, message: `“${trimmed}” is not an amount in pounds: write it like £1,250,000 or 1250000.50` };
  }
  const pence = Number(match[1].replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (pence > MAX_AMOUNT_PENCE) return { ok: false, message: 'An amount can be at most £1,000,000,000' };
  return { ok: true, pence };
}

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Pence as reports write pounds: "£1,250,000", with the pence only when there are some: "£1,250,000.50". */
export function formatPounds(pence: number): string {
  return pence % 100 === 0 ? wholePounds.format(pence / 100) : poundsAndPence.format(pence / 100);
}

/** Pence as pounds for a form field to start from: "1,250,000", or "1,250,000.50" with pence. */
export function penceToPoundsText(pence: number): string {
  const pounds = Math.trunc(pence / 100);
  const rest = Math.abs(pence % 100);
  return rest === 0 ? grouped.format(pounds) : `${grouped.format(pounds)}.${String(rest).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- totals

export interface Amounts {
  allocatedPence: number;
  spentPence: number;
}

export interface BudgetEntryAmounts extends Amounts {
  /** "2024-25" */
  financialYear: string;
}

export interface BudgetLineAmounts {
  kind: BudgetKind;
  entries: BudgetEntryAmounts[];
}

export interface BudgetYearTotals {
  financialYear: string;
  label: string;
  recurrent: Amounts;
  oneOff: Amounts;
  total: Amounts;
}

export interface BudgetTotals {
  /** Every year given or holding an entry, in order. */
  byYear: BudgetYearTotals[];
  recurrent: Amounts;
  oneOff: Amounts;
  total: Amounts;
  /** The plan's estimated cost: every allocation, recurrent and one-off, over all its years. */
  estimatedCostPence: number;
  /** One-off investment allocated and not yet spent; negative when spend has run over it. */
  oneOffRemainingPence: number;
  /**
   * The recurrent allocation of the last year that has one: the growth the plan leaves in the
   * base budget each year after it ends. Null when there is no recurrent allocation.
   */
  recurrentLastYear: { financialYear: string; label: string; allocatedPence: number } | null;
}

const zero = (): Amounts => ({ allocatedPence: 0, spentPence: 0 });

function add(into: Amounts, amounts: Amounts): void {
  into.allocatedPence += amounts.allocatedPence;
  into.spentPence += amounts.spentPence;
}

/** A line's allocation and spend over all its years. */
export function lineTotals(entries: readonly Amounts[]): Amounts {
  const total = zero();
  for (const entry of entries) add(total, entry);
  return total;
}

/** Totals by year, by kind and overall, over the `years` given and any other year an entry is in. */
export function totalBudget(lines: readonly BudgetLineAmounts[], years: readonly string[] = []): BudgetTotals {
  const allYears = [...new Set([...years, ...lines.flatMap((line) => line.entries.map((entry) => entry.financialYear))])].sort();
  const byYear = new Map<string, BudgetYearTotals>(
    allYears.map((financialYear) => [financialYear, { financialYear, label: periodLabel(financialYear), recurrent: zero(), oneOff: zero(), total: zero() }]),
  );
  const recurrent = zero();
  const oneOff = zero();
  for (const line of lines) {
    for (const entry of line.entries) {
      const year = byYear.get(entry.financialYear) as BudgetYearTotals;
      add(line.kind === 'recurrent' ? year.recurrent : year.oneOff, entry);
      add(year.total, entry);
      add(line.kind === 'recurrent' ? recurrent : oneOff, entry);
    }
  }
  const total = lineTotals([recurrent, oneOff]);
  const lastRecurrent = [...byYear.values()].reverse().find((year) => year.recurrent.allocatedPence > 0);
  return {
    byYear: [...byYear.values()],
    recurrent,
    oneOff,
    total,
    estimatedCostPence: total.allocatedPence,
    oneOffRemainingPence: oneOff.allocatedPence - oneOff.spentPence,
    recurrentLastYear: lastRecurrent
      ? { financialYear: lastRecurrent.financialYear, label: lastRecurrent.label, allocatedPence: lastRecurrent.recurrent.allocatedPence }
      : null,
  };
}
