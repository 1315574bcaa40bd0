import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ErrorBody } from '../../../shared/errors';
import type { Transport } from './transport';

/** A contract call that answered with an error envelope; keeps the code and field details. */
export class ContractError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
    this.name = 'ContractError';
  }

  /** The message for one field, when the services named it. */
  fieldMessage(path: string): string | undefined {
    return this.body.details.fields?.find((field) => field.path === path)?.message;
  }
}

/** Told of every call that saved something, with the changes it made. */
export type ChangeListener = (method: MethodName, changes: string[]) => void;

export interface Client {
  transport: Transport;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  onChanges(listener: ChangeListener): () => void;
}

export function createClient(transport: Transport): Client {
  const listeners = new Set<ChangeListener>();
  return {
    transport,
    async call(method, input) {
      const envelope = await transport.invoke(method, input);
      if (!envelope.ok) throw new ContractError(envelope.error);
      if (envelope.changes?.length) for (const listener of listeners) listener(method, envelope.changes);
      return envelope.value as never;
    },
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
