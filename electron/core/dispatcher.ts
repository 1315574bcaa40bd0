// The dispatcher: the one entry point every transport calls. It looks the method up in the
// contract, parses the untrusted input, calls the handler and answers with an envelope. Errors
// keep their stable code; anything unexpected becomes `internal` with a message for the user,
// and the transaction it happened in has already rolled back.
import type * as z from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { AppError, type Envelope, type ErrorBody, type FieldProblem } from '../../shared/errors';
import { changesOfThisCall, type Core } from './core';
import { handlers as defaultHandlers } from './handlers';
import type { Handler, Handlers } from './handlers/types';

export interface DispatcherOptions {
  /** Also check every answer against the contract's output schema (on in tests and development). */
  checkOutputs?: boolean;
  handlers?: Handlers;
  onInternalError?: (method: string, error: unknown) => void;
}

export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

function fieldLabel(path: string): string {
  const last = path.split('.').at(-1) ?? path;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function invalidInput(method: string, fields: FieldProblem[]): ErrorBody {
  const described = fields
    .slice(0, 5)
    .map((field) => (field.path ? `${fieldLabel(field.path)} (${field.path}): ${field.message}` : field.message))
    .join('; ');
  return {
    code: 'invalid-input',
    message: `Nothing was saved, because some of what was entered is not valid. ${described}.`,
    details: { method, fields },
  };
}

export function createDispatcher(core: Core, options: DispatcherOptions = {}): Dispatch {
  const handlers = options.handlers ?? defaultHandlers;
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      const named = typeof method === 'string' ? `called “${method.slice(0, 100)}”` : 'of that name';
      return {
        ok: false,
        error: { code: 'unknown-method', message: `The app has no operation ${named}.`, details: {} },
      };
    }
    const definition = contract[method];
    try {
      // Inside the try: a check that throws rather than reporting is answered as an internal error.
      const parsed = definition.input.safeParse(rawInput ?? {});
      if (!parsed.success) return { ok: false, error: invalidInput(method, problemsOf(parsed.error)) };
      const handler = handlers[method] as Handler<MethodName>;
      const changes: string[] = [];
      const value = await changesOfThisCall.run(changes, () => handler(parsed.data as never, core));
      if (options.checkOutputs) definition.output.parse(value);
      return changes.length > 0 ? { ok: true, value, changes } : { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'invalid-input' && error.details.fields) {
          return { ok: false, error: { ...invalidInput(method, error.details.fields), message: error.message } };
        }
        return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      }
      if (isUniqueViolation(error)) {
        return {
          ok: false,
          error: {
            code: 'conflict',
            message: 'Nothing was saved: another record already uses that reference or name.',
            details: { method },
          },
        };
      }
      options.onInternalError?.(method, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong inside the app and nothing was saved. Try again; if it keeps happening, note what you did and report it.',
          details: { method },
        },
      };
    }
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
