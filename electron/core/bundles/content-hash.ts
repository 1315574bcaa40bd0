// A record's content hash: the SHA-256 of its content (every column but the id and the record
// stamps; the tombstone counts) written as canonical JSON. The merge compares records by it, and
// bases keep it.
import { hash } from 'node:crypto';

/** Columns that say when and by whom, not what: left out of a record's content hash. */
export const STAMPS = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'revision']);

/** JSON with object keys sorted at every depth, so equal content always writes the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** A table's content columns in canonical order, by the columns its records come with. */
const sortedKeys = new Map<string, string[]>();

function contentKeys(row: Record<string, unknown>): string[] {
  const keys = Object.keys(row);
  const signature = keys.join(',');
  let sorted = sortedKeys.get(signature);
  if (!sorted) {
    sorted = keys.filter((key) => !STAMPS.has(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sortedKeys.set(signature, sorted);
  }
  return sorted;
}

/** Hashes already worked out, by record object: a bundle's records are compared more than once. */
const knownHashes = new WeakMap<object, string>();

/** The SHA-256 of a record's content: every column but the id and the record stamps. */
export function contentHash(row: Record<string, unknown>): string {
  const known = knownHashes.get(row);
  if (known) return known;
  const keys = contentKeys(row);
  const contentHashed = hash('sha256', isFlat(row, keys) ? JSON.stringify(row, keys) : nestedText(row, keys), 'hex');
  knownHashes.set(row, contentHashed);
  return contentHashed;
}

/** Whether no content column holds an object: then JSON.stringify, given the columns in order, writes the canonical text itself. */
function isFlat(row: Record<string, unknown>, keys: string[]): boolean {
  for (const key of keys) {
    const value = row[key];
    if (value !== null && typeof value === 'object') return false;
  }
  return true;
}

/** canonicalJson of the row without its stamps, written column by column, for a record with an object in a column. */
function nestedText(row: Record<string, unknown>, keys: string[]): string {
  let text = '{';
  for (const key of keys) {
    const value = row[key];
    if (value === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${value !== null && typeof value === 'object' ? canonicalJson(value) : JSON.stringify(value)}`;
  }
  return `${text}}`;
}

