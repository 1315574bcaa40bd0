// How a bundle is refused: one error code, `bundle-refused`, with the problem and the file of the
// bundle it was found in, and a message that says what is wrong and what to do about it.
import { AppError } from '../../../shared/errors';
import { BundleProblem, type BundleProblemCode } from './archive';

/** The problems the archive finds, and those only the database side can find. */
export type RefusalProblem = BundleProblemCode | 'superseded-plan' | 'reference-clash' | 'unresolved-conflicts';

export function refusal(problem: RefusalProblem, entry: string | null, message: string): AppError {
  return new AppError('bundle-refused', message, { problem, entry });
}

/** Turns the archive's problems into refusals; anything else is passed on as it is. */
export function asRefusal(error: unknown): unknown {
  if (error instanceof BundleProblem) return refusal(error.problem, error.entry, error.message);
  return error;
}

/** Runs `work`, turning the archive's problems into refusals. */
export async function refusing<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asRefusal(error);
  }
}

/** A refusal of something that would change the database, said so. */
export function nothingSaved(error: unknown): unknown {
  if (error instanceof AppError && error.code === 'bundle-refused' && !error.message.startsWith('Nothing was saved')) {
    return new AppError('bundle-refused', `Nothing was saved: ${lowerFirst(error.message)}`, error.details);
  }
  return error;
}

function lowerFirst(text: string): string {
  // "The bundle …" reads on after a colon; a name or an acronym keeps its capital.
  return /^(The|This|A|An|It|Its) /.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
