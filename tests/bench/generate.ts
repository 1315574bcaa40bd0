// Large plans for the benchmarks, written straight into an open database with prepared
// statements in one transaction. Going through the services would write one audit entry and
// one transaction per record, and a 50,000-action plan would then take longer to make than the
// whole benchmark is allowed to run; the audit log is left empty instead, which still verifies.
//
// Every record column is filled as the services would fill it, foreign keys stay on, and the
// content depends only on the size and the seed, so two runs measure the same plan (only the
// UUID v7 identifiers differ, because newId() is time-based).
import type Sqlite from 'better-sqlite3';
import { newId } from '../../db/ids';
import { DEFAULT_RAG_MEANINGS, type Rag } from '../../shared/rag';
import type { ActionStatus, KpiUnit, Polarity } from '../../shared/vocabulary';

export interface PlanSize {
  actions: number;
  people: number;
  themes: number;
  recommendations: number;
  progressUpdates: number;
  kpis: number;
  /** Monthly values per KPI, ending at the generator's "as of" month. */
  kpiPeriods: number;
}

/**
 * The size of a plan of `actionCount` actions, everything else in proportion to the reference
 * plan of 5,000 actions: 40 people, 8 themes, 40 recommendations, 20,000 progress updates and
 * 200 KPIs of ten years of monthly values. Small plans keep a floor so every part is present.
 */
export function planSize(actionCount: number): PlanSize {
  if (!Number.isInteger(actionCount) || actionCount < 1) throw new Error(`A plan needs a whole number of actions, not ${actionCount}.`);
  const scale = actionCount / 5_000;
  return {
    actions: actionCount,
    people: Math.max(8, Math.round(40 * scale)),
    themes: 8,
    recommendations: Math.max(6, Math.round(40 * scale)),
    progressUpdates: actionCount * 4,
    kpis: Math.max(2, Math.round(200 * scale)),
    kpiPeriods: 120,
  };
}

export interface GeneratedPlan {
  authorityId: string;
  planId: string;
  size: PlanSize;
  /** Rows written per table, for checking what the app reads back. */
  rows: Record<string, number>;
  /** Facts of the generated content that the services compute too. */
  expected: {
    ragCounts: Record<Rag | 'unrated', number>;
    dueDateMoves: number;
    /** Recommendations that no live, not superseded action answers. */
    uncoveredRecommendations: number;
  };
}

export interface GenerateOptions {
  seed?: number;
  actor?: string;
  title?: string;
}

// ---------------------------------------------------------------- determinism

/** mulberry32: tiny, fast and good enough to spread generated values. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    below: (limit: number) => Math.floor(next() * limit),
    between: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    chance: (probability: number) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('Cannot pick from an empty list.');
      return item;
    },
  };
}

type Random = ReturnType<typeof randomSource>;

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDate = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, days: number) => toDate(fromDate(iso) + days * DAY);
const daysBetween = (from: string, to: string) => Math.round((fromDate(to) - fromDate(from)) / DAY);
const instant = (iso: string, hour = 9) => `${iso}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The plan runs three years from an inadequate judgement; progress is recorded up to this day. */
const PLAN_START = '2023-09-01';
const PLAN_END = '2026-08-31';
const AS_OF = '2025-06-30';

// ---------------------------------------------------------------- words

const FIRST_NAMES = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ellen', 'Femi', 'Grace', 'Hassan', 'Isla', 'Jon', 'Kiran', 'Lucy', 'Mark', 'Nadia', 'Owen', 'Priya', 'Rosa', 'Sam', 'Tom', 'Uma'];
const LAST_NAMES = ['Ahmed', 'Brooks', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nolan', 'Osei', 'Patel', 'Quinn', 'Reid', 'Shaw', 'Turner'];
const JOB_TITLES = ['Director of Children’s Services', 'Assistant Director, Safeguarding', 'Head of Service, Front Door', 'Head of Service, Children in Care', 'Principal Social Worker', 'Head of Quality Assurance', 'Service Manager, Care Leavers', 'Workforce Development Lead', 'Performance Manager', 'Team Manager'];
const THEMES = [
  'Leadership, management and governance',
  'A robust model of social work practice',
  'The front door and early help',
  'Help and protection',
  'Children in care and permanence',
  'Care leavers',
  'A sufficient and skilled workforce',
  'Quality assurance and audit',
  'Partnership working',
  'Listening to children and families',
];
const VERBS = ['Embed', 'Review', 'Introduce', 'Strengthen', 'Audit', 'Train staff in', 'Publish', 'Agree with partners', 'Monitor', 'Refresh'];
const OBJECTS = ['the threshold document', 'supervision standards', 'the practice model', 'management oversight of assessments', 'return home interviews', 'pathway planning', 'the permanence tracker', 'strategy meeting attendance', 'the recruitment and retention offer', 'the case audit programme', 'performance reporting to the board', 'life-story work', 'pre-proceedings tracking', 'the edge-of-care offer', 'placement sufficiency planning'];
const WHERES = ['across the front door', 'in the assessment teams', 'in the children in care service', 'with health and police partners', 'for care leavers', 'in every locality', 'at the improvement board', 'for disabled children'];
const NARRATIVES = [
  'Audit of a sample of cases shows improvement in the quality of recording; further work needed on timeliness.',
  'Training delivered to all team managers; attendance at 92%. Follow-up dip sample booked for next month.',
  'Draft reviewed by the operational group and returned with comments; revised version due to the board.',
  'Progress slower than planned because of vacancies in two teams; agency cover now in place.',
  'Partners have agreed the revised protocol; go-live set for the start of the quarter.',
  'Performance data shows the measure moving in the right direction for the third month running.',
  'Evidence of impact gathered from practice observations and feedback from children and families.',
  'Risk escalated to the improvement board: dependency on the new case management system release.',
];
const DUE_DATE_REASONS = ['Capacity in the team after vacancies', 'Waiting for the partner agreement', 'Aligned with the system release date', 'Board asked for a wider consultation', 'Re-sequenced behind the workforce strategy'];
const RECOMMENDATION_TEXTS = [
  'The quality and impact of management oversight and supervision of social work practice.',
  'The timeliness and quality of assessments and plans for children in need of help and protection.',
  'The response to children who go missing and who are at risk of exploitation.',
  'The sufficiency of placements that meet children’s needs, including for children with complex needs.',
  'The quality of pathway planning and the support for care leavers, including suitable accommodation.',
  'The use of performance information and quality assurance to understand and improve practice.',
  'The stability and capacity of the workforce, including caseloads.',
  'The consistency of the application of thresholds at the front door.',
];
const KPIS: { name: string; unit: KpiUnit; polarity: Polarity; base: number; spread: number }[] = [
  { name: 'Re-referrals within 12 months', unit: 'percentage', polarity: 'lower-is-better', base: 24, spread: 2 },
  { name: 'Assessments completed within 45 working days', unit: 'percentage', polarity: 'higher-is-better', base: 78, spread: 4 },
  { name: 'Children subject to a second or subsequent child protection plan', unit: 'percentage', polarity: 'lower-is-better', base: 22, spread: 3 },
  { name: 'Children in care per 10,000 children', unit: 'rate-per-10000', polarity: 'lower-is-better', base: 71, spread: 2 },
  { name: 'Agency social worker rate', unit: 'percentage', polarity: 'lower-is-better', base: 19, spread: 2 },
  { name: 'Average social worker caseload', unit: 'count', polarity: 'lower-is-better', base: 18, spread: 1.5 },
  { name: 'Days from entering care to moving in with an adoptive family', unit: 'days', polarity: 'lower-is-better', base: 410, spread: 30 },
  { name: 'Care leavers in suitable accommodation', unit: 'percentage', polarity: 'higher-is-better', base: 86, spread: 3 },
];

// ---------------------------------------------------------------- statements

const RECORD_COLUMNS = ['id', 'created_at', 'updated_at', 'updated_by', 'revision'];

function inserter(sqlite: Sqlite.Database, table: string, columns: string[]) {
  const all = [...RECORD_COLUMNS, ...columns];
  const statement = sqlite.prepare(`insert into ${table} (${all.join(', ')}) values (${all.map(() => '?').join(', ')})`);
  return (values: unknown[]) => statement.run(values);
}

function month(index: number): { period: string; periodEnd: string } {
  const year = Math.floor(index / 12);
  const monthOfYear = (index % 12) + 1;
  const period = `${year}-${String(monthOfYear).padStart(2, '0')}`;
  const periodEnd = toDate(Date.UTC(year, monthOfYear, 0));
  return { period, periodEnd };
}

interface PlannedAction {
  id: string;
  themeIndex: number;
  startDate: string;
  baselineDueDate: string;
  currentDueDate: string;
  moves: { fromDate: string; toDate: string; reason: string; on: string }[];
  status: ActionStatus;
  rag: Rag | null;
  completedDate: string | null;
}

function planAction(random: Random): Omit<PlannedAction, 'id' | 'themeIndex'> {
  const startDate = addDays(PLAN_START, random.below(daysBetween(PLAN_START, PLAN_END) - 120));
  const baselineDueDate = earlier(addDays(startDate, random.between(60, 540)), PLAN_END);
  const moves: PlannedAction['moves'] = [];
  let currentDueDate = baselineDueDate;
  if (startDate < AS_OF && random.chance(0.25)) {
    const count = random.between(1, 3);
    for (let move = 0; move < count; move += 1) {
      const moved = addDays(currentDueDate, random.between(30, 120));
      const on = earlier(addDays(currentDueDate, -random.between(1, 20)), AS_OF);
      moves.push({ fromDate: currentDueDate, toDate: moved, reason: random.pick(DUE_DATE_REASONS), on: later(on, startDate) });
      currentDueDate = moved;
    }
  }

  let status: ActionStatus;
  if (startDate > AS_OF) status = 'not-started';
  else if (currentDueDate < AS_OF) {
    const roll = random.next();
    status = roll < 0.68 ? 'complete' : roll < 0.8 ? 'awaiting-evidence' : roll < 0.97 ? 'in-progress' : 'superseded';
  } else {
    const roll = random.next();
    status = roll < 0.75 ? 'in-progress' : roll < 0.93 ? 'not-started' : 'awaiting-evidence';
  }

  let rag: Rag | null;
  switch (status) {
    case 'complete':
      rag = random.chance(0.9) ? 'blue' : 'green';
      break;
    case 'awaiting-evidence':
      rag = random.chance(0.7) ? 'green' : 'amber';
      break;
    case 'in-progress':
      rag = currentDueDate < AS_OF ? (random.chance(0.6) ? 'red' : 'amber') : random.pick(['green', 'green', 'green', 'amber', 'amber', 'red'] as const);
      break;
    case 'not-started':
      rag = random.chance(0.5) ? null : random.pick(['green', 'amber'] as const);
      break;
    case 'superseded':
      rag = null;
      break;
  }

  const completedDate =
    status === 'complete' || status === 'awaiting-evidence'
      ? earlier(addDays(startDate, random.between(30, Math.max(30, daysBetween(startDate, currentDueDate) + 30))), AS_OF)
      : null;
  return { startDate, baselineDueDate, currentDueDate, moves, status, rag, completedDate };
}

// ---------------------------------------------------------------- the generator

/**
 * Writes one authority, its people and one plan of the given size into `sqlite`, in one
 * transaction. The database must already have the app's schema (open it with openApp).
 */
export function generatePlan(sqlite: Sqlite.Database, size: PlanSize, options: GenerateOptions = {}): GeneratedPlan {
  const random = randomSource(options.seed ?? 20_230_901);
  const actor = options.actor ?? 'plan generator';
  const created = instant(PLAN_START);
  const rows: Record<string, number> = {};
  const stamp = (table: string, count = 1) => {
    rows[table] = (rows[table] ?? 0) + count;
  };
  const fresh = (at = created) => [newId(), at, at, actor, 1];

  const insertAuthority = inserter(sqlite, 'authorities', ['name', 'old_la_code', 'new_la_code', 'region']);
  const insertPerson = inserter(sqlite, 'people', ['authority_id', 'name', 'job_title', 'email']);
  const insertInspection = inserter(sqlite, 'inspections', ['authority_id', 'framework', 'start_date', 'end_date', 'report_received_date', 'report_published_date', 'overall_judgement']);
  const insertJudgement = inserter(sqlite, 'inspection_judgements', ['inspection_id', 'area', 'judgement']);
  const insertPlan = inserter(sqlite, 'plans', ['authority_id', 'inspection_id', 'series_id', 'version', 'kind', 'title', 'summary', 'status', 'start_date', 'end_date', 'classification', 'rag_meanings']);
  const insertStage = inserter(sqlite, 'plan_stages', ['plan_id', 'name', 'start_date', 'end_date', 'sort_order']);
  const insertTheme = inserter(sqlite, 'themes', ['plan_id', 'reference', 'title', 'lead_id', 'sort_order']);
  const insertRecommendation = inserter(sqlite, 'recommendations', ['plan_id', 'inspection_id', 'number', 'text']);
  const insertRecommendationTheme = inserter(sqlite, 'recommendation_themes', ['recommendation_id', 'theme_id']);
  const insertAction = inserter(sqlite, 'actions', ['plan_id', 'theme_id', 'reference', 'title', 'owner_id', 'lead_id', 'start_date', 'baseline_due_date', 'current_due_date', 'completed_date', 'status', 'rag', 'measures_of_success', 'sort_order']);
  const insertActionRecommendation = inserter(sqlite, 'action_recommendations', ['action_id', 'recommendation_id']);
  const insertDueDateChange = inserter(sqlite, 'action_due_date_changes', ['action_id', 'from_date', 'to_date', 'reason']);
  const insertUpdate = inserter(sqlite, 'progress_updates', ['action_id', 'update_date', 'narrative', 'rag', 'author_name']);
  const insertKpi = inserter(sqlite, 'kpis', ['plan_id', 'reference', 'name', 'unit', 'polarity', 'frequency', 'source', 'baseline_value', 'baseline_period', 'target_value', 'tolerance', 'sort_order']);
  const insertKpiTheme = inserter(sqlite, 'kpi_themes', ['kpi_id', 'theme_id']);
  const insertKpiValue = inserter(sqlite, 'kpi_values', ['kpi_id', 'period', 'period_end', 'value', 'suppression_code', 'provisional']);

  const write = () => {
    const authority = fresh();
    const authorityId = authority[0] as string;
    insertAuthority([...authority, 'Northmoor Borough Council', '999', 'E09000999', 'North West']);
    stamp('authorities');

    const people: { id: string; name: string }[] = [];
    for (let index = 0; index < size.people; index += 1) {
      const record = fresh();
      const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Alex';
      const last = LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length] ?? 'Smith';
      const name = index < FIRST_NAMES.length * LAST_NAMES.length ? `${first} ${last}` : `${first} ${last} ${index}`;
      insertPerson([...record, authorityId, name, JOB_TITLES[index % JOB_TITLES.length], `${first}.${last}${index}@northmoor.example`.toLowerCase()]);
      people.push({ id: record[0] as string, name });
    }
    stamp('people', size.people);

    const inspection = fresh();
    const inspectionId = inspection[0] as string;
    insertInspection([...inspection, authorityId, 'ilacs', '2023-05-08', '2023-05-19', '2023-06-26', '2023-07-04', 'inadequate']);
    stamp('inspections');
    for (const [area, judgement] of [
      ['impact-of-leaders', 'inadequate'],
      ['help-and-protection', 'inadequate'],
      ['children-in-care', 'requires-improvement'],
      ['care-leavers', 'requires-improvement'],
      ['overall-effectiveness', 'inadequate'],
    ]) {
      insertJudgement([...fresh(), inspectionId, area, judgement]);
      stamp('inspection_judgements');
    }

    const plan = fresh();
    const planId = plan[0] as string;
    insertPlan([
      ...plan,
      authorityId,
      inspectionId,
      planId,
      1,
      'main',
      options.title ?? `Improvement plan ${PLAN_START.slice(0, 4)} to ${PLAN_END.slice(0, 4)} (${size.actions.toLocaleString('en-GB')} actions)`,
      'Our response to the inspection of local authority children’s services.',
      'active',
      PLAN_START,
      PLAN_END,
      'official',
      JSON.stringify(DEFAULT_RAG_MEANINGS),
    ]);
    stamp('plans');
    const stageNames = ['Stabilise', 'Improve', 'Sustain'];
    stageNames.forEach((name, index) => {
      insertStage([...fresh(), planId, name, addDays(PLAN_START, index * 365), addDays(PLAN_START, index * 365 + 364), index]);
    });
    stamp('plan_stages', stageNames.length);

    const themeIds: string[] = [];
    for (let index = 0; index < size.themes; index += 1) {
      const record = fresh();
      insertTheme([...record, planId, String(index + 1), THEMES[index % THEMES.length], random.pick(people).id, index]);
      themeIds.push(record[0] as string);
    }
    stamp('themes', size.themes);

    // Each recommendation belongs to one theme; the last is left without actions, as happens
    // in a draft plan, so the coverage count has something to find.
    const recommendationsByTheme: string[][] = themeIds.map(() => []);
    const recommendationIds: string[] = [];
    for (let index = 0; index < size.recommendations; index += 1) {
      const record = fresh();
      const id = record[0] as string;
      insertRecommendation([...record, planId, inspectionId, index + 1, `Improve ${RECOMMENDATION_TEXTS[index % RECOMMENDATION_TEXTS.length]}`]);
      const themeIndex = index % size.themes;
      insertRecommendationTheme([...fresh(), id, themeIds[themeIndex]]);
      recommendationIds.push(id);
      if (index < size.recommendations - 1) recommendationsByTheme[themeIndex]?.push(id);
    }
    stamp('recommendations', size.recommendations);
    stamp('recommendation_themes', size.recommendations);
    const answerable = recommendationIds.slice(0, -1);

    const actions: PlannedAction[] = [];
    const perTheme = new Array<number>(size.themes).fill(0);
    const ragCounts: GeneratedPlan['expected']['ragCounts'] = { red: 0, amber: 0, green: 0, blue: 0, unrated: 0 };
    let dueDateMoves = 0;
    const covered = new Set<string>();
    for (let index = 0; index < size.actions; index += 1) {
      const themeIndex = index % size.themes;
      const withinTheme = perTheme[themeIndex] ?? 0;
      perTheme[themeIndex] = withinTheme + 1;
      const planned = planAction(random);
      const lastChange = planned.moves.at(-1)?.on ?? PLAN_START;
      const changedAt = instant(later(lastChange, PLAN_START), 11);
      const id = newId();
      const owner = random.pick(people);
      const lead = random.chance(0.8) ? random.pick(people) : null;
      insertAction([
        id,
        created,
        changedAt,
        actor,
        1 + planned.moves.length,
        planId,
        themeIds[themeIndex],
        // Three levels, as plans number them: theme, objective, action (2.14.3).
        `${themeIndex + 1}.${Math.floor(withinTheme / 8) + 1}.${(withinTheme % 8) + 1}`,
        `${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(WHERES)}`,
        owner.id,
        lead?.id ?? null,
        planned.startDate,
        planned.baselineDueDate,
        planned.currentDueDate,
        planned.completedDate,
        planned.status,
        planned.rag,
        random.chance(0.5) ? 'Dip sample shows the standard met in at least 80% of cases.' : null,
        index,
      ]);
      ragCounts[planned.rag ?? 'unrated'] += 1;

      const own = recommendationsByTheme[themeIndex] ?? [];
      const first = own.length > 0 ? random.pick(own) : random.pick(answerable);
      const answered = new Set([first]);
      if (random.chance(0.2)) answered.add(random.pick(answerable));
      for (const recommendationId of answered) {
        insertActionRecommendation([...fresh(), id, recommendationId]);
        if (planned.status !== 'superseded') covered.add(recommendationId);
      }
      stamp('action_recommendations', answered.size);

      for (const move of planned.moves) {
        insertDueDateChange([...fresh(instant(move.on, 10)), id, move.fromDate, move.toDate, move.reason]);
      }
      stamp('action_due_date_changes', planned.moves.length);
      dueDateMoves += planned.moves.length;
      actions.push({ ...planned, id, themeIndex });
    }
    stamp('actions', size.actions);

    // Spread at random rather than evenly, so some actions have many updates and a few none.
    for (let index = 0; index < size.progressUpdates; index += 1) {
      const action = actions[random.below(actions.length)];
      if (!action) throw new Error('A progress update needs an action.');
      const from = earlier(action.startDate, AS_OF);
      const updateDate = addDays(from, random.below(daysBetween(from, AS_OF) + 1));
      insertUpdate([...fresh(instant(updateDate, 15)), action.id, updateDate, random.pick(NARRATIVES), action.rag, random.pick(people).name]);
    }
    stamp('progress_updates', size.progressUpdates);

    const lastMonth = Number(AS_OF.slice(0, 4)) * 12 + Number(AS_OF.slice(5, 7)) - 1;
    const firstMonth = lastMonth - size.kpiPeriods + 1;
    const baselineMonth = month(Number(PLAN_START.slice(0, 4)) * 12 + Number(PLAN_START.slice(5, 7)) - 2);
    for (let index = 0; index < size.kpis; index += 1) {
      const shape = KPIS[index % KPIS.length];
      if (!shape) throw new Error('No KPI shapes.');
      const record = fresh();
      const kpiId = record[0] as string;
      const better = shape.polarity === 'higher-is-better' ? 1 : -1;
      const round = (value: number) => Math.round(value * 10) / 10;
      insertKpi([
        ...record,
        planId,
        `K${index + 1}`,
        index < KPIS.length ? shape.name : `${shape.name} (locality ${Math.floor(index / KPIS.length) + 1})`,
        shape.unit,
        shape.polarity,
        'monthly',
        'Local case management system',
        round(shape.base),
        baselineMonth.period,
        round(shape.base + better * shape.spread * 2),
        round(shape.spread),
        index,
      ]);
      insertKpiTheme([...fresh(), kpiId, themeIds[index % size.themes]]);
      let value = shape.base - better * shape.spread;
      for (let period = firstMonth; period <= lastMonth; period += 1) {
        const { period: key, periodEnd } = month(period);
        // A noisy walk that drifts slowly the right way, as a plan that is working would show.
        value = Math.max(0, value + (random.next() - 0.5 + better * 0.02) * shape.spread);
        if (shape.unit === 'percentage') value = Math.min(100, value);
        const suppressed = random.chance(0.01);
        const entered = instant(addDays(periodEnd, 20));
        insertKpiValue([...fresh(entered), kpiId, key, periodEnd, suppressed ? null : round(value), suppressed ? 'c' : null, period > lastMonth - 2 ? 1 : 0]);
      }
    }
    stamp('kpis', size.kpis);
    stamp('kpi_themes', size.kpis);
    stamp('kpi_values', size.kpis * size.kpiPeriods);

    return {
      authorityId,
      planId,
      size,
      rows,
      expected: { ragCounts, dueDateMoves, uncoveredRecommendations: size.recommendations - covered.size },
    };
  };

  return sqlite.transaction(write).immediate();
}

// ---------------------------------------------------------------- a long series

export interface LongKpi {
  kpiId: string;
  /** Values written, gaps (suppressed periods) included. */
  values: number;
}

/**
 * Adds to a generated plan one monthly KPI of `periods` values ending at the generator's "as of"
 * month, with England's figure for every month beside it, a suppressed month now and then and the
 * last two months provisional: the longest chart a plan is likely to ask for, so the chart's
 * thinning has work to do. Kept apart from generatePlan so the plan's own sizes stay as they are.
 */
export function addLongKpi(sqlite: Sqlite.Database, planId: string, periods = 1_000, options: GenerateOptions = {}): LongKpi {
  const random = randomSource(options.seed ?? 20_240_601);
  const actor = options.actor ?? 'plan generator';
  const created = instant(PLAN_START);
  const fresh = (at = created) => [newId(), at, at, actor, 1];
  const insertKpi = inserter(sqlite, 'kpis', ['plan_id', 'reference', 'name', 'unit', 'polarity', 'frequency', 'source', 'target_lower', 'target_upper', 'sort_order']);
  const insertKpiValue = inserter(sqlite, 'kpi_values', ['kpi_id', 'period', 'period_end', 'value', 'suppression_code', 'provisional']);
  const insertComparator = inserter(sqlite, 'kpi_comparators', ['kpi_id', 'kind', 'label', 'period', 'period_end', 'value', 'suppression_code']);
  const write = () => {
    const record = fresh();
    const kpiId = record[0] as string;
    insertKpi([...record, planId, 'K-LONG', 'Contacts with a decision within one working day', 'percentage', 'higher-is-better', 'monthly', 'Local case management system', 85, 90, 100_000]);
    const lastMonth = Number(AS_OF.slice(0, 4)) * 12 + Number(AS_OF.slice(5, 7)) - 1;
    const firstMonth = lastMonth - periods + 1;
    let value = 72;
    let england = 80;
    for (let index = firstMonth; index <= lastMonth; index += 1) {
      const { period, periodEnd } = month(index);
      value = Math.min(100, Math.max(40, value + (random.next() - 0.48) * 3));
      england = Math.min(100, Math.max(60, england + (random.next() - 0.5) * 1.2));
      const suppressed = random.chance(0.01);
      const entered = instant(addDays(periodEnd, 20));
      insertKpiValue([...fresh(entered), kpiId, period, periodEnd, suppressed ? null : Math.round(value * 10) / 10, suppressed ? 'c' : null, index > lastMonth - 2 ? 1 : 0]);
      insertComparator([...fresh(entered), kpiId, 'england', 'England', period, periodEnd, Math.round(england * 10) / 10, null]);
    }
    return { kpiId, values: periods };
  };
  return sqlite.transaction(write).immediate();
}
