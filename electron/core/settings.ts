// App and plan settings: small JSON values by key, written through the audit log like every
// other change.
import { eq } from 'drizzle-orm';
import type * as z from 'zod';
import { appendAudit } from '../../db/audit';
import type { UnitOfWork } from '../../db/records';
import { settings } from '../../db/schema';
import type { Core } from './core';

export function readSetting<T extends z.ZodType>(core: Core, key: string, schema: T): z.output<T> | null {
  const row = core.db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return null;
  const parsed = schema.safeParse(row.value);
  // A value from an older shape is treated as unset rather than trusted.
  return parsed.success ? parsed.data : null;
}

export function writeSetting(unit: UnitOfWork, key: string, value: unknown, planId: string | null = null): void {
  const before = unit.db.select().from(settings).where(eq(settings.key, key)).get();
  unit.db
    .insert(settings)
    .values({ key, value, updatedAt: unit.now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: unit.now } })
    .run();
  unit.changed.add('settings');
  appendAudit(unit.db.$client, {
    changeId: unit.changeId,
    at: unit.now,
    actor: unit.actor,
    entityType: 'settings',
    entityId: key,
    planId,
    operation: before ? 'update' : 'create',
    before: before ? JSON.stringify(before.value) : null,
    after: JSON.stringify(value),
  });
}

/** Removes a setting, as the undo of the change that first made it. */
export function deleteSetting(unit: UnitOfWork, key: string, planId: string | null = null): void {
  const before = unit.db.select().from(settings).where(eq(settings.key, key)).get();
  if (!before) return;
  unit.db.delete(settings).where(eq(settings.key, key)).run();
  unit.changed.add('settings');
  appendAudit(unit.db.$client, {
    changeId: unit.changeId,
    at: unit.now,
    actor: unit.actor,
    entityType: 'settings',
    entityId: key,
    planId,
    operation: 'delete',
    before: JSON.stringify(before.value),
    after: null,
  });
}
