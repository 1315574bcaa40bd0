import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, FieldError, Heading, Input, Label, Modal, Text, TextArea, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { AnsweringAction } from '../../../shared/contract-setup';
import { ACTION_STATUS_LABELS } from '../../../shared/vocabulary';
import { useContractQuery } from '../client/hooks';
import { Choice } from './Choice';
import { RagBadge } from './RagBadge';

/** The value a choice of a person or theme takes for "nobody" or "no theme". */
export const NONE = 'none';

/** A choice of one of the council's people, or nobody. */
export function PersonChoice({
  planId,
  label,
  name,
  noneLabel,
  value,
  onChange,
}: {
  planId: string;
  label: string;
  name: string;
  noneLabel: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const people = useContractQuery('people.list', { planId });
  const list = people.data ?? [];
  const labels: Record<string, string> = { [NONE]: noneLabel };
  for (const person of list) labels[person.id] = person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name;
  return <Choice label={label} name={name} options={[NONE, ...list.map((person) => person.id)]} labels={labels} value={value} onChange={onChange} />;
}

/** A choice of one of the plan's themes, or none. */
export function ThemeChoice({ planId, value, onChange }: { planId: string; value: string; onChange: (value: string) => void }) {
  const themes = useContractQuery('themes.list', { planId });
  const list = themes.data ?? [];
  const labels: Record<string, string> = { [NONE]: 'No theme' };
  for (const theme of list) labels[theme.id] = `${theme.reference}. ${theme.title}`;
  return <Choice label="Theme" name="themeId" options={[NONE, ...list.map((theme) => theme.id)]} labels={labels} value={value} onChange={onChange} />;
}

/** A labelled multi-line text field whose errors show beneath it. */
export function LongTextField({
  name,
  label,
  description,
  defaultValue,
  rows = 4,
  isRequired = false,
}: {
  name: string;
  label: string;
  description?: string;
  defaultValue?: string | null;
  rows?: number;
  isRequired?: boolean;
}) {
  return (
    <TextField name={name} className="field" defaultValue={defaultValue ?? ''} isRequired={isRequired}>
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      <TextArea rows={rows} />
      <FieldError className="field-error" />
    </TextField>
  );
}

/** A labelled date field; empty means not set. */
export function DateField({ name, label, defaultValue, description }: { name: string; label: string; defaultValue?: string | null; description?: string }) {
  return (
    <TextField name={name} type="date" className="field" defaultValue={defaultValue ?? ''}>
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      <Input />
      <FieldError className="field-error" />
    </TextField>
  );
}

/** A dialog that only explains, such as why something cannot be deleted yet. */
export function NoticeDialog({ trigger, triggerLabel, title, children }: { trigger: string; triggerLabel?: string; title: string; children: ReactNode }) {
  return (
    <DialogTrigger>
      <Button className="button button-small" aria-label={triggerLabel}>
        {trigger}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
          <div className="form-actions">
            <Button className="button button-primary" slot="close">
              Close
            </Button>
          </div>
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

/** The address of an action's own page. */
export const actionPath = (planId: string, actionId: string) => `/plans/${planId}/actions/${actionId}`;

/** Actions beside what they answer: reference linked to the action, title, status and RAG. */
export function AnsweringActionList({ planId, actions, label }: { planId: string; actions: AnsweringAction[]; label: string }) {
  return (
    <ul className="answering-actions" aria-label={label}>
      {actions.map((action) => (
        <li key={action.id} className={action.status === 'superseded' ? 'superseded' : undefined}>
          <Link to={actionPath(planId, action.id)} className="answering-reference">
            {action.reference}
          </Link>{' '}
          {action.title}{' '}
          <span className="answering-status">
            {ACTION_STATUS_LABELS[action.status]}
            {action.status === 'superseded' ? null : (
              <>
                {' '}
                <RagBadge rag={action.rag} />
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
