import type { versionMethods } from '../../shared/contract-versions';

/** Malformed inputs for the version and sub-plan methods, and the field each error must name ('' for the whole input). */
export const MALFORMED_VERSIONS: Record<keyof typeof versionMethods, [unknown, string][]> = {};
