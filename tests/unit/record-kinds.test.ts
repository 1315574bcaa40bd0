// Every kind of record a bundle can carry has a name people read in previews and conflicts.
import { describe, expect, it } from 'vitest';
import { TABLES_BY_NAME } from '../../db/tables';
import { describeKindCount, RECORD_KIND_LABELS } from '../../shared/record-kinds';

describe('record kinds', () => {
  it('names every record table of the schema, and nothing else', () => {
    expect(Object.keys(RECORD_KIND_LABELS).sort()).toEqual([...TABLES_BY_NAME.keys()].sort());
  });

  it('counts in words, one and many', () => {
    expect(describeKindCount('actions', 1)).toBe('1 action');
    expect(describeKindCount('kpi_values', 24_000)).toBe('24,000 KPI values');
    expect(describeKindCount('evidence', 2)).toBe('2 pieces of evidence');
  });
});
