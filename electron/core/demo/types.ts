// The shapes of the demo content. Every date is written as an offset in months from "today"
// (the core's clock), so the demo plan always looks current whenever it is seeded: a fraction
// of a month is allowed, and the calendar turns it into a real weekday.
import type { Rag } from '../../../shared/rag';
import type { ActionStatus, KpiUnit, Polarity } from '../../../shared/vocabulary';
import type { PersonKey } from './people';

/** Months from today: -3 is three months ago, 0.5 is about a fortnight from now. */
export type MonthOffset = number;

/** A progress update's narrative, with the RAG it carried when it differs from the default. */
export type DemoUpdate = string | [Rag, string];

export interface DemoMilestone {
  title: string;
  due: MonthOffset;
  done?: MonthOffset;
}

export interface DemoEvidence {
  kind: 'note' | 'link';
  title: string;
  url?: string;
  note?: string;
}

export interface DemoDueDateMove {
  to: MonthOffset;
  reason: string;
}

export interface DemoAction {
  reference: string;
  title: string;
  description: string;
  owner: PersonKey;
  lead: PersonKey;
  start: MonthOffset;
  /** The due date agreed when the plan was written. */
  due: MonthOffset;
  /** Each later move of the due date, in order; the last one is the current due date. */
  moves?: DemoDueDateMove[];
  status: ActionStatus;
  rag: Rag | null;
  /** When the action was completed, sent for sign-off, or superseded. */
  done?: MonthOffset;
  measures: string;
  recommendations: number[];
  kpis?: string[];
  milestones?: DemoMilestone[];
  dependsOn?: { reference: string; note: string }[];
  evidence?: DemoEvidence[];
  /** Oldest first. Dated by the seed between the action's start and its last activity. */
  updates: DemoUpdate[];
}

export interface DemoKpi {
  reference: string;
  name: string;
  definition: string;
  unit: KpiUnit;
  polarity: Polarity;
  source: string;
  catalogueKey?: string;
  target?: number;
  band?: [number, number];
  tolerance: number;
  /** The level before the inspection and the level reached by last month. */
  from: number;
  to: number;
  /** Month-to-month scatter, in the KPI's unit. */
  noise: number;
  /** Months after the inspection before practice changes show in the figure. */
  lag: number;
  decimals: number;
  themes: number[];
  /** Months back from last month (1 = the month before last) published as a code, not a number. */
  suppressed?: { monthsBack: number; code: 'c' | 'x' | 'low'; note: string }[];
  comparators?: DemoComparators;
}

/** Published comparator values, oldest year first. */
export interface DemoComparators {
  /** Which collection the figure comes from, which decides the period it covers. */
  collection: 'year-to-march' | 'workforce-september';
  england: [number, number, number];
  region: [number, number, number];
  statisticalNeighbours: [number, number, number];
}
