import { useState, type ReactNode } from 'react';
import type { ActionDetail } from '../../../shared/contract-actions';
import { RAG_DISPLAY, RAG_VALUES, type Rag } from '../../../shared/rag';
import { Choice } from './Choice';

/** The choice standing for "none" in a select: no owner, no theme, not rated. */
export const NONE = 'none';

/** The value of a select or text field, or null when left empty or on "none". */
export function formValue(form: FormData, name: string): string | null {
  const value = String(form.get(name) ?? '').trim();
  return value === '' || value === NONE ? null : value;
}

export type RagChoice = Rag | typeof NONE;
export const RAG_CHOICES: readonly RagChoice[] = [NONE, ...RAG_VALUES];
export const RAG_CHOICE_LABELS: Record<RagChoice, string> = {
  none: 'Not rated',
  ...Object.fromEntries(RAG_VALUES.map((rag) => [rag, RAG_DISPLAY[rag].label])),
} as Record<RagChoice, string>;

/**
 * A choice that keeps its own state and reaches the form through react-aria's hidden select,
 * so a dialog opened again starts from the saved value.
 */
export function FormChoice<T extends string>({
  label,
  name,
  options,
  labels,
  defaultValue,
  describe,
}: {
  label: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  defaultValue: T;
  /** What the chosen value means, shown under the choice. */
  describe?: (value: T) => ReactNode;
}) {
  const [value, setValue] = useState<T>(defaultValue);
  const choice = <Choice label={label} name={name} options={options} labels={labels} value={value} onChange={setValue} />;
  if (!describe) return choice;
  return (
    <div className="form-choice">
      {choice}
      <p className="choice-description">{describe(value)}</p>
    </div>
  );
}

/** A RAG choice that shows what the chosen rating means in this plan. */
export function RagChoiceField({ label, name, defaultValue, meanings }: { label: string; name: string; defaultValue: Rag | null; meanings: ActionDetail['ragMeanings'] }) {
  return (
    <FormChoice
      label={label}
      name={name}
      options={RAG_CHOICES}
      labels={RAG_CHOICE_LABELS}
      defaultValue={defaultValue ?? NONE}
      describe={(value) => (value === NONE ? 'No rating yet.' : `${RAG_DISPLAY[value].label} in this plan: ${meanings[value]}`)}
    />
  );
}

/** "moved 1 time", "moved 3 times". */
export function timesText(count: number): string {
  return `${count} ${count === 1 ? 'time' : 'times'}`;
}
