import { useState, type FormEvent } from 'react';
import {
  Button,
  FieldError,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  type Key,
} from 'react-aria-components';
import { useNavigate } from 'react-router';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, type Classification } from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { ErrorNotice, Page } from '../components/Page';
import { useServerErrors } from '../components/server-errors';

const CLASSIFICATION_HINTS: Record<Classification, string> = {
  official: 'The everyday marking for plans and reports.',
  'official-sensitive': 'For material that needs extra care in handling; bundles should then be sent encrypted.',
};

export function NewPlanPage() {
  const navigate = useNavigate();
  const authorities = useContractQuery('authorities.list', {});
  const create = useContractMutation('plans.create');
  const [authorityId, setAuthorityId] = useState<Key | null>(null);
  const [classification, setClassification] = useState<Classification>('official');

  const { error: serverError, fieldErrors, hasFieldErrors, clearOnInput } = useServerErrors(create);
  const chosenAuthority = authorityId ?? authorities.data?.[0]?.id ?? null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value === '' ? undefined : value;
    };
    create.mutate(
      {
        title: String(form.get('title') ?? ''),
        authorityId: String(chosenAuthority ?? ''),
        summary: text('summary'),
        startDate: text('startDate'),
        endDate: text('endDate'),
        classification,
      },
      { onSuccess: (plan) => navigate(`/plans/${plan.id}/overview`) },
    );
  }

  return (
    <Page title="New plan">
      <p>Start a blank plan. You can add the inspection, recommendations, themes and actions once it exists.</p>
      {serverError && !hasFieldErrors ? <ErrorNotice error={serverError} title="The plan was not saved" /> : null}
      {serverError && hasFieldErrors ? (
        <div className="notice notice-error" role="alert">
          <h2>The plan was not saved</h2>
          <p>Correct the fields marked below, then save again.</p>
        </div>
      ) : null}
      <div onInput={clearOnInput}>
        <Form className="form" onSubmit={submit} validationErrors={fieldErrors} validationBehavior="aria">
          <TextField name="title" isRequired className="field">
            <Label>Plan title</Label>
            <Text slot="description">For example “Children’s services improvement plan 2025 to 2027”.</Text>
            <Input />
            <FieldError className="field-error" />
          </TextField>
  
          <Select
            name="authorityId"
            className="field"
            selectedKey={chosenAuthority}
            onSelectionChange={setAuthorityId}
            isRequired
            isInvalid={Boolean(fieldErrors.authorityId)}
          >
            <Label>Council</Label>
            <Button className="select-button">
              <SelectValue />
              <span aria-hidden="true">▾</span>
            </Button>
            <FieldError className="field-error">{fieldErrors.authorityId}</FieldError>
            <Popover className="popover">
              <ListBox className="listbox" items={authorities.data ?? []}>
                {(authority) => <ListBoxItem className="listbox-item">{authority.name}</ListBoxItem>}
              </ListBox>
            </Popover>
          </Select>
  
          <div className="field-row">
            <TextField name="startDate" type="date" className="field">
              <Label>Start date</Label>
              <Input />
              <FieldError className="field-error" />
            </TextField>
            <TextField name="endDate" type="date" className="field">
              <Label>End date</Label>
              <Input />
              <FieldError className="field-error" />
            </TextField>
          </div>
  
          <RadioGroup
            className="field"
            value={classification}
            onChange={(value) => setClassification(value as Classification)}
            name="classification"
          >
            <Label>Marking</Label>
            {CLASSIFICATIONS.map((marking) => (
              <Radio key={marking} value={marking} className="radio">
                <span className="radio-label">{CLASSIFICATION_LABELS[marking]}</span>
                <span className="muted small">{CLASSIFICATION_HINTS[marking]}</span>
              </Radio>
            ))}
          </RadioGroup>
  
          <TextField name="summary" className="field">
            <Label>Summary (optional)</Label>
            <TextArea rows={4} />
            <FieldError className="field-error" />
          </TextField>
  
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isDisabled={create.isPending}>
              {create.isPending ? 'Saving…' : 'Create plan'}
            </Button>
            <Button className="button" onPress={() => navigate('/')}>
              Cancel
            </Button>
          </div>
        </Form>
      </div>
    </Page>
  );
}
