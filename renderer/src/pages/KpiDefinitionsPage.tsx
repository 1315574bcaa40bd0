import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Dialog, DialogTrigger, FieldError, Heading, Input, Label, Modal, Radio, RadioGroup, Text, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { CreateKpiInput, Kpi } from '../../../shared/contract-kpis';
import { formatKpiValue } from '../../../shared/format';
import { FREQUENCIES, FREQUENCY_LABELS, KPI_UNITS, KPI_UNIT_LABELS, POLARITIES, POLARITY_LABELS, type Frequency, type KpiUnit, type Polarity } from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice, MultiChoice } from '../components/Choice';
import { FormDialog, RemoveDialog, formText } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { LongTextField } from '../components/setup-fields';
import { usePlan } from './PlanLayout';

/** Reads a number field: empty is null; anything else was checked by the field already. */
function formNumber(form: FormData, name: string): number | null {
  const text = String(form.get(name) ?? '')
    .trim()
    .replace(/,/g, '')
    .replace(/%$/, '');
  return text === '' ? null : Number(text);
}

function checkNumber(value: string): string | null {
  const text = value.trim().replace(/,/g, '').replace(/%$/, '');
  if (text === '') return null;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) ? null : 'Enter a number, such as 85 or 12.5';
}

function NumberText({ name, label, description, defaultValue }: { name: string; label: string; description?: string; defaultValue: number | null | undefined }) {
  return (
    <TextField name={name} className="field field-narrow" defaultValue={defaultValue === null || defaultValue === undefined ? '' : String(defaultValue)} validate={checkNumber} inputMode="decimal">
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      <Input />
      <FieldError className="field-error" />
    </TextField>
  );
}

type TargetKind = 'single' | 'band';

interface Choices {
  unit: KpiUnit;
  polarity: Polarity;
  frequency: Frequency;
  targetKind: TargetKind;
}

function initialChoices(kpi?: Kpi): Choices {
  return {
    unit: kpi?.unit ?? 'percentage',
    polarity: kpi?.polarity ?? 'higher-is-better',
    frequency: kpi?.frequency ?? 'monthly',
    targetKind: kpi && kpi.targetLower !== null ? 'band' : 'single',
  };
}

function KpiFields({ kpi, choices, onChoices }: { kpi?: Kpi; choices: Choices; onChoices: (choices: Choices) => void }) {
  const set = (patch: Partial<Choices>) => onChoices({ ...choices, ...patch });
  return (
    <>
      <TextField name="reference" className="field field-narrow" defaultValue={kpi?.reference ?? ''}>
        <Label>Reference{kpi ? '' : ' (optional)'}</Label>
        <Text slot="description">{kpi ? 'Such as K01.' : 'Left empty, the next free one: K01, K02 …'}</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="name" className="field" defaultValue={kpi?.name ?? ''} isRequired>
        <Label>Name</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <LongTextField name="definition" label="Definition (optional)" description="What is counted, and over what period, so that every month means the same." defaultValue={kpi?.definition} rows={3} />
      <div className="field-row">
        <Choice label="Unit" name="unit" options={KPI_UNITS} labels={KPI_UNIT_LABELS} value={choices.unit} onChange={(unit) => set({ unit })} />
        <Choice label="Which way is better" name="polarity" options={POLARITIES} labels={POLARITY_LABELS} value={choices.polarity} onChange={(polarity) => set({ polarity })} />
        <Choice label="How often it is measured" name="frequency" options={FREQUENCIES} labels={FREQUENCY_LABELS} value={choices.frequency} onChange={(frequency) => set({ frequency })} />
      </div>
      <TextField name="source" className="field" defaultValue={kpi?.source ?? ''}>
        <Label>Source (optional)</Label>
        <Text slot="description">Where the figure comes from, such as the case management system’s monthly report.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <div className="field-row">
        <NumberText name="baselineValue" label="Baseline (optional)" defaultValue={kpi?.baselineValue} />
        <TextField name="baselinePeriod" className="field field-narrow" defaultValue={kpi?.baselinePeriod ?? ''}>
          <Label>Baseline period (optional)</Label>
          <Text slot="description">Such as March 2025 or 2024/25.</Text>
          <Input />
          <FieldError className="field-error" />
        </TextField>
      </div>
      <RadioGroup className="field" value={choices.targetKind} onChange={(value) => set({ targetKind: value as TargetKind })}>
        <Label>Target</Label>
        <Radio value="single" className="radio">
          A single target, with a tolerance for amber
        </Radio>
        <Radio value="band" className="radio">
          A band between a lower and an upper target
        </Radio>
      </RadioGroup>
      {choices.targetKind === 'single' ? (
        <div className="field-row">
          <NumberText name="targetValue" label="Target (optional)" defaultValue={kpi?.targetValue} />
          <NumberText
            name="tolerance"
            label="Tolerance (optional)"
            description="How far short of the target still counts as amber, in the KPI’s unit."
            defaultValue={kpi?.tolerance}
          />
        </div>
      ) : (
        <div className="field-row">
          <NumberText name="targetLower" label="Lower target" defaultValue={kpi?.targetLower} />
          <NumberText name="targetUpper" label="Upper target" defaultValue={kpi?.targetUpper} />
        </div>
      )}
      <p className="small muted">
        {choices.targetKind === 'band'
          ? choices.polarity === 'higher-is-better'
            ? 'At or above the upper target is green; within the band amber; below the lower target red.'
            : 'At or below the lower target is green; within the band amber; above the upper target red.'
          : 'Meeting the target is green; falling short by no more than the tolerance amber; anything worse red.'}
      </p>
    </>
  );
}

const NUMBER_FIELDS = ['baselineValue', 'targetValue', 'tolerance', 'targetLower', 'targetUpper'];

/** The form's fields, or null (with focus on the first) while a number field holds something else. */
function fieldsFromForm(form: FormData, choices: Choices): Omit<CreateKpiInput, 'planId'> | null {
  const wrong = NUMBER_FIELDS.find((name) => form.has(name) && checkNumber(String(form.get(name))) !== null);
  if (wrong) {
    document.querySelector<HTMLInputElement>(`.dialog input[name="${wrong}"]`)?.focus();
    return null;
  }
  const band = choices.targetKind === 'band';
  return {
    name: String(form.get('name') ?? ''),
    definition: formText(form, 'definition') ?? null,
    unit: choices.unit,
    polarity: choices.polarity,
    frequency: choices.frequency,
    source: formText(form, 'source') ?? null,
    baselineValue: formNumber(form, 'baselineValue'),
    baselinePeriod: formText(form, 'baselinePeriod') ?? null,
    targetValue: band ? null : formNumber(form, 'targetValue'),
    tolerance: band ? null : formNumber(form, 'tolerance'),
    targetLower: band ? formNumber(form, 'targetLower') : null,
    targetUpper: band ? formNumber(form, 'targetUpper') : null,
  };
}

function AddKpi({ planId }: { planId: string }) {
  const create = useContractMutation('kpis.create');
  const [choices, setChoices] = useState(initialChoices());
  return (
    <FormDialog
      trigger="Define a KPI"
      triggerClassName="button button-primary"
      title="Define a KPI"
      submitLabel="Add the KPI"
      mutation={create}
      onClose={() => setChoices(initialChoices())}
      onSubmit={(form, close) => {
        const fields = fieldsFromForm(form, choices);
        if (fields) create.mutate({ planId, reference: formText(form, 'reference'), ...fields }, { onSuccess: close });
      }}
    >
      <KpiFields choices={choices} onChoices={setChoices} />
    </FormDialog>
  );
}

function EditKpi({ kpi }: { kpi: Kpi }) {
  const update = useContractMutation('kpis.update');
  const [choices, setChoices] = useState(initialChoices(kpi));
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit ${kpi.reference} ${kpi.name}`}
      title={`Edit ${kpi.reference}`}
      submitLabel="Save the KPI"
      mutation={update}
      onClose={() => setChoices(initialChoices(kpi))}
      onSubmit={(form, close) => {
        const fields = fieldsFromForm(form, choices);
        if (fields) update.mutate({ kpiId: kpi.id, reference: String(form.get('reference') ?? ''), ...fields }, { onSuccess: close });
      }}
    >
      <KpiFields kpi={kpi} choices={choices} onChoices={setChoices} />
    </FormDialog>
  );
}

function LinkKpi({ planId, kpi }: { planId: string; kpi: Kpi }) {
  const setLinks = useContractMutation('kpis.setLinks');
  const themes = useContractQuery('themes.list', { planId });
  const actions = useContractQuery('actions.list', { planId });
  const [themeIds, setThemeIds] = useState(kpi.themes.map((theme) => theme.id));
  const [actionIds, setActionIds] = useState(kpi.actions.map((action) => action.id));
  return (
    <FormDialog
      trigger="Link"
      triggerClassName="button button-small"
      triggerLabel={`Link ${kpi.reference} to themes and actions`}
      title={`Link ${kpi.reference} to themes and actions`}
      submitLabel="Save the links"
      mutation={setLinks}
      onClose={() => {
        setThemeIds(kpi.themes.map((theme) => theme.id));
        setActionIds(kpi.actions.map((action) => action.id));
      }}
      onSubmit={(_form, close) => setLinks.mutate({ kpiId: kpi.id, themeIds, actionIds }, { onSuccess: close })}
    >
      <p>The scorecard groups KPIs by theme; an action’s page shows the KPIs it should move.</p>
      <MultiChoice
        label="Themes"
        anyLabel="No themes"
        options={(themes.data ?? []).map((theme) => ({ id: theme.id, label: `${theme.reference}. ${theme.title}` }))}
        value={themeIds}
        onChange={setThemeIds}
      />
      <MultiChoice
        label="Actions"
        anyLabel="No actions"
        options={(actions.data ?? []).map((action) => ({ id: action.id, label: `${action.reference} ${action.title}` }))}
        value={actionIds}
        onChange={setActionIds}
      />
    </FormDialog>
  );
}

function DeleteKpi({ kpi }: { kpi: Kpi }) {
  const remove = useContractMutation('kpis.delete');
  return (
    <RemoveDialog verb="Delete" what={`${kpi.reference} ${kpi.name}`} submitLabel="Delete the KPI" mutation={remove} onRemove={(close) => remove.mutate({ kpiId: kpi.id }, { onSuccess: close })}>
      <p>
        {kpi.valueCount > 0
          ? `Its ${kpi.valueCount} values and its comparators are deleted with it. The history keeps a record, and Undo brings it back.`
          : 'The history keeps a record, and Undo brings it back.'}
      </p>
    </RemoveDialog>
  );
}

function AddFromCatalogue({ planId }: { planId: string }) {
  const catalogue = useContractQuery('kpis.catalogue', { planId });
  const add = useContractMutation('kpis.addFromCatalogue');
  const [keys, setKeys] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const entries = catalogue.data ?? [];
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) {
          setKeys([]);
          add.reset();
        }
      }}
    >
      <Button className="button">Add from the DfE catalogue</Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog dialog-wide">
          {({ close }) => (
            <>
              <Heading slot="title">Add indicators from the catalogue</Heading>
              <p>The indicators DfE defines and publishes, and local measures most boards agree. Each comes with its definition, unit, which way is better and its source; set the targets afterwards.</p>
              {add.error ? (
                <p className="field-error" role="alert">
                  {add.error.message}
                </p>
              ) : null}
              <CheckboxGroup aria-label="Indicators" value={keys} onChange={setKeys} className="checkbox-list catalogue-list">
                {entries.map((entry) => (
                  <Checkbox key={entry.key} value={entry.key} isDisabled={entry.kpiId !== null} className="checkbox catalogue-item">
                    <span className="checkbox-box" aria-hidden="true" />
                    <span>
                      <strong>{entry.name}</strong>
                      {entry.kpiId !== null ? <span className="tag">In the plan</span> : null}
                      {entry.published ? <span className="tag">Published by DfE</span> : null}
                      <span className="small block">{entry.definition}</span>
                      <span className="small muted block">
                        {KPI_UNIT_LABELS[entry.unit]}, {POLARITY_LABELS[entry.polarity].toLowerCase()}, {FREQUENCY_LABELS[entry.frequency].toLowerCase()}. {entry.source}
                      </span>
                    </span>
                  </Checkbox>
                ))}
              </CheckboxGroup>
              <div className="form-actions">
                <Button
                  className="button button-primary"
                  isDisabled={add.isPending}
                  onPress={() =>
                    add.mutate(
                      { planId, keys },
                      {
                        onSuccess: (made) => {
                          setAdded(made.length === 1 ? `Added ${made[0]?.reference} ${made[0]?.name}.` : `Added ${made.length} KPIs.`);
                          close();
                        },
                      },
                    )
                  }
                >
                  Add {keys.length === 1 ? 'the indicator' : `${keys.length} indicators`}
                </Button>
                <Button className="button" onPress={close}>
                  Cancel
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
      <p role="status" className="visually-hidden">
        {added}
      </p>
    </DialogTrigger>
  );
}

function targetWords(kpi: Kpi): string {
  const show = (value: number) => formatKpiValue(value, kpi.unit);
  if (kpi.targetLower !== null && kpi.targetUpper !== null) return `${show(kpi.targetLower)} to ${show(kpi.targetUpper)}`;
  if (kpi.targetValue !== null) return kpi.tolerance ? `${show(kpi.targetValue)}, amber within ${show(kpi.tolerance)}` : show(kpi.targetValue);
  return 'No target';
}

export function KpiDefinitionsPage() {
  const plan = usePlan();
  const readOnly = useReadOnly();
  const kpis = useContractQuery('kpis.list', { planId: plan.id });
  return (
    <Page
      title="KPI definitions and targets"
      caption={plan.title}
      actions={
        readOnly ? null : (
          <>
            <AddFromCatalogue planId={plan.id} />
            <AddKpi planId={plan.id} />
          </>
        )
      }
    >
      {kpis.isPending ? <Loading what="the KPIs" /> : null}
      {kpis.error ? <ErrorNotice error={kpis.error} title="The KPIs could not be read" /> : null}
      {kpis.data && kpis.data.length === 0 ? <p>No KPIs yet. Define one, or add the DfE-defined indicators from the catalogue in one step.</p> : null}
      {kpis.data && kpis.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table kpi-definitions">
            <caption className="visually-hidden">The plan’s KPIs with their units, targets and links</caption>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Unit</th>
                <th scope="col">Better</th>
                <th scope="col">Measured</th>
                <th scope="col">Target</th>
                <th scope="col">Themes</th>
                <th scope="col">Actions</th>
                <th scope="col" className="numeric">
                  Values
                </th>
                {readOnly ? null : (
                  <th scope="col">
                    <span className="visually-hidden">Changes</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {kpis.data.map((kpi) => (
                <tr key={kpi.id}>
                  <th scope="row">
                    <Link to={`/plans/${plan.id}/kpis/${kpi.id}`}>
                      <span className="muted">{kpi.reference}</span> {kpi.name}
                    </Link>
                    {kpi.catalogueKey ? <span className="tag">DfE catalogue</span> : null}
                  </th>
                  <td>{KPI_UNIT_LABELS[kpi.unit]}</td>
                  <td>{POLARITY_LABELS[kpi.polarity]}</td>
                  <td>{FREQUENCY_LABELS[kpi.frequency]}</td>
                  <td>{targetWords(kpi)}</td>
                  <td>{kpi.themes.length ? kpi.themes.map((theme) => theme.reference).join(', ') : <span className="muted">None</span>}</td>
                  <td>{kpi.actions.length ? kpi.actions.map((action) => action.reference).join(', ') : <span className="muted">None</span>}</td>
                  <td className="numeric">{kpi.valueCount}</td>
                  {readOnly ? null : (
                    <td>
                      <div className="row-actions">
                        <EditKpi kpi={kpi} />
                        <LinkKpi planId={plan.id} kpi={kpi} />
                        <DeleteKpi kpi={kpi} />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
