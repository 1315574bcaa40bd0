import type { versionMethods } from '../../../shared/contract-versions';
import type { HandlerGroup } from './types';

export const versionHandlers: HandlerGroup<keyof typeof versionMethods> = {};
