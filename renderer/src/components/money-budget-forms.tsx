// The forms of the plan's budget: a line (its name, kind and what it pays for) and its amounts,
// typed in pounds, one row for each financial year.
import { useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { BUDGET_KIND_DESCRIPTIONS, BUDGET_KIND_LABELS, BUDGET_KINDS, parsePounds, penceToPoundsText, type BudgetKind } from '../../../shared/budget';
import type { Budget, BudgetLine } from '../../../shared/contract-money';
import { financialYearPeriod, periodLabel } from '../../../shared/periods';
import { useContractMutation } from '../client/hooks';
import { Choice } from './Choice';
import { FormDialog, formText, RemoveDialog } from './FormDialog';
import { LongTextField } from './setup-fields';

/** The year before or after a financial year key. */
const shiftYear = (key: string, by: number) => financialYearPeriod(`${Number(key.slice(0, 4)) + by}-04-01`).key;

type AmountErrors = Record<string, string>;

/**
 * Each year's amounts from the form, or, when any field is not an amount in pounds, what is
 * wrong with each such field by its name. A blank is nothing.
 */
function readEntries(form: FormData, years: string[]): { entries: { financialYear: string; allocatedPence: number; spentPence: number }[]; errors: AmountErrors } {
  const errors: AmountErrors = {};
  const pence = (name: string) => {
    const text = String(form.get(name) ?? '');
    if (text.trim() === '') return 0;
    const reading = parsePounds(text);
    if (reading.ok) return reading.pence;
    errors[name] = reading.message;
    return 0;
  };
  const entries = years.map((financialYear, index) => ({
    financialYear,
    allocatedPence: pence(`entries.${index}.allocatedPence`),
    spentPence: pence(`entries.${index}.spentPence`),
  }));
  return { entries, errors };
}

/**
 * The amounts' own check, made when the form is sent (not when a field is left, so nothing
 * moves under a pointer on its way to the save button): the errors show at their fields, the
 * first takes focus, and an error goes as soon as its field is typed in.
 */
function useAmountErrors() {
  const [errors, setErrors] = useState<AmountErrors>({});
  return {
    errors,
    clear: (name: string) => setErrors((current) => (name in current ? Object.fromEntries(Object.entries(current).filter(([key]) => key !== name)) : current)),
    reset: () => setErrors({}),
    /** True when every amount reads as pounds; otherwise shows why not. */
    check: (found: AmountErrors) => {
      setErrors(found);
      const [first] = Object.keys(found);
      if (first === undefined) return true;
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`.money-amounts input[name="${first}"]`)?.focus());
      return false;
    },
  };
}

function PoundsField({ name, label, defaultValue, error, onEdit }: { name: string; label: string; defaultValue: string; error?: string; onEdit: (name: string) => void }) {
  return (
    <TextField
      name={name}
      className="field money-grid-field money-grid-pounds"
      aria-label={label}
      defaultValue={defaultValue}
      isInvalid={error ? true : undefined}
      onChange={() => onEdit(name)}
    >
      <Input inputMode="decimal" />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/**
 * Rows for the financial years of the budget, with buttons to add the year before the first or
 * after the last. Inputs are named as the contract's `entries`, so its refusals show at them.
 */
function AmountsGrid({
  line,
  years,
  onYears,
  errors,
  onEdit,
}: {
  line?: BudgetLine;
  years: string[];
  onYears: (years: string[]) => void;
  errors: AmountErrors;
  onEdit: (name: string) => void;
}) {
  const first = years[0];
  const last = years.at(-1);
  return (
    <fieldset className="money-amounts">
      <legend>Amounts by financial year</legend>
      <p className="muted small">In pounds, such as £1,250,000 or 1250000.50. Leave a year blank when nothing is allocated or spent in it.</p>
      <div className="table-scroll">
        <table className="money-grid">
          <thead>
            <tr>
              <th scope="col">Financial year</th>
              <th scope="col">Allocated (£)</th>
              <th scope="col">Spent (£)</th>
            </tr>
          </thead>
          <tbody>
            {years.map((key, index) => {
              const entry = line?.entries.find((candidate) => candidate.financialYear === key);
              const label = periodLabel(key);
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>
                    <PoundsField
                      name={`entries.${index}.allocatedPence`}
                      label={`Allocated in ${label}`}
                      defaultValue={entry ? penceToPoundsText(entry.allocatedPence) : ''}
                      error={errors[`entries.${index}.allocatedPence`]}
                      onEdit={onEdit}
                    />
                  </td>
                  <td>
                    <PoundsField
                      name={`entries.${index}.spentPence`}
                      label={`Spent in ${label}`}
                      defaultValue={entry ? penceToPoundsText(entry.spentPence) : ''}
                      error={errors[`entries.${index}.spentPence`]}
                      onEdit={onEdit}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {first && last ? (
        <div className="row-actions">
          <Button className="button button-small" onPress={() => onYears([shiftYear(first, -1), ...years])}>
            Add {periodLabel(shiftYear(first, -1))}
          </Button>
          <Button className="button button-small" onPress={() => onYears([...years, shiftYear(last, 1)])}>
            Add {periodLabel(shiftYear(last, 1))}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

function LineFields({ line, kind, onKind }: { line?: BudgetLine; kind: BudgetKind; onKind: (kind: BudgetKind) => void }) {
  return (
    <>
      <TextField name="name" className="field" defaultValue={line?.name ?? ''} isRequired>
        <Label>Name</Label>
        <Text slot="description">What the money pays for, such as “Social Work Academy”.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <Choice label="Kind" name="kind" options={BUDGET_KINDS} labels={BUDGET_KIND_LABELS} value={kind} onChange={onKind} />
      <p className="choice-description">{BUDGET_KIND_DESCRIPTIONS[kind]}</p>
      <LongTextField name="description" label="Description (optional)" defaultValue={line?.description} rows={2} />
    </>
  );
}

/** The budget's years and the line's, with any the form has added before or after them. */
function useYears(base: string[]) {
  const [added, setAdded] = useState<string[]>([]);
  const years = [...new Set([...base, ...added])].sort();
  return { years, setYears: (next: string[]) => setAdded(next.filter((key) => !base.includes(key))), reset: () => setAdded([]) };
}

export function AddBudgetLine({ planId, budget, first }: { planId: string; budget: Budget; first: boolean }) {
  const create = useContractMutation('budget.createLine');
  const [kind, setKind] = useState<BudgetKind>('recurrent');
  const { years, setYears, reset } = useYears(budget.years.map((year) => year.key));
  const amountErrors = useAmountErrors();
  return (
    <FormDialog
      trigger="Add a budget line"
      triggerClassName={first ? 'button button-primary' : 'button'}
      title="Add a budget line"
      submitLabel="Add the line"
      mutation={create}
      onClose={() => {
        setKind('recurrent');
        reset();
        amountErrors.reset();
      }}
      onSubmit={(form, close) => {
        const { entries, errors } = readEntries(form, years);
        if (!amountErrors.check(errors)) return;
        create.mutate(
          { planId, name: String(form.get('name') ?? ''), kind, description: formText(form, 'description') ?? null, entries },
          { onSuccess: close },
        );
      }}
    >
      <div className="money-form-wide">
        <LineFields kind={kind} onKind={setKind} />
        <AmountsGrid
          years={years}
          onYears={(next) => {
            amountErrors.reset();
            setYears(next);
          }}
          errors={amountErrors.errors}
          onEdit={amountErrors.clear}
        />
      </div>
    </FormDialog>
  );
}

export function EditBudgetLine({ line }: { line: BudgetLine }) {
  const update = useContractMutation('budget.updateLine');
  const [kind, setKind] = useState<BudgetKind>(line.kind);
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the budget line “${line.name}”`}
      title={`Edit the budget line “${line.name}”`}
      submitLabel="Save the line"
      mutation={update}
      onClose={() => setKind(line.kind)}
      onSubmit={(form, close) =>
        update.mutate(
          { budgetLineId: line.id, name: String(form.get('name') ?? ''), kind, description: formText(form, 'description') ?? null },
          { onSuccess: close },
        )
      }
    >
      <LineFields line={line} kind={kind} onKind={setKind} />
    </FormDialog>
  );
}

export function BudgetAmounts({ line, budget }: { line: BudgetLine; budget: Budget }) {
  const setEntries = useContractMutation('budget.setEntries');
  const { years, setYears, reset } = useYears([...budget.years.map((year) => year.key), ...line.entries.map((entry) => entry.financialYear)]);
  const amountErrors = useAmountErrors();
  return (
    <FormDialog
      trigger="Amounts"
      triggerClassName="button button-small"
      triggerLabel={`Amounts of “${line.name}”`}
      title={`Amounts of “${line.name}”`}
      submitLabel="Save the amounts"
      mutation={setEntries}
      onClose={() => {
        reset();
        amountErrors.reset();
      }}
      onSubmit={(form, close) => {
        const { entries, errors } = readEntries(form, years);
        if (amountErrors.check(errors)) setEntries.mutate({ budgetLineId: line.id, entries }, { onSuccess: close });
      }}
    >
      <div className="money-form-wide">
        <AmountsGrid
          line={line}
          years={years}
          onYears={(next) => {
            amountErrors.reset();
            setYears(next);
          }}
          errors={amountErrors.errors}
          onEdit={amountErrors.clear}
        />
      </div>
    </FormDialog>
  );
}

export function DeleteBudgetLine({ line }: { line: BudgetLine }) {
  const remove = useContractMutation('budget.deleteLine');
  return (
    <RemoveDialog
      verb="Delete"
      what={`the budget line “${line.name}”`}
      submitLabel="Delete the line"
      mutation={remove}
      onRemove={(close) => remove.mutate({ budgetLineId: line.id }, { onSuccess: close })}
    >
      <p>
        The line and its amounts in {line.entries.length === 1 ? 'one year' : `${line.entries.length} years`} leave the plan’s budget. The deletion is
        kept in the plan’s history.
      </p>
    </RemoveDialog>
  );
}
