// The services on a large plan, through the dispatcher the app uses, against the same SQL run
// straight on the same connection: opening a plan, listing its actions, one edit, and the KPI
// scorecard, series and grid. The ratio is what the layers above SQLite cost.
import type Sqlite from 'better-sqlite3';
import { hashEntry, GENESIS_HASH } from '../../db/audit';
import { newId } from '../../db/ids';
import { PLAN_QUERIES } from '../../electron/core/handlers/plan-queries';
import { contract } from '../../shared/contract';
import { ACTOR, call, callChecked, openBench } from './common';
import type { PlanSize } from './generate';
import { compare, measure, stats, time, type Stats } from './timing';

/** One row of a report: our figure, and where there is one, the baseline's and the ratio of medians. */
export interface Figure {
  label: string;
  ours: Stats;
  raw?: Stats;
  /** What the baseline is: "raw SQL", "system zip". */
  rawLabel?: string;
  /** ours / raw, on medians. */
  ratio?: number;
}

// ---------------------------------------------------------------- the raw baseline
// The handlers' own SQL (electron/core/handlers/plan-queries.ts), run straight on the
// connection: the ratio is then exactly what the layers above SQLite cost.

export function rawBaseline(sqlite: Sqlite.Database) {
  const summary = sqlite.prepare(PLAN_QUERIES.summary);
  const planExists = sqlite.prepare('select 1 from plans where id = ? and deleted_at is null');
  const actionRows = sqlite.prepare(PLAN_QUERIES.actionRows);
  const inspection = sqlite.prepare(PLAN_QUERIES.inspection);
  const stages = sqlite.prepare(PLAN_QUERIES.stages);
  const themes = sqlite.prepare(PLAN_QUERIES.themes);
  const coverage = sqlite.prepare(PLAN_QUERIES.coverage);
  const reviewCount = sqlite.prepare(PLAN_QUERIES.reviewCount).pluck();
  const kpiTiles = sqlite.prepare(PLAN_QUERIES.kpiTiles);
  // What the scorecard and a series read: the plan's KPIs, their values and their comparators.
  const kpiRows = sqlite.prepare('select * from kpis where plan_id = ? and deleted_at is null order by sort_order');
  const kpiValues = sqlite.prepare(
    `select v.kpi_id, v.period, v.period_end, v.value, v.suppression_code, v.provisional, v.note
     from kpi_values v join kpis k on k.id = v.kpi_id where k.plan_id = ? and k.deleted_at is null and v.deleted_at is null`,
  );
  const kpiComparators = sqlite.prepare(
    `select c.kpi_id, c.kind, c.label, c.period, c.period_end, c.value, c.suppression_code
     from kpi_comparators c join kpis k on k.id = c.kpi_id where k.plan_id = ? and k.deleted_at is null and c.deleted_at is null order by c.period_end`,
  );
  // What the action table's query reads before it filters and sorts: the rows, and for a search the FTS matches.
  const searchMatches = sqlite
    .prepare(
      `select x.id from search_actions s join actions x on x.rowid = s.rowid where search_actions match @query and x.plan_id = @planId
       union
       select u.action_id from search_updates s join progress_updates u on u.rowid = s.rowid join actions x on x.id = u.action_id
       where search_updates match @query and x.plan_id = @planId and u.deleted_at is null`,
    )
    .pluck();
  const oneKpi = sqlite.prepare('select * from kpis where id = ? and deleted_at is null');
  const oneKpiValues = sqlite.prepare('select * from kpi_values where kpi_id = ? and deleted_at is null order by period_end');
  const oneKpiComparators = sqlite.prepare('select * from kpi_comparators where kpi_id = ? and deleted_at is null order by period_end');

  // The same write the services make for one edit: read the row, update it with its record
  // columns, and append a chained audit entry of before and after, in one immediate transaction.
  const planRow = sqlite.prepare('select * from plans where id = ?');
  const updateTitle = sqlite.prepare('update plans set title = ?, updated_at = ?, updated_by = ?, revision = ? where id = ? returning *');
  const lastHash = sqlite.prepare('select hash from audit_log order by sequence desc limit 1').pluck();
  const insertAudit = sqlite.prepare(
    `insert into audit_log (change_id, at, actor, entity_type, entity_id, plan_id, operation, before, after, previous_hash, hash)
     values (@changeId, @at, @actor, @entityType, @entityId, @planId, @operation, @before, @after, @previousHash, @hash)`,
  );
  const edit = sqlite.transaction((planId: string, title: string) => {
    const at = new Date().toISOString();
    const before = planRow.get(planId) as { revision: number };
    const after = updateTitle.get(title, at, ACTOR, before.revision + 1, planId);
    const entry = {
      changeId: newId(),
      at,
      actor: ACTOR,
      entityType: 'plans',
      entityId: planId,
      planId,
      operation: 'update' as const,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    };
    const previousHash = (lastHash.get() as string | undefined) ?? GENESIS_HASH;
    insertAudit.run({ ...entry, previousHash, hash: hashEntry(previousHash, entry) });
  });

  const today = () => new Date().toISOString().slice(0, 10);
  return {
    summary: (planId: string) => summary.all({ today: today(), planId }),
    overview: (planId: string) => ({
      plan: summary.all({ today: today(), planId }),
      actions: actionRows.all(planId),
      inspection: inspection.get(planId),
      stages: stages.all(planId),
      themes: themes.all(planId),
      coverage: coverage.get(planId),
      reviewCount: reviewCount.get(planId),
      kpis: kpiTiles.all({ planId }),
    }),
    actions: (planId: string) => {
      if (!planExists.get(planId)) throw new Error('plan missing');
      return actionRows.all(planId);
    },
    edit: (planId: string, title: string) => edit.immediate(planId, title),
    searchActions: (planId: string, query: string) => ({ rows: actionRows.all(planId), matches: searchMatches.all({ query, planId }) }),
    scorecard: (planId: string) => ({ kpis: kpiRows.all(planId), values: kpiValues.all(planId), comparators: kpiComparators.all(planId) }),
    series: (kpiId: string) => ({ kpi: oneKpi.get(kpiId), values: oneKpiValues.all(kpiId), comparators: oneKpiComparators.all(kpiId) }),
  };
}

export interface ServiceFigures {
  sqlite: string;
  journalMode: string;
  synchronous: string;
  operations: Record<string, Figure>;
  auditEntries: number;
}

export interface ServiceRuns {
  /** Rounds per read (and per side of a comparison). */
  reads: number;
  /** Rounds per edit. */
  edits: number;
  /** Starts of the app on the file (each runs quick_check over the whole file). */
  starts: number;
}

/**
 * Times the services on the plan `planId` in `dataDirectory`, which must hold `size.actions`
 * actions and `size.kpis` KPIs (checked once, through the contract, before anything is timed).
 */
export async function measureServices(dataDirectory: string, planId: string, size: PlanSize, runs: ServiceRuns): Promise<ServiceFigures> {
  // Starting the app on an existing database includes its quick_check, which reads the whole file.
  const startApp = await measure(runs.starts, () => openBench(dataDirectory).close());
  const app = openBench(dataDirectory);
  try {
    const sqlite = app.core.db.$client;
    const sqliteVersion = sqlite.prepare('select sqlite_version()').pluck().get() as string;
    // Read back rather than assumed, so the edit figures say what durability they were bought with.
    const journalMode = String(sqlite.pragma('journal_mode', { simple: true }));
    const synchronous = ['off', 'normal', 'full', 'extra'][Number(sqlite.pragma('synchronous', { simple: true }))] ?? 'unknown';
    const raw = rawBaseline(sqlite);

    const overview = await callChecked(app, 'plans.overview', { planId });
    const listed = await callChecked(app, 'actions.list', { planId });
    const answered = [overview.actions.length, listed.length, raw.actions(planId).length];
    if (answered.some((length) => length !== size.actions)) {
      throw new Error(`Expected ${size.actions} actions from plans.overview, actions.list and the raw SQL; got ${answered.join(', ')}.`);
    }
    if (overview.kpis.length !== size.kpis) throw new Error(`Expected ${size.kpis} KPI tiles, got ${overview.kpis.length}.`);
    const scorecard = await callChecked(app, 'kpis.scorecard', { planId });
    if (scorecard.kpiCount !== size.kpis) throw new Error(`Expected ${size.kpis} KPIs on the scorecard; got ${scorecard.kpiCount}.`);
    const firstActionId = sqlite.prepare('select id from actions where plan_id = ? order by sort_order limit 1').pluck().get(planId) as string;
    const firstKpiId = sqlite.prepare('select id from kpis where plan_id = ? order by sort_order limit 1').pluck().get(planId) as string;
    const lastPeriod = sqlite.prepare('select max(period) from kpi_values where kpi_id = ?').pluck().get(firstKpiId) as string;

    const compared = (label: string, result: Awaited<ReturnType<typeof compare>>): Figure => ({ label, ours: result.ours, raw: result.raw, rawLabel: 'raw SQL', ratio: result.ratio });
    const operations: Record<string, Figure> = {};
    operations['start-app'] = { label: 'start the app on the file (openApp, with quick_check)', ours: startApp };
    operations['plans.overview'] = compared(
      'open a plan (plans.overview)',
      await compare(runs.reads, () => call(app, 'plans.overview', { planId }), () => raw.overview(planId)),
    );
    operations['actions.list'] = compared(
      'list its actions (actions.list)',
      await compare(runs.reads, () => call(app, 'actions.list', { planId }), () => raw.actions(planId)),
    );
    operations['plans.update'] = compared(
      'one edit (plans.update of the title)',
      await compare(
        runs.edits,
        (round) => call(app, 'plans.update', { planId, title: `Improvement plan, edit ${round}` }),
        (round) => raw.edit(planId, `Improvement plan, raw edit ${round}`),
      ),
    );
    // plans.update answers with the plan's summary, counted again over all its actions; this row
    // gives the baseline the same answer to fetch, so the two edit rows tell the write from the read.
    operations['plans.update-answered'] = compared(
      'one edit and its answer (raw side re-reads the summary)',
      await compare(
        runs.edits,
        (round) => call(app, 'plans.update', { planId, title: `Improvement plan, answered edit ${round}` }),
        (round) => {
          raw.edit(planId, `Improvement plan, raw answered edit ${round}`);
          return raw.summary(planId);
        },
      ),
    );
    // The action table's own query: filtered by RAG and sorted by due date, and searched, as the screen asks.
    operations['actions.query'] = compared(
      'the action table filtered and sorted (actions.query; raw side reads the rows only)',
      await compare(
        runs.reads,
        () => call(app, 'actions.query', { planId, filters: { rags: ['red'] }, sort: { by: 'due', direction: 'ascending' }, search: '' }),
        () => raw.actions(planId),
      ),
    );
    operations['actions.query-search'] = compared(
      'the action table searched (actions.query; raw side reads the rows and the matches)',
      await compare(
        runs.reads,
        () => call(app, 'actions.query', { planId, filters: {}, sort: { by: 'reference', direction: 'ascending' }, search: 'Review' }),
        () => raw.searchActions(planId, '"Review"*'),
      ),
    );
    // One edit of an action as the table's inline RAG makes it: validated, written with its audit
    // entry and committed, then answered with the action's full detail.
    operations['actions.update'] = {
      label: 'one action edit (actions.update, RAG)',
      ours: await measure(runs.edits, (round) => call(app, 'actions.update', { actionId: firstActionId, rag: round % 2 === 0 ? 'amber' : 'green' })),
    };
    operations['kpis.scorecard'] = compared(
      `the KPI scorecard (kpis.scorecard, ${size.kpis.toLocaleString('en-GB')} KPIs × ${size.kpiPeriods} periods)`,
      await compare(runs.reads, () => call(app, 'kpis.scorecard', { planId }), () => raw.scorecard(planId)),
    );
    operations['kpis.series'] = compared(
      'one KPI’s series for its chart (kpis.series)',
      await compare(runs.reads, () => call(app, 'kpis.series', { kpiId: firstKpiId }), () => raw.series(firstKpiId)),
    );
    operations['kpis.setValues'] = {
      label: 'one KPI value saved from the grid (kpis.setValues)',
      ours: await measure(runs.edits, (round) =>
        call(app, 'kpis.setValues', { planId, cells: [{ kpiId: firstKpiId, period: lastPeriod, value: 50 + (round % 10) }] }),
      ),
    };
    operations['overview-output-check'] = {
      label: 'output check of plans.overview (on in tests, off in the app)',
      ours: await measure(runs.reads, () => contract['plans.overview'].output.parse(overview)),
    };
    const checked = await time(() => callChecked(app, 'db.check', {}));
    if (!checked.value.ok) throw new Error(`The database failed its check after the run: ${JSON.stringify(checked.value).slice(0, 500)}`);
    operations['db.check'] = { label: 'check the database (db.check: integrity, keys, audit chain)', ours: stats([checked.ms]) };
    return { sqlite: sqliteVersion, journalMode, synchronous, operations, auditEntries: checked.value.auditChain.entries };
  } finally {
    app.close();
  }
}
