// A workforce projection as a line chart: vacancies from now to each year end, and the leavers
// and recruits of each year. The table of years beside it is its accessible alternative; the
// lines differ by dash and point shape as well as colour, so they read in greyscale print.
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset, type Plugin } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { WorkforceProjection } from '../../../shared/contract-money';
import { formatFte } from '../../../shared/workforce';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const TEXT = '#1b1f24';
const GRID = '#d5d8db';
const FONT = "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

type Series = ChartDataset<'line', (number | null)[]>;

function series(label: string, data: (number | null)[], colour: string, dash: number[], pointStyle: 'circle' | 'triangle' | 'rect'): Series {
  return {
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5,
    borderDash: dash,
    pointStyle,
    pointRadius: 5,
    pointHoverRadius: 7,
    spanGaps: false,
  };
}

/** What the chart shows, in words, for screen readers. */
export function describeWorkforceChart(projection: WorkforceProjection): string {
  return `Line chart of ${projection.name}: vacancies now and at the end of each year, and the leavers and recruits of each year, in full-time equivalents. ${projection.summary} The table that follows gives every figure.`;
}

/**
 * The chart. Its wrapper carries `data-chart-drawn="true"` once chart.js has drawn the current
 * projection, so tests and printing can wait for it.
 */
export function WorkforceChart({ projection }: { projection: WorkforceProjection }) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { table } = projection;

  useEffect(() => {
    const wrapper = wrapperRef.current;
    const canvas = canvasRef.current;
    if (!wrapper || !canvas) return;
    wrapper.dataset.chartDrawn = 'false';
    const drawn: Plugin<'line'> = {
      id: 'workforceDrawn',
      afterRender: () => {
        wrapper.dataset.chartDrawn = 'true';
      },
    };
    const chart = new Chart<'line', (number | null)[], string>(canvas, {
      type: 'line',
      data: {
        labels: ['Now', ...table.years.map((year) => year.label)],
        datasets: [
          series('Vacancies', [table.start.vacancies, ...table.years.map((year) => year.end.vacancies)], '#1d4f91', [], 'circle'),
          series('Leavers in the year', [null, ...table.years.map((year) => year.leavers)], '#b3261e', [10, 5], 'triangle'),
          series('Recruits in the year', [null, ...table.years.map((year) => year.recruits)], '#1e6b35', [3, 3], 'rect'),
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: TEXT,
        font: { family: FONT, size: 14 },
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { color: TEXT, font: { family: FONT, size: 14 } }, grid: { color: GRID } },
          y: {
            beginAtZero: true,
            title: { display: true, text: 'Full-time equivalents (FTE)', color: TEXT, font: { family: FONT, size: 14 } },
            ticks: { color: TEXT, font: { family: FONT, size: 14 } },
            grid: { color: GRID },
          },
        },
        plugins: {
          legend: {
            position: 'bottom',
            // Hiding a line by clicking its legend would be a mouse-only control; the table has every figure.
            onClick: () => undefined,
            labels: { usePointStyle: true, boxHeight: 10, color: TEXT, font: { family: FONT, size: 14 }, padding: 20 },
          },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatFte(item.parsed.y ?? 0)}` },
          },
        },
      },
      plugins: [drawn],
    });
    return () => chart.destroy();
  }, [table]);

  return (
    <div className="money-chart" ref={wrapperRef} data-chart-drawn="false">
      <canvas ref={canvasRef} role="img" aria-label={describeWorkforceChart(projection)} />
    </div>
  );
}
