import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract';
import type { Core } from '../core';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, core: Core) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** A domain's handlers, each named by its contract method. */
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };

export type Handlers = HandlerGroup<MethodName>;
