// Puts a committee pack together from the plan as it stands: the cover sheet, the words a person
// wrote, and the sections the app fills (progress by theme, the KPI scorecard and charts,
// monitoring visits, workforce, finance, the action plan), as one document of numbered blocks.
// The print view, the PDF and the Word file all render this document, so they say the same
// thing with the same paragraph numbers (3.1, 3.2 …) as council reports number them.
import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import { authorities, committees, meetings, packs, plans, progressUpdates, actions as actionsTable } from '../../../db/schema';
import type { ActionRow, RagCounts } from '../../../shared/contract';
import type { KpiSeries, ScorecardRow } from '../../../shared/contract-kpis';
import type { PackBlock, PackCell, PackContent, PackDocument } from '../../../shared/contract-packs';
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatKpiValue, formatPence } from '../../../shared/format';
import { financialQuarterPeriod } from '../../../shared/periods';
import { RAG_DISPLAY, RAG_VALUES, type Rag } from '../../../shared/rag';
import {
  ACTION_STATUS_LABELS,
  CLASSIFICATION_LABELS,
  FINDING_KIND_LABELS,
  PACK_SECTION_LABELS,
  PACK_SECTIONS,
  REVIEW_KIND_LABELS,
  type Classification,
  type PackSection,
  type PackTemplate,
} from '../../../shared/vocabulary';
import { describeProjection, formatFte, formatFteChange, formatVacancyRate } from '../../../shared/workforce';
import type { Core } from '../core';
import { scorecard, series } from '../handlers/kpi-reading';
import { listProjections, readBudget } from '../handlers/money';
import { listReviews } from '../handlers/plan-setup-reviews';
import { listActionRows } from '../handlers/plans';
import { referenceOrder } from '../handlers/plan-setup-common';

type PackRow = typeof packs.$inferSelect;

/** Who the recommendations address, as each kind of meeting is addressed. */
const ADDRESSEE: Record<PackTemplate, string> = {
  'improvement-board': 'The Board is recommended to',
  cabinet: 'Cabinet is recommended to',
  scrutiny: 'The Committee is asked to',
  'corporate-parenting': 'The Board is asked to',
};

export const DEFAULT_TITLES: Record<PackTemplate, string> = {
  'improvement-board': 'Children’s services improvement plan: progress report',
  cabinet: 'Children’s services improvement: progress report to Cabinet',
  scrutiny: 'Children’s services improvement plan: progress update for scrutiny',
  'corporate-parenting': 'Children’s services improvement plan: progress for children in care and care leavers',
};

/** The sections each kind of report usually carries; the person can add or drop any. */
const DEFAULT_SECTIONS: Record<PackTemplate, PackSection[]> = {
  'improvement-board': [...PACK_SECTIONS],
  cabinet: ['summary', 'recommendations', 'progress', 'kpis', 'kpi-charts', 'workforce', 'finance', 'next-steps', 'implications'],
  scrutiny: ['summary', 'recommendations', 'progress', 'kpis', 'kpi-charts', 'monitoring', 'next-steps', 'implications', 'action-plan'],
  'corporate-parenting': ['summary', 'recommendations', 'progress', 'kpis', 'kpi-charts', 'next-steps', 'implications'],
};

export function defaultContent(template: PackTemplate): PackContent {
  return {
    sections: DEFAULT_SECTIONS[template],
    cover: { author: '', authorContact: '', leadOfficer: '', wardsAffected: 'All wards', keyDecision: false, exempt: false, exemptReason: '' },
    summary: '',
    recommendations: `${ADDRESSEE[template]} note the progress made against the improvement plan in the reporting period, and the areas where progress is behind plan.`,
    nextSteps: '',
    implications: { financial: '', legal: '', equalities: '', risk: '' },
    chartKpiIds: null,
  };
}

const TO_BE_WRITTEN = 'To be written.';

const MAX_CHARTS_BY_DEFAULT = 20;
const UPDATE_LENGTH = 600;
/** How many off-track actions a theme's table lists; the rest are in the action plan. */
const OFF_TRACK_SHOWN = 15;

/** Text split into paragraphs at blank lines. */
function paragraphsOf(text: string): string[] {
  const found = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return found.length > 0 ? found : [TO_BE_WRITTEN];
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

function periodInWords(start: string, end: string): string {
  const quarter = financialQuarterPeriod(start);
  const exact = quarter.start === start && quarter.end === end ? ` (${quarter.label.replace(/^Q(\d)/, 'Quarter $1')})` : '';
  return `${formatLongDate(start)} to ${formatLongDate(end)}${exact}`;
}

function countRags(rows: { rag: Rag | null }[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, blue: 0, unrated: 0 };
  for (const row of rows) counts[row.rag ?? 'unrated'] += 1;
  return counts;
}

function ragWords(counts: Record<string, number>): string {
  const parts = RAG_VALUES.map((rag) => `${counts[rag] ?? 0} ${RAG_DISPLAY[rag].label.toLowerCase()}`);
  return `${parts.join(', ')} and ${counts.unrated ?? 0} not yet rated`;
}

/** "red actions have gone from 8 to 6, green from 10 to 14" — only what moved. */
function ragChanges(before: Record<string, number>, now: Record<string, number>): string | null {
  const moved = RAG_VALUES.filter((rag) => (before[rag] ?? 0) !== (now[rag] ?? 0)).map(
    (rag, index) => `${index === 0 ? `${RAG_DISPLAY[rag].label.toLowerCase()} actions have gone` : RAG_DISPLAY[rag].label.toLowerCase()} from ${before[rag] ?? 0} to ${now[rag] ?? 0}`,
  );
  return moved.length > 0 ? moved.join(', ') : null;
}

function changeCell(before: Record<string, number> | undefined, now: RagCounts): PackCell {
  if (!before) return { text: 'Not reported before' };
  const text = ragChanges(before, now);
  return { text: text ? text.charAt(0).toUpperCase() + text.slice(1) : 'No change' };
}

/** Numbers the paragraphs of one section: 3.1, 3.2 … */
class Section {
  private paragraph = 0;
  constructor(
    readonly number: string,
    readonly blocks: PackBlock[],
  ) {}

  heading(text: string, level: 2 | 3 = 2): void {
    this.blocks.push({ kind: 'heading', level, number: null, text });
  }

  say(text: string): void {
    this.paragraph += 1;
    this.blocks.push({ kind: 'paragraph', number: `${this.number}.${this.paragraph}`, text });
  }

  table(caption: string, columns: [string, 'left' | 'right', number][], rows: PackCell[][], note: string | null = null): void {
    this.blocks.push({ kind: 'table', caption, columns: columns.map(([header, align, width]) => ({ header, align, width })), rows, note });
  }
}

interface Sources {
  core: Core;
  pack: PackRow;
  content: PackContent;
  actions: ActionRow[];
  themes: { id: string; reference: string; title: string; leadName: string | null }[];
  previous: PackDocument | null;
  previousLabel: string | null;
}

function ragFacts(actions: ActionRow[], themes: Sources['themes']): PackDocument['facts'] {
  return {
    ragCounts: countRags(actions),
    themes: Object.fromEntries(themes.map((theme) => [theme.id, countRags(actions.filter((action) => action.themeId === theme.id))])),
  };
}

function progress(section: Section, sources: Sources): void {
  const { actions, themes, previous, previousLabel, pack } = sources;
  const overall = countRags(actions);
  const byTheme = new Map(themes.map((theme) => [theme.id, countRags(actions.filter((action) => action.themeId === theme.id))]));
  section.say(`At the end of the reporting period the plan has ${actions.length} actions: ${ragWords(overall)}.`);
  if (previous && previousLabel) {
    const changes = ragChanges(previous.facts.ragCounts, overall);
    section.say(changes ? `Since the last report (${previousLabel}), ${changes}.` : `The ratings are as they were at the last report (${previousLabel}).`);
  }
  section.table(
    'Actions by theme and RAG rating',
    [
      ['Theme', 'left', 4],
      ['Red', 'right', 1],
      ['Amber', 'right', 1],
      ['Green', 'right', 1],
      ['Blue', 'right', 1],
      ['Not rated', 'right', 1],
      ['Since the last report', 'left', 3],
    ],
    themes.map((theme) => {
      const counts = byTheme.get(theme.id) ?? countRags([]);
      return [
        { text: `${theme.reference}. ${theme.title}` },
        ...(['red', 'amber', 'green', 'blue', 'unrated'] as const).map((rag) => ({ text: String(counts[rag]) })),
        changeCell(previous?.facts.themes[theme.id], counts),
      ];
    }),
  );

  const updates = latestUpdatesInPeriod(sources.core, pack);
  for (const theme of themes) {
    const inTheme = actions.filter((action) => action.themeId === theme.id);
    const updated = inTheme.filter((action) => updates.has(action.id));
    const completed = inTheme.filter((action) => action.status === 'complete' && action.lastUpdateDate !== null && updates.has(action.id));
    // A board reads the exceptions: the actions off track, with what their owners said this period.
    const offTrack = inTheme.filter((action) => action.rag === 'red' || action.rag === 'amber').sort((a, b) => Number(a.rag !== 'red') - Number(b.rag !== 'red') || (a.currentDueDate ?? '9999').localeCompare(b.currentDueDate ?? '9999'));
    section.heading(`Theme ${theme.reference}: ${theme.title}`);
    const counts = byTheme.get(theme.id) ?? countRags([]);
    section.say(
      `${theme.leadName ? `Lead: ${theme.leadName}. ` : ''}${inTheme.length} ${inTheme.length === 1 ? 'action' : 'actions'} (${ragWords(counts)}); ` +
        `${updated.length} updated in the period${completed.length ? `, of which ${completed.length} ${completed.length === 1 ? 'is' : 'are'} complete` : ''}.`,
    );
    if (offTrack.length === 0) continue;
    const shown = offTrack.slice(0, OFF_TRACK_SHOWN);
    section.table(
      `Theme ${theme.reference}: actions rated red or amber`,
      [
        ['Ref', 'left', 1],
        ['Action', 'left', 4],
        ['Owner', 'left', 2],
        ['Due', 'left', 2],
        ['RAG', 'left', 2],
        ['Update in the period', 'left', 6],
      ],
      shown.map((action) => {
        const update = updates.get(action.id);
        return [
          { text: action.reference },
          { text: action.title },
          { text: action.ownerName ?? '' },
          { text: action.currentDueDate ? formatShortDate(action.currentDueDate) : '' },
          { text: '', rag: action.rag },
          { text: update ? `${formatShortDate(update.updateDate)}: ${shorten(update.narrative, UPDATE_LENGTH)}` : 'No update in the period.' },
        ];
      }),
      offTrack.length > shown.length
        ? `The ${shown.length} most pressing of ${offTrack.length} actions rated red or amber (red first); every action is in the action plan${sources.content.sections.includes('action-plan') ? ' in Appendix A' : ''}.`
        : null,
    );
  }
}

/** Each action's latest progress update dated inside the reporting period. */
function latestUpdatesInPeriod(core: Core, pack: PackRow): Map<string, { updateDate: string; narrative: string }> {
  const rows = core.db
    .select({ actionId: progressUpdates.actionId, updateDate: progressUpdates.updateDate, narrative: progressUpdates.narrative })
    .from(progressUpdates)
    .innerJoin(actionsTable, eq(actionsTable.id, progressUpdates.actionId))
    .where(
      and(
        eq(actionsTable.planId, pack.planId),
        isNull(progressUpdates.deletedAt),
        isNull(actionsTable.deletedAt),
        gte(progressUpdates.updateDate, pack.periodStart ?? '0000-01-01'),
        lte(progressUpdates.updateDate, pack.periodEnd ?? '9999-12-31'),
      ),
    )
    .all();
  const latest = new Map<string, { updateDate: string; narrative: string }>();
  for (const row of rows) {
    const known = latest.get(row.actionId);
    if (!known || row.updateDate > known.updateDate) latest.set(row.actionId, row);
  }
  return latest;
}

function comparatorText(row: ScorecardRow, kind: 'england' | 'statistical-neighbours'): string {
  const comparator = row.comparators.find((candidate) => candidate.kind === kind);
  return comparator ? `${formatKpiValue(comparator.value, row.unit, comparator.suppressionCode)} ${comparator.periodLabel}` : '–';
}

function kpiRows(core: Core, planId: string): ScorecardRow[] {
  const seen = new Set<string>();
  const rows: ScorecardRow[] = [];
  for (const group of scorecard(core, planId).groups) {
    for (const row of group.rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
  }
  return rows.sort((a, b) => referenceOrder.compare(a.reference, b.reference));
}

function kpiScorecard(section: Section, rows: ScorecardRow[]): void {
  const rated = countRags(rows.map((row) => ({ rag: row.rating.rag })));
  section.say(
    `The Board’s ${rows.length} KPIs: ${rated.green} green, ${rated.amber} amber, ${rated.red} red and ${rated.unrated} not rated against their targets. ` +
      'Each rating states the threshold behind it; the direction of travel compares the latest figure with the one before.',
  );
  const worsening = rows.filter((row) => row.travel.direction === 'worsening').map((row) => row.reference);
  if (worsening.length > 0) section.say(`Worsening since the previous figure: ${worsening.join(', ')}.`);
  const latestPeriods = new Set(rows.map((row) => row.latest?.periodLabel).filter(Boolean));
  const [commonPeriod] = latestPeriods.size === 1 ? [...latestPeriods] : [];
  section.table(
    'KPI scorecard',
    [
      ['KPI', 'left', 4],
      [commonPeriod ? `Latest (${commonPeriod})` : 'Latest', 'right', 2],
      ['Target', 'left', 2],
      ['RAG against target', 'left', 5],
      ['Direction of travel', 'left', 3],
      ['England', 'right', 1.8],
      ['Neighbours', 'right', 1.8],
    ],
    rows.map((row) => [
      { text: `${row.reference} ${row.name}` },
      {
        text: row.latest
          ? `${formatKpiValue(row.latest.value, row.unit, row.latest.suppressionCode)}${row.latest.provisional ? ' (p)' : ''}${commonPeriod ? '' : ` ${row.latest.periodLabel}`}`
          : 'No value',
      },
      { text: row.target ?? 'No target' },
      { text: row.rating.explanation.replace(/^(Red|Amber|Green): /, ''), rag: row.rating.rag },
      { text: row.travel.explanation.replace(/^(Improving|Worsening): /, '$1, ') },
      { text: comparatorText(row, 'england') },
      { text: comparatorText(row, 'statistical-neighbours') },
    ]),
    '(p) provisional. England and Neighbours (the mean of the council’s ten statistical neighbours) are the latest published figures, for the year shown.',
  );
}

function kpiCharts(section: Section, core: Core, content: PackContent, rows: ScorecardRow[]): KpiSeries[] {
  const chosen = content.chartKpiIds
    ? rows.filter((row) => content.chartKpiIds?.includes(row.id))
    : rows.filter((row) => row.rating.rag === 'red' || row.rating.rag === 'amber').slice(0, MAX_CHARTS_BY_DEFAULT);
  if (chosen.length === 0) {
    section.say('No KPI is red or amber against its target, so no trend charts are shown.');
    return [];
  }
  section.say(
    `The charts show each KPI’s figures against its target${chosen.some((row) => row.comparators.length > 0) ? ', with England, the region and statistical neighbours where published' : ''}. ` +
      'Hollow points are provisional figures; gaps are figures not published.',
  );
  return chosen.map((row) => {
    const drawn = series(core, row.id);
    section.blocks.push({
      kind: 'chart',
      kpiId: row.id,
      caption: `${row.reference} ${row.name}`,
      description: `Trend chart of ${row.reference} ${row.name}. ${row.latest ? `Latest: ${formatKpiValue(row.latest.value, row.unit, row.latest.suppressionCode)} in ${row.latest.periodLabel}. ` : ''}${row.rating.explanation} ${row.travel.explanation}`,
    });
    return drawn;
  });
}

function monitoring(section: Section, core: Core, pack: PackRow, actions: ActionRow[]): void {
  const all = listReviews(core, pack.planId);
  const inPeriod = all.filter((review) => {
    const date = review.letterDate ?? review.visitEndDate ?? review.visitStartDate;
    return date !== null && date >= (pack.periodStart ?? '') && date <= (pack.periodEnd ?? '');
  });
  const shown = inPeriod.length > 0 ? inPeriod : all.filter((review) => review.visitStartDate || review.letterDate).slice(-1);
  if (shown.length === 0) {
    section.say('There have been no monitoring visits or other reviews yet.');
    return;
  }
  if (inPeriod.length === 0) section.say('There was no monitoring visit or review in the reporting period; the latest is summarised below.');
  const ragOf = new Map(actions.map((action) => [action.id, action.rag]));
  for (const review of shown) {
    section.heading(review.title);
    const dates = [
      review.visitStartDate ? `visited ${formatLongDate(review.visitStartDate)}${review.visitEndDate && review.visitEndDate !== review.visitStartDate ? ` to ${formatLongDate(review.visitEndDate)}` : ''}` : null,
      review.letterDate ? `letter dated ${formatLongDate(review.letterDate)}${review.letterPublished ? ' (published)' : ''}` : null,
    ].filter(Boolean);
    section.say(`${REVIEW_KIND_LABELS[review.kind]}${review.focus ? ` on ${review.focus}` : ''}${dates.length ? `: ${dates.join('; ')}` : ''}.${review.summary ? ` ${review.summary}` : ''}`);
    if (review.findings.length === 0) continue;
    section.table(
      `${review.title}: findings and the council’s response`,
      [
        ['Finding', 'left', 2],
        ['What the letter says', 'left', 6],
        ['Actions in response', 'left', 5],
      ],
      review.findings.map((finding) => [
        { text: FINDING_KIND_LABELS[finding.kind] },
        { text: finding.text },
        {
          text: finding.actions.length
            ? finding.actions.map((action) => `${action.reference} ${action.title} (${ACTION_STATUS_LABELS[action.status]}${ragOf.get(action.id) ? `, ${RAG_DISPLAY[ragOf.get(action.id) as Rag].label}` : ''})`).join('; ')
            : 'No action linked yet',
        },
      ]),
    );
  }
}

function workforce(section: Section, core: Core, planId: string): void {
  const projections = listProjections(core, planId);
  if (projections.length === 0) {
    section.say('No workforce projection has been made for this plan.');
    return;
  }
  for (const projection of projections) {
    if (projections.length > 1) section.heading(projection.name);
    section.say(
      `${projection.name}: ${projection.totalPosts} posts, ${projection.currentVacancies} vacant now, annual turnover of ${projection.annualTurnoverRate}%. ${describeProjection(projection.table)}`,
    );
    const years = projection.table.years;
    section.table(
      `${projection.name}, year by year (full-time equivalents)`,
      [['Figure', 'left', 4], ['Now', 'right', 1.5], ...years.map((year): [string, 'right', number] => [year.label, 'right', 1.5])],
      [
        [{ text: 'Recruits in the year' }, { text: '–' }, ...years.map((year) => ({ text: formatFte(year.recruits) }))],
        [{ text: 'Leavers in the year' }, { text: '–' }, ...years.map((year) => ({ text: formatFte(year.leavers) }))],
        [{ text: 'Net change in filled posts' }, { text: '–' }, ...years.map((year) => ({ text: formatFteChange(year.netChange) }))],
        [{ text: 'Vacancies', strong: true }, { text: formatFte(projection.table.start.vacancies) }, ...years.map((year) => ({ text: formatFte(year.end.vacancies) }))],
        [
          { text: 'Vacancy rate', strong: true },
          { text: formatVacancyRate(projection.table.start.vacancyRate) },
          ...years.map((year) => ({ text: formatVacancyRate(year.end.vacancyRate) })),
        ],
      ],
    );
  }
}

function finance(section: Section, core: Core, planId: string): void {
  const budget = readBudget(core, planId);
  if (budget.lines.length === 0) {
    section.say('No budget lines have been recorded for this plan.');
    return;
  }
  const { totals } = budget;
  section.say(
    `The estimated cost of the plan over its years is ${formatPence(totals.estimatedCostPence)}, of which ${formatPence(totals.total.spentPence)} has been spent. ` +
      `${formatPence(totals.oneOff.allocatedPence)} of one-off investment is held for it, with ${formatPence(totals.oneOffRemainingPence)} not yet spent` +
      `${totals.recurrentLastYear ? `; recurrent growth reaches ${formatPence(totals.recurrentLastYear.allocatedPence)} a year by ${totals.recurrentLastYear.label}` : ''}.`,
  );
  section.table(
    'Allocation and spend by financial year',
    [
      ['Financial year', 'left', 2],
      ['Recurrent allocated', 'right', 2],
      ['Recurrent spent', 'right', 2],
      ['One-off allocated', 'right', 2],
      ['One-off spent', 'right', 2],
      ['Total allocated', 'right', 2],
      ['Total spent', 'right', 2],
    ],
    [
      ...totals.byYear.map((year) => [
        { text: year.label },
        { text: formatPence(year.recurrent.allocatedPence) },
        { text: formatPence(year.recurrent.spentPence) },
        { text: formatPence(year.oneOff.allocatedPence) },
        { text: formatPence(year.oneOff.spentPence) },
        { text: formatPence(year.total.allocatedPence) },
        { text: formatPence(year.total.spentPence) },
      ]),
      [
        { text: 'All years', strong: true },
        { text: formatPence(totals.recurrent.allocatedPence), strong: true },
        { text: formatPence(totals.recurrent.spentPence), strong: true },
        { text: formatPence(totals.oneOff.allocatedPence), strong: true },
        { text: formatPence(totals.oneOff.spentPence), strong: true },
        { text: formatPence(totals.total.allocatedPence), strong: true },
        { text: formatPence(totals.total.spentPence), strong: true },
      ],
    ],
  );
}

function actionPlan(blocks: PackBlock[], actions: ActionRow[], themes: Sources['themes']): void {
  blocks.push({ kind: 'page-break' });
  blocks.push({ kind: 'heading', level: 1, number: null, text: 'Appendix A: the action plan' });
  const themeOf = new Map(themes.map((theme) => [theme.id, theme.reference]));
  blocks.push({
    kind: 'table',
    caption: 'The action plan, every action with its owner, due date, status and RAG',
    columns: [
      { header: 'Ref', align: 'left', width: 1 },
      { header: 'Theme', align: 'left', width: 1.5 },
      { header: 'Action', align: 'left', width: 6 },
      { header: 'Owner', align: 'left', width: 2.5 },
      { header: 'Due', align: 'left', width: 2 },
      { header: 'Status', align: 'left', width: 2 },
      { header: 'RAG', align: 'left', width: 2 },
    ],
    rows: actions.map((action) => [
      { text: action.reference },
      { text: action.themeId ? (themeOf.get(action.themeId) ?? '') : '' },
      { text: action.title },
      { text: action.ownerName ?? '' },
      { text: action.currentDueDate ? formatShortDate(action.currentDueDate) : '' },
      { text: ACTION_STATUS_LABELS[action.status] },
      { text: '', rag: action.rag },
    ]),
    note: `${actions.length} actions. RAG ratings are shown as a word and a shape as well as a colour.`,
  });
}

/** The previous issued pack of the plan, for "since the last report". */
function previousIssued(core: Core, pack: PackRow): { document: PackDocument; label: string } | null {
  const rows = core.db
    .select({ id: packs.id, snapshot: packs.issuedSnapshot, issuedAt: packs.issuedAt, meetingId: packs.meetingId })
    .from(packs)
    .where(and(eq(packs.planId, pack.planId), eq(packs.status, 'issued'), isNull(packs.deletedAt)))
    .orderBy(desc(packs.issuedAt))
    .all()
    .filter((row) => row.id !== pack.id && row.snapshot !== null && (pack.issuedAt === null || (row.issuedAt ?? '') < pack.issuedAt));
  const [latest] = rows;
  if (!latest?.snapshot) return null;
  const document = latest.snapshot as unknown as PackDocument;
  return { document, label: `${document.cover.committee}, ${document.cover.meetingDate}` };
}

/** The meeting a pack goes to, with its committee's name; undefined for none. */
export function packMeeting(reader: Pick<Core, 'db'>, meetingId: string | null): { date: string; agendaItem: string | null; committee: string } | undefined {
  if (!meetingId) return undefined;
  return reader.db
    .select({ date: meetings.meetingDate, agendaItem: meetings.agendaItem, committee: committees.name })
    .from(meetings)
    .innerJoin(committees, eq(committees.id, meetings.committeeId))
    .where(eq(meetings.id, meetingId))
    .get();
}

/** The pack as it would print now, from the plan as it stands. */
export function buildPackDocument(core: Core, pack: PackRow): PackDocument {
  const content = pack.content as unknown as PackContent;
  const plan = core.db.select().from(plans).where(eq(plans.id, pack.planId)).get();
  if (!plan) throw new Error('The pack’s plan could not be read.');
  const authority = core.db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, plan.authorityId)).get();
  const meeting = packMeeting(core, pack.meetingId);

  const actions = listActionRows(core, pack.planId).filter((action) => action.status !== 'superseded');
  const overview = core.db.$client
    .prepare(
      `select t.id, t.reference, t.title, p.name as leadName from themes t left join people p on p.id = t.lead_id
       where t.plan_id = ? and t.deleted_at is null`,
    )
    .all(pack.planId) as Sources['themes'];
  const themes = overview.sort((a, b) => referenceOrder.compare(a.reference, b.reference));
  const previous = previousIssued(core, pack);
  const sources: Sources = { core, pack, content, actions, themes, previous: previous?.document ?? null, previousLabel: previous?.label ?? null };

  const blocks: PackBlock[] = [];
  const facts = ragFacts(actions, themes);
  let charts: KpiSeries[] = [];
  let rows: ScorecardRow[] | null = null;
  const scorecardRows = () => (rows ??= kpiRows(core, pack.planId));
  const included = PACK_SECTIONS.filter((key) => content.sections.includes(key) && key !== 'action-plan');
  included.forEach((key, index) => {
    const number = String(index + 1);
    blocks.push({ kind: 'heading', level: 1, number, text: PACK_SECTION_LABELS[key] });
    const section = new Section(number, blocks);
    switch (key) {
      case 'summary':
        for (const paragraph of paragraphsOf(content.summary)) section.say(paragraph);
        break;
      case 'recommendations':
        for (const paragraph of paragraphsOf(content.recommendations)) section.say(paragraph);
        break;
      case 'progress':
        progress(section, sources);
        break;
      case 'kpis':
        kpiScorecard(section, scorecardRows());
        break;
      case 'kpi-charts':
        charts = kpiCharts(section, core, content, scorecardRows());
        break;
      case 'monitoring':
        monitoring(section, core, pack, actions);
        break;
      case 'workforce':
        workforce(section, core, pack.planId);
        break;
      case 'finance':
        finance(section, core, pack.planId);
        break;
      case 'next-steps':
        for (const paragraph of paragraphsOf(content.nextSteps)) section.say(paragraph);
        break;
      case 'implications':
        for (const [field, label] of [
          ['financial', 'Financial implications'],
          ['legal', 'Legal implications'],
          ['equalities', 'Equalities implications'],
          ['risk', 'Risk management'],
        ] as const) {
          section.heading(label);
          for (const paragraph of paragraphsOf(content.implications[field])) section.say(paragraph);
        }
        break;
      case 'action-plan':
        break;
    }
  });
  if (content.sections.includes('action-plan')) actionPlan(blocks, actions, themes);

  const cover = content.cover;
  const period = periodInWords(pack.periodStart ?? '', pack.periodEnd ?? '');
  return {
    packId: pack.id,
    marking: CLASSIFICATION_LABELS[plan.classification as Classification],
    title: pack.title,
    authority: authority?.name ?? '',
    cover: {
      committee: meeting?.committee ?? '',
      meetingDate: meeting ? formatLongDate(meeting.date) : '',
      agendaItem: meeting?.agendaItem ?? null,
      fields: [
        { label: 'Reporting period', value: period },
        { label: 'Report author', value: cover.author || TO_BE_WRITTEN },
        { label: 'Contact', value: cover.authorContact || TO_BE_WRITTEN },
        { label: 'Lead officer', value: cover.leadOfficer || TO_BE_WRITTEN },
        { label: 'Wards affected', value: cover.wardsAffected || 'All wards' },
        { label: 'Key decision', value: cover.keyDecision ? 'Yes' : 'No' },
        { label: 'Classification', value: cover.exempt ? `Exempt from publication: ${cover.exemptReason || 'reason to be given'}` : 'Public' },
      ],
    },
    period,
    blocks,
    charts,
    facts,
    madeAt: core.clock().toISOString(),
    issued: false,
  };
}
