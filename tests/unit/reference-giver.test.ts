// Giving references one after another gives what nextFreeReference gives, one call at a time.
import { describe, expect, it } from 'vitest';
import { nextFreeReference, referenceGiver } from '../../electron/core/handlers/plan-setup-reviews';

describe('references given in turn', () => {
  it('are the ones nextFreeReference gives when each is added to those taken', () => {
    const taken = ['1.1', '1.2', '1.4', '2.1', '2.1.3', '3', '7', 'MV1.1', '2.10'];
    const prefixes = ['1.', '1.', '2.', '', '', '3.', '1.', 'MV1.', '4.', '2.', ''];
    const give = referenceGiver(taken);
    const oneByOne = [...taken];
    for (const prefix of prefixes) {
      const expected = nextFreeReference(prefix, oneByOne);
      oneByOne.push(expected);
      expect(give(prefix)).toBe(expected);
    }
  });
});
