// Records inserted in bulk are indexed for search exactly as the triggers index records inserted
// one by one, and a failed bulk insert leaves the triggers and the index as they were.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertingInBulk } from '../../db/search-index';
import { newId } from '../../db/ids';
import { makeTempDirectory, openTestApp, type TestApp } from '../support/temp-app';

const opened: TestApp[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});

type Row = Record<string, unknown>;

/** Copies of the demo plan's first action and first progress update under new ids, with words to find. */
function newRecords(app: TestApp, word: string, count: number): { actions: Row[]; updates: Row[] } {
  const sqlite = app.core.db.$client;
  const action = sqlite.prepare('select * from actions where deleted_at is null order by reference limit 1').get() as Row;
  const update = sqlite.prepare('select * from progress_updates where deleted_at is null limit 1').get() as Row;
  const actions: Row[] = [];
  const updates: Row[] = [];
  for (let index = 0; index < count; index += 1) {
    const actionId = newId();
    actions.push({ ...action, id: actionId, reference: `9.${index + 1}`, title: `${word} action ${index}`, deleted_at: index === count - 1 ? '2026-01-01T00:00:00.000Z' : null });
    updates.push({ ...update, id: newId(), action_id: actionId, narrative: `${word} update ${index}` });
  }
  return { actions, updates };
}

function insert(app: TestApp, table: string, rows: Row[], inserted?: (table: string, id: string) => void): void {
  const columns = Object.keys(rows[0]!);
  const statement = app.core.db.$client.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) {
    statement.run(...columns.map((column) => row[column]));
    inserted?.(table, row.id as string);
  }
}

/** What the search index holds for these records, by their ids, as text. */
function indexed(app: TestApp, actionIds: string[], updateIds: string[]) {
  const sqlite = app.core.db.$client;
  const actions = sqlite
    .prepare('select a.id, s.reference, s.title, s.body from search_actions s join actions a on a.rowid = s.rowid where a.id in (select value from json_each(?)) order by a.id')
    .all(JSON.stringify(actionIds));
  const updates = sqlite
    .prepare('select u.id, s.narrative from search_updates s join progress_updates u on u.rowid = s.rowid where u.id in (select value from json_each(?)) order by u.id')
    .all(JSON.stringify(updateIds));
  return { actions, updates };
}

const triggers = (app: TestApp) => app.core.db.$client.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all();

describe('inserting in bulk', () => {
  it('indexes the records for search as inserting them one by one does, tombstones left out', () => {
    // Two copies of the same database, so the same records fit both.
    const oneByOne = openTestApp({ seedDemo: true });
    oneByOne.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const copy = makeTempDirectory();
    fs.copyFileSync(oneByOne.databaseFile, path.join(copy, path.basename(oneByOne.databaseFile)));
    const inBulk = openTestApp({ dataDirectory: copy });
    opened.push(oneByOne, inBulk);
    const before = triggers(inBulk);
    const records = newRecords(oneByOne, 'Kinship', 30);
    oneByOne.core.db.$client.transaction(() => {
      insert(oneByOne, 'actions', records.actions);
      insert(oneByOne, 'progress_updates', records.updates);
    })();
    inBulk.core.db.$client.transaction(() =>
      insertingInBulk(inBulk.core.db.$client, (inserted) => {
        // The same records, with the triggers set aside: nothing is indexed until the end.
        insert(inBulk, 'actions', records.actions, inserted);
        insert(inBulk, 'progress_updates', records.updates, inserted);
        expect(indexed(inBulk, records.actions.map((row) => row.id as string), []).actions).toEqual([]);
      }),
    )();

    const actionIds = records.actions.map((row) => row.id as string);
    const updateIds = records.updates.map((row) => row.id as string);
    const expected = indexed(oneByOne, actionIds, updateIds);
    expect(expected.actions).toHaveLength(29);
    expect(expected.updates).toHaveLength(30);
    expect(indexed(inBulk, actionIds, updateIds)).toEqual(expected);
    expect(triggers(inBulk)).toEqual(before);
    // And the triggers work again afterwards.
    const later: Row = { ...newRecords(inBulk, 'Fostering', 1).actions[0]!, reference: '9.99', deleted_at: null };
    insert(inBulk, 'actions', [later]);
    expect(indexed(inBulk, [later.id as string], []).actions).toHaveLength(1);
  });

  it('leaves the triggers and the index as they were when the work fails', () => {
    const app = openTestApp({ seedDemo: true });
    opened.push(app);
    const before = triggers(app);
    const records = newRecords(app, 'Adoption', 5);
    expect(() =>
      app.core.db.$client.transaction(() =>
        insertingInBulk(app.core.db.$client, (inserted) => {
          insert(app, 'actions', records.actions, inserted);
          throw new Error('The import stopped half-way.');
        }),
      )(),
    ).toThrow('The import stopped half-way.');
    expect(triggers(app)).toEqual(before);
    expect(app.core.db.$client.prepare('select count(*) from actions where id in (select value from json_each(?))').pluck().get(JSON.stringify(records.actions.map((row) => row.id)))).toBe(0);
  });

  it('refuses to run outside a transaction, where setting the triggers aside could not be undone', () => {
    const app = openTestApp({ seedDemo: true });
    opened.push(app);
    expect(() => insertingInBulk(app.core.db.$client, () => undefined)).toThrow('inside a transaction');
  });
});
