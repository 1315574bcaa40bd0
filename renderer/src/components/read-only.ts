import { createContext, useContext } from 'react';

/**
 * Whether the pages shown are of a superseded version of a plan, kept as it was: edit controls
 * are hidden there (the services refuse any change to it as well).
 */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
