import type { Core } from '../core';

/** Seeds the demo plan of a fictional council. */
export function seedDemoPlan(core: Core): void {
  void core;
}
