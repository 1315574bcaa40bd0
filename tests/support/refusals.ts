// What a refused call must leave behind: an answer saying what is wrong and where, and the
// database file exactly as it was before the call.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import type { TestApp } from './temp-app';

/**
 * The SHA-256 of the app's database file once the write-ahead log has been folded into it: the
 * same hash before and after a call means the call saved nothing at all.
 */
export function databaseBytes(app: TestApp): string {
  app.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return crypto.createHash('sha256').update(fs.readFileSync(app.databaseFile)).digest('hex');
}

/**
 * Sends a call that must be refused at one form field, and checks that nothing was saved: the
 * error is `invalid-input`, its message starts "Nothing was saved", it names `path` and no other
 * field, and that field's message is `message` (to the letter when a string, matching when a
 * pattern, any message when left out).
 */
export async function expectRefusedAt(app: TestApp, method: string, input: unknown, path: string, message?: string | RegExp): Promise<void> {
  const before = databaseBytes(app);
  const answer = await app.send(method, input);
  expect(answer.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
  if (answer.ok) return;
  expect(answer.error.code, answer.error.message).toBe('invalid-input');
  expect(answer.error.message).toMatch(/^Nothing was saved/);
  const fields = answer.error.details.fields ?? [];
  expect(
    fields.map((field) => field.path),
    JSON.stringify(fields),
  ).toEqual([path]);
  if (typeof message === 'string') expect(fields[0]?.message).toBe(message);
  else if (message) expect(fields[0]?.message).toMatch(message);
  expect(databaseBytes(app)).toBe(before);
}

/**
 * Sends a call that must be refused whole with this error code, and checks that nothing was
 * saved: the message starts "Nothing was saved" and matches `message`, and, when `field` is
 * given, it is the one field named.
 */
export async function expectRefused(
  app: TestApp,
  method: string,
  input: unknown,
  refusal: { code: ErrorCode; message: RegExp; field?: string },
): Promise<void> {
  const before = databaseBytes(app);
  const answer = await app.send(method, input);
  expect(answer.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
  if (answer.ok) return;
  expect(answer.error.code, answer.error.message).toBe(refusal.code);
  expect(answer.error.message).toMatch(/^Nothing was saved/);
  expect(answer.error.message).toMatch(refusal.message);
  if (refusal.field !== undefined) {
    const fields = answer.error.details.fields ?? [];
    expect(
      fields.map((field) => field.path),
      JSON.stringify(fields),
    ).toEqual([refusal.field]);
  }
  expect(databaseBytes(app)).toBe(before);
}
