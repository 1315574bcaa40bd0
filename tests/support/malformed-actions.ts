import type { actionEditingMethods } from '../../shared/contract-actions';

const ID = '0190a5f4-7b3c-7d2e-8f00-0123456789ab';
const OTHER = '0190a5f4-7b3c-7d2e-8f00-0123456789ac';
/** Base64 of one byte over the 20 MB evidence limit. */
const OVER_LIMIT = 'A'.repeat(((20 * 1024 * 1024 + 1) / 3) * 4);

/** Malformed inputs for the action-editing methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_ACTION_EDITING: Record<keyof typeof actionEditingMethods, [unknown, string][]> = {
  'people.list': [[{ planId: 'Northmoor' }, 'planId'], [{ planId: ID, authorityId: ID }, '']],
  'people.create': [
    [{ planId: ID, name: '  ' }, 'name'],
    [{ planId: ID, name: 'Rachel Okafor', email: 'rachel at northmoor' }, 'email'],
    [{ planId: ID, name: 'Rachel Okafor', jobTitle: 'x'.repeat(201) }, 'jobTitle'],
  ],
  'actions.get': [[{ actionId: '2.3' }, 'actionId'], [{}, 'actionId']],
  'actions.choices': [[{ actionId: 7 }, 'actionId']],
  'actions.create': [
    [{ planId: ID, reference: '', title: 'Audit case files' }, 'reference'],
    [{ planId: ID, reference: '2.3', title: '   ' }, 'title'],
    [{ planId: ID, reference: '2.3', title: 'Audit', startDate: '2026-06-04', dueDate: '2026-06-01' }, 'dueDate'],
    [{ planId: ID, reference: '2.3', title: 'Audit', startDate: '2026-06-04', completedDate: '2026-05-01' }, 'completedDate'],
    [{ planId: ID, reference: '2.3', title: 'Audit', status: 'done' }, 'status'],
    [{ planId: ID, reference: '2.3', title: 'Audit', rag: 'purple' }, 'rag'],
    [{ planId: ID, reference: '2.3', title: 'Audit', ownerId: 'Rachel Okafor' }, 'ownerId'],
    [{ planId: ID, reference: '2.3', title: 'Audit', dueDate: '2026-02-30' }, 'dueDate'],
    [{ planId: ID, reference: 'x'.repeat(31), title: 'Audit' }, 'reference'],
  ],
  'actions.update': [
    [{ actionId: ID, title: '' }, 'title'],
    [{ actionId: ID, startDate: '4 June 2026' }, 'startDate'],
    [{ actionId: ID, currentDueDate: '2026-06-04' }, ''],
    [{ actionId: ID, themeId: 'theme 2' }, 'themeId'],
  ],
  'actions.changeDueDate': [
    [{ actionId: ID, dueDate: '2026-06-04' }, 'reason'],
    [{ actionId: ID, dueDate: '2026-06-04', reason: 'no' }, 'reason'],
    [{ actionId: ID, dueDate: '2026-06-31', reason: 'Agreed at the board' }, 'dueDate'],
  ],
  'actions.bulkUpdate': [
    [{ planId: ID, actionIds: [], rag: 'red' }, 'actionIds'],
    [{ planId: ID, actionIds: [ID] }, ''],
    [{ planId: ID, actionIds: [ID], dueDate: '2026-06-04' }, 'reason'],
    [{ planId: ID, actionIds: ['2.3'], rag: 'red' }, 'actionIds.0'],
    [{ planId: ID, actionIds: Array.from({ length: 5001 }, () => ID), rag: 'red' }, 'actionIds'],
    [{ planId: ID, actionIds: [ID], status: 'finished' }, 'status'],
  ],
  'actions.delete': [[{ actionId: '' }, 'actionId']],
  'actions.setRecommendations': [
    [{ actionId: ID, recommendationIds: ['1'] }, 'recommendationIds.0'],
    [{ actionId: ID }, 'recommendationIds'],
  ],
  'actions.setKpis': [[{ actionId: ID, kpiIds: 'K1' }, 'kpiIds']],
  'progressUpdates.create': [
    [{ actionId: ID, updateDate: '2026-06-04', narrative: '  ', authorName: 'Rachel Okafor' }, 'narrative'],
    [{ actionId: ID, updateDate: 'yesterday', narrative: 'Audits done', authorName: 'Rachel Okafor' }, 'updateDate'],
    [{ actionId: ID, updateDate: '2026-06-04', narrative: 'Audits done', authorName: '' }, 'authorName'],
    [{ actionId: ID, updateDate: '2026-06-04', narrative: 'Audits done', authorName: 'Rachel', rag: 'grey' }, 'rag'],
  ],
  'progressUpdates.update': [
    [{ progressUpdateId: ID, narrative: '' }, 'narrative'],
    [{ progressUpdateId: 'latest' }, 'progressUpdateId'],
  ],
  'progressUpdates.delete': [[{ progressUpdateId: null }, 'progressUpdateId']],
  'milestones.create': [
    [{ actionId: ID, title: '' }, 'title'],
    [{ actionId: ID, title: 'Audit tool agreed', dueDate: '2026-13-01' }, 'dueDate'],
  ],
  'milestones.update': [[{ milestoneId: ID, completedDate: 'done' }, 'completedDate']],
  'milestones.delete': [[{}, 'milestoneId']],
  'dependencies.add': [
    [{ actionId: ID, dependsOnActionId: '1.4' }, 'dependsOnActionId'],
    [{ actionId: ID, dependsOnActionId: OTHER, note: 'x'.repeat(2001) }, 'note'],
  ],
  'dependencies.remove': [[{ dependencyId: 3 }, 'dependencyId']],
  'evidence.addLink': [
    [{ actionId: ID, title: 'Audit report', url: 'javascript:alert(1)' }, 'url'],
    [{ actionId: ID, title: 'Audit report', url: 'file:///C:/audit.pdf' }, 'url'],
    [{ actionId: ID, title: '', url: 'https://northmoor.example/audit' }, 'title'],
  ],
  'evidence.addNote': [[{ actionId: ID, title: 'Board minute', note: '' }, 'note']],
  'evidence.addFile': [
    [{ actionId: ID, fileName: 'audit.pdf', mediaType: 'application/pdf', contentBase64: 'not base64!' }, 'contentBase64'],
    [{ actionId: ID, fileName: 'audit.pdf', mediaType: 'application/pdf', contentBase64: OVER_LIMIT }, 'contentBase64'],
    [{ actionId: ID, fileName: 'empty.txt', mediaType: 'text/plain', contentBase64: '' }, 'contentBase64'],
    [{ actionId: ID, fileName: '', mediaType: 'application/pdf', contentBase64: 'aGVsbG8=' }, 'fileName'],
    [{ actionId: ID, fileName: 'audit.pdf', mediaType: 'a pdf', contentBase64: 'aGVsbG8=' }, 'mediaType'],
  ],
  'evidence.remove': [[{ evidenceId: 'audit.pdf' }, 'evidenceId']],
  'attachments.get': [[{ hash: 'abc' }, 'hash'], [{ hash: 'A'.repeat(64) }, 'hash']],
};
