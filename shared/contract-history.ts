// Contract methods for a plan's history: the audit log per record and per plan, its check, and
// undoing and redoing changes.
import type { MethodDefinition } from './contract-kit';

export const historyMethods = {} satisfies Record<string, MethodDefinition>;
