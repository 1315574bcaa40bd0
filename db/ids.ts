import { uuidv7 } from 'uuidv7';

/** A new globally unique, time-ordered record identifier (UUID v7). */
export function newId(): string {
  return uuidv7();
}
