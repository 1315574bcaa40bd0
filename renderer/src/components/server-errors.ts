import { useMemo } from 'react';
import { ContractError } from '../client/client';

/**
 * The services' answer to a failed save, for a form: the error, and its messages by field name
 * for react-aria's `validationErrors`. Editing any field clears the previous answer, so the form
 * can be sent again (react-aria would otherwise keep the fields invalid and hold the submit).
 */
export function useServerErrors(mutation: { error: Error | null; reset(): void }) {
  const error = mutation.error;
  const contractError = error instanceof ContractError ? error : null;
  const fieldErrors = useMemo(
    () => Object.fromEntries((contractError?.body.details.fields ?? []).map((field) => [field.path, field.message])),
    [contractError],
  );
  return {
    error,
    fieldErrors,
    hasFieldErrors: Object.keys(fieldErrors).length > 0,
    clearOnInput: () => {
      if (error) mutation.reset();
    },
  };
}
