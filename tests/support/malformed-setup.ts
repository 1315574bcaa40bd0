import type { planSetupMethods } from '../../shared/contract-setup';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';

/** Malformed inputs for the plan-setup methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_PLAN_SETUP: Record<keyof typeof planSetupMethods, [unknown, string][]> = {
  'recommendations.list': [[{ planId: 'plan 1' }, 'planId'], [{ planId: ID, numbers: [12] }, '']],
  'recommendations.split': [[{}, 'text'], [{ text: 12 }, 'text'], [{ text: 'x'.repeat(100_001) }, 'text']],
  'recommendations.add': [
    [{ planId: ID, texts: [] }, 'texts'],
    [{ planId: ID, texts: ['The quality of management oversight.', '   '] }, 'texts.1'],
    [{ planId: ID, texts: 'The quality of management oversight.' }, 'texts'],
    [{ planId: ID, texts: ['x'.repeat(5001)] }, 'texts.0'],
    [{ planId: ID, texts: Array.from({ length: 101 }, (_, index) => `Recommendation ${index}`) }, 'texts'],
  ],
  'recommendations.update': [
    [{ recommendationId: ID, number: 0 }, 'number'],
    [{ recommendationId: ID, number: 2.5 }, 'number'],
    [{ recommendationId: ID, number: '3' }, 'number'],
    [{ recommendationId: ID, text: '' }, 'text'],
    [{ text: 'The quality of plans.' }, 'recommendationId'],
  ],
  'recommendations.delete': [[{ recommendationId: 'twelve' }, 'recommendationId']],
  'recommendations.setThemes': [
    [{ recommendationId: ID, themeIds: ['theme 1'] }, 'themeIds.0'],
    [{ recommendationId: ID }, 'themeIds'],
    [{ recommendationId: ID, themeIds: ID }, 'themeIds'],
  ],

  'themes.list': [[{}, 'planId']],
  'themes.create': [
    [{ planId: ID, reference: '', title: 'Leadership' }, 'reference'],
    [{ planId: ID, reference: 'x'.repeat(21), title: 'Leadership' }, 'reference'],
    [{ planId: ID, reference: '1', title: '  ' }, 'title'],
    [{ planId: ID, reference: '1', title: 'Leadership', leadId: 'the DCS' }, 'leadId'],
    [{ planId: ID, reference: '1', title: 'Leadership', description: 'x'.repeat(5001) }, 'description'],
  ],
  'themes.update': [
    [{ themeId: ID, reference: '' }, 'reference'],
    [{ themeId: ID, title: 'x'.repeat(301) }, 'title'],
    [{ themeId: ID, sortOrder: 2 }, ''],
  ],
  'themes.delete': [[{ themeId: 3 }, 'themeId']],

  'stages.list': [[{ planId: null }, 'planId']],
  'stages.create': [
    [{ planId: ID, name: '' }, 'name'],
    [{ planId: ID, name: 'Stabilise', startDate: '2026-02-30' }, 'startDate'],
    [{ planId: ID, name: 'Stabilise', startDate: '2026-06-04', endDate: '2026-06-03' }, 'endDate'],
  ],
  'stages.update': [
    [{ stageId: ID, startDate: '2026-06-04', endDate: '2026-01-01' }, 'endDate'],
    [{ stageId: ID, endDate: 'next spring' }, 'endDate'],
    [{ stageId: ID, name: '' }, 'name'],
  ],
  'stages.delete': [[{}, 'stageId']],

  'reviews.list': [[{ planId: ID, kind: 'monitoring-visit' }, '']],
  'reviews.create': [
    [{ planId: ID, kind: 'inspection', title: 'First monitoring visit' }, 'kind'],
    [{ planId: ID, kind: 'monitoring-visit', title: '' }, 'title'],
    [{ planId: ID, kind: 'monitoring-visit', title: 'First monitoring visit', visitStartDate: '2026-06-09', visitEndDate: '2026-06-08' }, 'visitEndDate'],
    [{ planId: ID, kind: 'monitoring-visit', title: 'First monitoring visit', visitStartDate: '2026-06-09', visitEndDate: '2026-06-10', letterDate: '2026-06-09' }, 'letterDate'],
    [{ planId: ID, kind: 'monitoring-visit', title: 'First monitoring visit', letterPublished: 'yes' }, 'letterPublished'],
  ],
  'reviews.update': [
    [{ reviewId: ID, kind: 'ofsted' }, 'kind'],
    [{ reviewId: ID, visitStartDate: '2026-06-09', letterDate: '2026-05-01' }, 'letterDate'],
    [{ reviewId: ID, visitEndDate: '9 June 2026' }, 'visitEndDate'],
  ],
  'reviews.delete': [[{ reviewId: '' }, 'reviewId']],

  'findings.add': [
    [{ reviewId: ID, kind: 'weakness', text: 'Plans are not specific.' }, 'kind'],
    [{ reviewId: ID, kind: 'area-to-improve', text: ' ' }, 'text'],
    [{ kind: 'strength', text: 'Caseloads are falling.' }, 'reviewId'],
  ],
  'findings.update': [
    [{ findingId: ID, kind: 'concern' }, 'kind'],
    [{ findingId: ID, text: 'x'.repeat(5001) }, 'text'],
  ],
  'findings.delete': [[{ findingId: 'finding' }, 'findingId']],
  'findings.nextReference': [[{ findingId: ID, themeId: 'theme 3' }, 'themeId']],
  'findings.toAction': [
    [{ findingId: ID, reference: '' }, 'reference'],
    [{ findingId: ID, reference: 'x'.repeat(31) }, 'reference'],
    [{ findingId: ID, dueDate: '2026-13-01' }, 'dueDate'],
    [{ findingId: ID, ownerId: 'Rachel Okafor' }, 'ownerId'],
    [{ findingId: ID, title: '' }, 'title'],
    [{ findingId: ID, rag: 'red' }, ''],
  ],
};
