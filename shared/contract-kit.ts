// The building blocks every part of the contract is made of: identifiers, dates, text fields
// with their messages, and the shape of a method.
import * as z from 'zod';
import { RAG_VALUES } from './rag';
import { ACTION_STATUSES, CLASSIFICATIONS } from './vocabulary';

export const Id = z.uuid({ message: 'Expected a record identifier' });
/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export const IsoDate = z.iso.date({ message: 'Expected a real date written as YYYY-MM-DD' });
/**
 * Whether a value is a real YYYY-MM-DD date. A rule across two date fields still runs when one
 * of them failed its own check, so it compares (and writes out) only dates that passed it.
 */
export const isIsoDate = (value: unknown): value is string => IsoDate.safeParse(value).success;
export const Instant = z.string();
export const title = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(300, `The ${what} can be at most 300 characters`);
export const longText = z.string().trim().max(20_000, 'This text can be at most 20,000 characters');

export const RagSchema = z.enum(RAG_VALUES);
export const ClassificationSchema = z.enum(CLASSIFICATIONS);

export const Empty = z.object({}).strict().default({});
export const PlanOnly = z.object({ planId: Id }).strict();
export const reason = z
  .string({ message: 'Give the reason for the change' })
  .trim()
  .min(3, 'Give the reason for the change, so that the history shows why')
  .max(2000, 'The reason can be at most 2,000 characters');
export const optionalText = (max: number) => z.string().trim().max(max, `This can be at most ${max} characters`).nullable().optional();

export interface MethodDefinition {
  input: z.ZodType;
  output: z.ZodType;
  /** Whether the method changes data (and so is audited and announced to other views). */
  changes: boolean;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, changes = false) => ({
  input,
  output,
  changes,
});

/** One action as tables list it. */
export const ActionRow = z.object({
  id: Id,
  themeId: Id.nullable(),
  reference: z.string(),
  title: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  leadId: Id.nullable(),
  leadName: z.string().nullable(),
  currentDueDate: IsoDate.nullable(),
  baselineDueDate: IsoDate.nullable(),
  dueDateMoves: z.number().int(),
  status: z.enum(ACTION_STATUSES),
  rag: RagSchema.nullable(),
  lastUpdateDate: IsoDate.nullable(),
});
export type ActionRow = z.infer<typeof ActionRow>;
