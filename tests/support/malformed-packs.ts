import type { packMethods } from '../../shared/contract-packs';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';

/** Malformed inputs for the pack methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_PACKS: Record<keyof typeof packMethods, [unknown, string][]> = {
  'packs.list': [[{ planId: 'plan' }, 'planId']],
  'packs.get': [[{}, 'packId']],
  'packs.create': [
    [{ planId: ID, meetingId: ID, template: 'council', periodStart: '2026-04-01', periodEnd: '2026-06-30' }, 'template'],
    [{ planId: ID, meetingId: ID, template: 'cabinet', periodStart: '2026-04-31', periodEnd: '2026-06-30' }, 'periodStart'],
    [{ planId: ID, meetingId: ID, template: 'cabinet', periodStart: '2026-07-01', periodEnd: '2026-06-30' }, 'periodEnd'],
    [{ planId: ID, template: 'cabinet', periodStart: '2026-04-01', periodEnd: '2026-06-30' }, 'meetingId'],
    [{ planId: ID, meetingId: ID, template: 'cabinet', title: ' ', periodStart: '2026-04-01', periodEnd: '2026-06-30' }, 'title'],
  ],
  'packs.update': [
    [{ packId: ID, content: { summary: 'x'.repeat(20_001) } }, 'content.summary'],
    [{ packId: ID, content: { sections: ['gossip'] } }, 'content.sections.0'],
    [{ packId: ID, content: { cover: { keyDecision: 'yes' } } }, 'content.cover.keyDecision'],
    [{ packId: ID, content: { colour: 'blue' } }, 'content'],
    [{ packId: ID, periodStart: '2026-07-01', periodEnd: '2026-06-30' }, 'periodEnd'],
  ],
  'packs.delete': [[{ packId: 12 }, 'packId']],
  'packs.document': [[{ packId: 'first' }, 'packId']],
  'packs.issue': [[{ packId: ID, force: true }, '']],
  'packs.pdf': [[{ packId: null }, 'packId']],
  'packs.docx': [
    [{ packId: ID, charts: { [ID]: 'not a picture!' } }, `charts.${ID}`],
    [{ packId: ID, charts: { chart: 'iVBORw0KGgo=' } }, 'charts.chart'],
  ],
};
