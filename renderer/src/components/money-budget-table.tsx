// The plan's budget as one table: a row for each line, recurrent growth then one-off investment,
// a column for each financial year with the allocation and, beneath it, the spend; totals by
// kind and overall.
import type { ReactNode } from 'react';
import { BUDGET_KINDS, BUDGET_KIND_LABELS, formatPounds, type Amounts, type BudgetKind } from '../../../shared/budget';
import type { Budget, BudgetLine } from '../../../shared/contract-money';

const GROUP_TITLES: Record<BudgetKind, string> = {
  recurrent: 'Recurrent growth',
  'one-off': 'One-off investment',
};

/** An allocation and its spend, the spend marked when it runs over. */
export function AmountCell({ amounts }: { amounts: Amounts | undefined }) {
  if (!amounts) {
    return (
      <td className="numeric">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">nothing budgeted</span>
      </td>
    );
  }
  const over = amounts.spentPence > amounts.allocatedPence;
  return (
    <td className="numeric money-amount">
      <span className="visually-hidden">Allocated </span>
      <span className="money-allocated">{formatPounds(amounts.allocatedPence)}</span>
      <span className={over ? 'money-spent money-over' : 'money-spent'}>
        spent {formatPounds(amounts.spentPence)}
        {over ? (
          <>
            {' '}
            <span aria-hidden="true">▲</span> over
          </>
        ) : null}
      </span>
    </td>
  );
}

function TotalRow({ heading, years, total, className }: { heading: string; years: (Amounts | undefined)[]; total: Amounts; className?: string }) {
  return (
    <tr className={className}>
      <th scope="row">{heading}</th>
      {years.map((amounts, index) => (
        <AmountCell key={index} amounts={amounts} />
      ))}
      <AmountCell amounts={total} />
      <td />
    </tr>
  );
}

export function BudgetTable({ budget, actions }: { budget: Budget; actions: (line: BudgetLine) => ReactNode }) {
  const columns = budget.years.length + 3;
  const groupTotals = (kind: BudgetKind) =>
    budget.totals.byYear.map((year) => (kind === 'recurrent' ? year.recurrent : year.oneOff));
  return (
    <div className="table-scroll">
      <table className="data-table money-budget-table">
        <caption>Each line’s allocation and, beneath it, the spend so far, by financial year, in pounds.</caption>
        <thead>
          <tr>
            <th scope="col">Budget line</th>
            {budget.years.map((year) => (
              <th scope="col" className="numeric" key={year.key}>
                {year.label}
              </th>
            ))}
            <th scope="col" className="numeric">
              All years
            </th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        {BUDGET_KINDS.map((kind) => {
          const lines = budget.lines.filter((line) => line.kind === kind);
          if (lines.length === 0) return null;
          return (
            <tbody key={kind}>
              <tr className="money-group">
                <th scope="colgroup" colSpan={columns}>
                  {GROUP_TITLES[kind]}
                </th>
              </tr>
              {lines.map((line) => (
                <tr key={line.id}>
                  <th scope="row">
                    <span className="theme-title">{line.name}</span>
                    <span className="visually-hidden"> ({BUDGET_KIND_LABELS[line.kind]})</span>
                    {line.description ? <span className="theme-description">{line.description}</span> : null}
                  </th>
                  {budget.years.map((year) => (
                    <AmountCell key={year.key} amounts={line.entries.find((entry) => entry.financialYear === year.key)} />
                  ))}
                  <AmountCell amounts={line.total} />
                  <td>
                    <div className="row-actions">{actions(line)}</div>
                  </td>
                </tr>
              ))}
              <TotalRow
                className="money-subtotal"
                heading={`${GROUP_TITLES[kind]}, all lines`}
                years={groupTotals(kind)}
                total={kind === 'recurrent' ? budget.totals.recurrent : budget.totals.oneOff}
              />
            </tbody>
          );
        })}
        <tfoot>
          <TotalRow className="money-total" heading="The whole plan" years={budget.totals.byYear.map((year) => year.total)} total={budget.totals.total} />
        </tfoot>
      </table>
    </div>
  );
}
