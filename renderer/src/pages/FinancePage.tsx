import { formatPounds } from '../../../shared/budget';
import type { Budget } from '../../../shared/contract-money';
import { useContractQuery } from '../client/hooks';
import { AddBudgetLine, BudgetAmounts, DeleteBudgetLine, EditBudgetLine } from '../components/money-budget-forms';
import { BudgetTable } from '../components/money-budget-table';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { usePlan } from './PlanLayout';

function yearsText(budget: Budget): string {
  const first = budget.years[0];
  const last = budget.years.at(-1);
  if (!first || !last) return 'no years yet';
  return first === last ? first.label : `${first.label} to ${last.label}`;
}

/** The figures a board asks first: what the plan costs, what is spent, what recurs, what is left. */
function Summary({ budget }: { budget: Budget }) {
  const { totals } = budget;
  const remaining = totals.oneOffRemainingPence;
  return (
    <ul className="stats money-stats" aria-label="The budget in brief">
      <li>
        <span className="stat-number">{formatPounds(totals.estimatedCostPence)}</span>
        <span className="stat-label">Estimated cost of the plan, {yearsText(budget)}</span>
      </li>
      <li>
        <span className="stat-number">{formatPounds(totals.total.spentPence)}</span>
        <span className="stat-label">Spent so far</span>
      </li>
      <li>
        <span className="stat-number">{formatPounds(totals.recurrent.allocatedPence)}</span>
        <span className="stat-label">
          Recurrent growth over the years
          {totals.recurrentLastYear ? `; ${formatPounds(totals.recurrentLastYear.allocatedPence)} a year by ${totals.recurrentLastYear.label}` : ''}
        </span>
      </li>
      <li className={remaining < 0 ? 'stat-warning' : undefined}>
        <span className="stat-number">
          {remaining < 0 ? (
            <>
              <span aria-hidden="true">▲ </span>
              {formatPounds(-remaining)} over
            </>
          ) : (
            formatPounds(remaining)
          )}
        </span>
        <span className="stat-label">
          {remaining < 0
            ? `One-off investment overspent: ${formatPounds(totals.oneOff.spentPence)} spent of ${formatPounds(totals.oneOff.allocatedPence)}`
            : `Left of ${formatPounds(totals.oneOff.allocatedPence)} one-off investment`}
        </span>
      </li>
    </ul>
  );
}

export function FinancePage() {
  const plan = usePlan();
  const budget = useContractQuery('budget.list', { planId: plan.id });
  if (budget.error) return <ErrorNotice error={budget.error} title="The plan’s budget could not be loaded" />;
  if (!budget.data) return <Loading what="the plan’s budget" />;
  const data = budget.data;

  return (
    <Page
      title="Money"
      caption={plan.title}
      actions={<AddBudgetLine planId={plan.id} budget={data} first={data.lines.length === 0} />}
    >
      <p className="lead">
        What the plan costs and what has been spent, by UK financial year (April to March): recurrent growth in the base budget, and one-off
        investment, usually held in a reserve.
      </p>
      <Summary budget={data} />
      <section aria-labelledby="budget-lines">
        <div className="section-header">
          <h2 id="budget-lines">Budget lines</h2>
        </div>
        {data.lines.length === 0 ? (
          <p>No budget lines yet. Add one for each thing the plan pays for, such as additional posts or the improvement team.</p>
        ) : (
          <BudgetTable
            budget={data}
            actions={(line) => (
              <>
                <BudgetAmounts line={line} budget={data} />
                {/* Keyed by its kind, so the form opens on the kind stored now. */}
                <EditBudgetLine key={line.kind} line={line} />
                <DeleteBudgetLine line={line} />
              </>
            )}
          />
        )}
      </section>
    </Page>
  );
}
