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

export interface Client {
  transport: Transport;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export function createClient(transport: Transport): Client {
  return {
    transport,
    async call(method, input) {
      const envelope = await transport.invoke(method, input);
      if (!envelope.ok) throw new ContractError(envelope.error);
      return envelope.value as never;
    },
  };
}
