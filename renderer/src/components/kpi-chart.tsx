// A KPI's trend chart on the page: the canvas drawn by chart.js, named in words for screen
// readers, an image of the same chart at a fixed size for print, and the table of its values.
import { Chart } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KpiSeries } from '../../../shared/contract-kpis';
import { formatLongDate } from '../../../shared/dates';
import { formatKpiValue } from '../../../shared/format';
import { kpiChartConfig } from './kpi-chart-config';
import { describeChart, ruleBehind, tableRows, type TableCell } from './kpi-chart-data';
import { kpiChartPng } from './kpi-chart-png';
import { RagBadge } from './RagBadge';

/** The printed chart's size in CSS pixels: 17 cm by 8.5 cm, the width of an A4 page's text. */
export const PRINT_SIZE = { width: 643, height: 321, pixelRatio: 3 } as const;

/** The name of the performance measure of each chart's first draw, from `new Chart` to drawn. */
export const CHART_DRAW_MEASURE = 'kpi-chart-draw';

function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 50);
  return () => window.clearTimeout(handle);
}

/**
 * The chart. Its wrapper carries `data-chart-drawn="true"` once chart.js has drawn the current
 * series, and `data-chart-points-drawn` with the number of trend points drawn, fewer than the
 * values when a long series has been thinned; `data-print-ready="true"` once the print image is made.
 */
export function KpiChart({ series, ownLabel, showTable = true }: { series: KpiSeries; ownLabel: string; showTable?: boolean }) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const printRef = useRef<HTMLImageElement>(null);
  const description = useMemo(() => describeChart(series, ownLabel), [series, ownLabel]);

  useEffect(() => {
    const wrapper = wrapperRef.current;
    const canvas = canvasRef.current;
    if (!wrapper || !canvas) return;
    wrapper.dataset.chartDrawn = 'false';
    wrapper.dataset.printReady = 'false';
    // The first draw is timed as a performance measure, which the benchmarks read.
    const started = performance.now();
    let measured = false;
    const chart = new Chart(
      canvas,
      kpiChartConfig(series, {
        ownLabel,
        interactive: true,
        onDrawn: (drawn) => {
          if (!measured) {
            measured = true;
            performance.measure(CHART_DRAW_MEASURE, { start: started });
          }
          wrapper.dataset.chartDrawn = 'true';
          wrapper.dataset.chartPointsDrawn = String(drawn.getDatasetMeta(0).data.length);
        },
      }),
    );
    // The print image is made when the page is idle, so it is ready before anyone prints; should
    // printing start first, it is made then.
    let printed = false;
    const makePrintImage = () => {
      if (printed || !printRef.current) return;
      printed = true;
      printRef.current.src = kpiChartPng(series, ownLabel, PRINT_SIZE);
      wrapper.dataset.printReady = 'true';
    };
    const cancelIdle = whenIdle(makePrintImage);
    window.addEventListener('beforeprint', makePrintImage);
    return () => {
      cancelIdle();
      window.removeEventListener('beforeprint', makePrintImage);
      chart.destroy();
    };
  }, [series, ownLabel]);

  return (
    <div className="kpi-chart" ref={wrapperRef} data-chart-drawn="false">
      <div className="kpi-chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={description} />
      </div>
      <img ref={printRef} className="kpi-chart-print" alt={description} width={PRINT_SIZE.width} height={PRINT_SIZE.height} />
      {showTable ? <KpiChartTable series={series} ownLabel={ownLabel} /> : null}
    </div>
  );
}

function comparatorText(cell: TableCell | null, series: KpiSeries): string {
  if (!cell) return '–';
  return formatKpiValue(cell.value, series.kpi.unit, cell.suppressionCode);
}

/**
 * The chart's values as a table, behind a disclosure that the keyboard reaches. Its rows are
 * made only once it is opened, so a long series costs nothing until someone reads it.
 */
export function KpiChartTable({ series, ownLabel }: { series: KpiSeries; ownLabel: string }) {
  const [open, setOpen] = useState(false);
  const rows = useMemo(() => (open ? tableRows(series) : []), [open, series]);
  const { kpi } = series;
  const count = series.points.length;
  return (
    <details className="kpi-chart-table" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Show the chart’s values as a table ({count.toLocaleString('en-GB')} {count === 1 ? 'period' : 'periods'})
      </summary>
      {open ? (
        // The table can be wider than the page; the keyboard scrolls it once it has focus.
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of the chart’s values">
          <table className="data-table">
            <caption className="visually-hidden">
              {kpi.reference} {kpi.name}: {ownLabel}’s value, its rating and the comparators for each period
            </caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" className="numeric">
                  {ownLabel}
                </th>
                <th scope="col">Provisional</th>
                <th scope="col">RAG</th>
                <th scope="col">Note</th>
                {series.comparators.map((comparator) => (
                  <th scope="col" className="numeric" key={`${comparator.kind}-${comparator.label}`}>
                    {comparator.label}
                  </th>
                ))}
                <th scope="col">Marked on the chart</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="numeric">{row.point ? formatKpiValue(row.point.value, kpi.unit, row.point.suppressionCode) : '–'}</td>
                  <td>{row.point?.provisional ? 'Provisional' : ''}</td>
                  <td>
                    {row.point ? (
                      <>
                        <RagBadge rag={row.point.rating.rag} />
                        <span className="kpi-chart-table-why">{ruleBehind(row.point.rating.explanation)}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="kpi-chart-table-note">{row.point?.note ?? ''}</td>
                  {row.comparators.map((cell, index) => (
                    <td className="numeric" key={index}>
                      {comparatorText(cell, series)}
                    </td>
                  ))}
                  <td>{row.events.map((event) => `${event.label}, ${formatLongDate(event.date)}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
