// Builds small plans record by record through the same audited writes the services use, so
// tests can state exactly the situation they check.
import { createRecord, type NewRecord, type RecordTable, type UnitOfWork } from '../../db/records';
import * as schema from '../../db/schema';
import { DEFAULT_RAG_MEANINGS } from '../../shared/rag';
import type { TestApp } from './temp-app';

export class PlanBuilder {
  readonly authorityId: string;
  readonly planId: string;

  constructor(
    private readonly app: TestApp,
    options: { title?: string; inspection?: Partial<NewRecord<typeof schema.inspections>> | null } = {},
  ) {
    const ids = app.core.write(null, (unit) => {
      const authority = createRecord(unit, schema.authorities, { name: 'Northmoor Borough Council' }, null);
      const inspection =
        options.inspection === null
          ? null
          : createRecord(
              unit,
              schema.inspections,
              {
                authorityId: authority.id,
                framework: 'ilacs',
                startDate: '2025-03-17',
                endDate: '2025-03-28',
                reportReceivedDate: '2025-04-30',
                overallJudgement: 'inadequate',
                ...options.inspection,
              },
              null,
            );
      const plan = createRecord(
        unit,
        schema.plans,
        {
          authorityId: authority.id,
          inspectionId: inspection?.id ?? null,
          seriesId: 'series',
          title: options.title ?? 'Improvement plan',
          ragMeanings: DEFAULT_RAG_MEANINGS,
        },
        null,
      );
      return { authorityId: authority.id, planId: plan.id };
    });
    this.authorityId = ids.authorityId;
    this.planId = ids.planId;
  }

  /** Adds one record of the plan and returns its id. */
  add<T extends RecordTable>(table: T, values: NewRecord<T>): string {
    return this.app.core.write(this.planId, (unit: UnitOfWork) => createRecord(unit, table, values, this.planId).id);
  }

  person(name: string): string {
    return this.add(schema.people, { authorityId: this.authorityId, name });
  }

  action(values: Partial<NewRecord<typeof schema.actions>> & { reference: string }): string {
    return this.add(schema.actions, { planId: this.planId, title: `Action ${values.reference}`, ...values });
  }

  update(actionId: string, updateDate: string, rag: string | null, narrative = 'Progress noted.'): string {
    return this.add(schema.progressUpdates, { actionId, updateDate, rag, narrative, authorName: 'Head of service' });
  }
}
