import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { Client } from './client';

const ClientContext = createContext<Client | null>(null);

export function ClientProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient is used outside ClientProvider');
  return client;
}

/** Reads through the contract; cached by method and input, refreshed on change events. */
export function useContractQuery<M extends MethodName>(method: M, input: MethodInput<M>): UseQueryResult<MethodOutput<M>, Error> {
  const client = useClient();
  return useQuery({ queryKey: [method, input], queryFn: () => client.call(method, input) });
}

/**
 * Refreshes every view after a change this window made, and resolves when they are fresh, so a
 * page it opens next finds the new data. Any request already running is started again, since
 * it may have begun before the change was committed.
 */
export function refreshAfterOwnChange(queries: QueryClient): Promise<void> {
  return queries.invalidateQueries();
}

export function useContractMutation<M extends MethodName>(method: M) {
  const client = useClient();
  const queries = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => client.call(method, input),
    onSuccess: () => refreshAfterOwnChange(queries),
  });
}

/**
 * Listens for changes made anywhere (another window, the command line) by long-polling
 * `events.next`, and refreshes every open view when one arrives.
 */
export function useChangeEvents(): void {
  const client = useClient();
  const queries = useQueryClient();
  useEffect(() => {
    let stopped = false;
    let after = 0;
    async function listen() {
      while (!stopped) {
        try {
          const next = await client.call('events.next', { after, waitMs: 25_000 });
          if (stopped) return;
          if (next.reset || next.events.length > 0) {
            // The change event of this window's own edit comes just after the edit's answer, whose
            // refresh has already started every request again after the commit: join those
            // rather than start them a second time. A change from another process has had no
            // refresh here yet, so anything running is started again.
            const fromThisProcess = !next.reset && next.events.every((event) => event.source === 'this-process');
            await queries.invalidateQueries(undefined, { cancelRefetch: !fromThisProcess });
          }
          after = next.sequence;
        } catch {
          // The service is restarting or unreachable; try again shortly rather than spin.
          await new Promise((resolve) => setTimeout(resolve, 3000));
        }
      }
    }
    void client.call('events.next', { after: 0, waitMs: 0 }).then((first) => {
      after = first.sequence;
      void listen();
    }, () => void listen());
    return () => {
      stopped = true;
    };
  }, [client, queries]);
}
