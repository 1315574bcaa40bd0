// A workforce projection year by year, as committee reports set it out: one column for now and
// one for each financial year, one row for each figure. It is also the chart's alternative.
import type { ReactNode } from 'react';
import type { WorkforceProjection } from '../../../shared/contract-money';
import { formatFte, formatFteChange, formatVacancyRate } from '../../../shared/workforce';

function Row({ heading, now, values, className }: { heading: ReactNode; now?: string; values: ReactNode[]; className?: string }) {
  return (
    <tr className={className}>
      <th scope="row">{heading}</th>
      <td className="numeric">
        {now ?? (
          <>
            <span aria-hidden="true">–</span>
            <span className="visually-hidden">not applicable</span>
          </>
        )}
      </td>
      {values.map((value, index) => (
        <td className="numeric" key={index}>
          {value}
        </td>
      ))}
    </tr>
  );
}

export function WorkforceTable({ projection }: { projection: WorkforceProjection }) {
  const { table } = projection;
  const first = table.years[0];
  const anyBeyond = table.totals.recruitsBeyondVacancies > 0;
  return (
    <div className="table-scroll">
      <table className="data-table money-workforce-table">
        <caption>
          {projection.name}, year by year, in full-time equivalents (FTE). Filled posts, vacancies and the vacancy rate are at the end of each year;
          leavers and recruits are over the year.
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="numeric">
              Now{first ? <span className="money-column-note">start of {first.label}</span> : null}
            </th>
            {table.years.map((year) => (
              <th scope="col" className="numeric" key={year.financialYear}>
                {year.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Row heading="Filled posts" now={formatFte(table.start.filled)} values={table.years.map((year) => formatFte(year.end.filled))} />
          <Row heading="Leavers in the year" values={table.years.map((year) => formatFte(year.leavers))} />
          {table.channels.map((channel, index) => (
            <Row
              key={channel}
              className="money-channel-row"
              heading={<span className="money-channel">Recruits: {channel}</span>}
              values={table.years.map((year) => formatFte(year.recruitsByChannel[index] ?? 0))}
            />
          ))}
          <Row heading="Recruits in the year, all channels" values={table.years.map((year) => formatFte(year.recruits))} />
          <Row
            className={anyBeyond ? 'money-beyond' : undefined}
            heading={
              <>
                Recruits beyond the vacancies
                <span className="money-row-note">no post to fill: not counted as filled</span>
              </>
            }
            values={table.years.map((year) =>
              year.recruitsBeyondVacancies > 0 ? (
                <strong>
                  <span aria-hidden="true">⚠ </span>
                  {formatFte(year.recruitsBeyondVacancies)}
                </strong>
              ) : (
                formatFte(0)
              ),
            )}
          />
          <Row heading="Net change in filled posts" values={table.years.map((year) => formatFteChange(year.netChange))} />
          <Row
            className="money-key-row"
            heading="Vacancies"
            now={formatFte(table.start.vacancies)}
            values={table.years.map((year) => formatFte(year.end.vacancies))}
          />
          <Row
            className="money-key-row"
            heading="Vacancy rate"
            now={formatVacancyRate(table.start.vacancyRate)}
            values={table.years.map((year) => formatVacancyRate(year.end.vacancyRate))}
          />
        </tbody>
      </table>
    </div>
  );
}
