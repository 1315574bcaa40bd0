// The chart's key, drawn under the plot by chart.js's layout as its own box. chart.js's legend
// shows either a line's dash or its point shape; a chart read in greyscale needs both, and the
// same key must appear in the image made for committee packs, so it is drawn here.
import { layouts, type Chart, type Plugin } from 'chart.js';
import { drawPoint } from 'chart.js/helpers';
import type { LineStyle } from './kpi-chart-data';

export type LegendSample =
  | { kind: 'line'; style: LineStyle; hollow?: boolean; width?: number }
  | { kind: 'points-only'; style: LineStyle; hollow: boolean }
  | { kind: 'gap'; style: LineStyle }
  | { kind: 'vertical'; color: string; dash: number[] }
  | { kind: 'zone'; fill: string; edge: string; dash: number[] };

export interface LegendEntry {
  label: string;
  sample: LegendSample;
}

const SAMPLE_WIDTH = 34;
const SAMPLE_GAP = 6;
const ENTRY_GAP = 20;
const ROW_HEIGHT = 20;
const FONT_SIZE = 12;

interface Placed {
  entry: LegendEntry;
  x: number;
  row: number;
}

function drawSample(context: CanvasRenderingContext2D, sample: LegendSample, x: number, y: number): void {
  context.save();
  switch (sample.kind) {
    case 'line': {
      context.strokeStyle = sample.style.color;
      context.lineWidth = sample.width ?? 2;
      context.setLineDash(sample.style.dash);
      context.beginPath();
      context.moveTo(x, y);
      context.lineTo(x + SAMPLE_WIDTH, y);
      context.stroke();
      context.setLineDash([]);
      context.fillStyle = sample.hollow ? '#ffffff' : sample.style.color;
      drawPoint(context, { pointStyle: sample.style.pointStyle, radius: 4, rotation: 0, borderWidth: 1.5 }, x + SAMPLE_WIDTH / 2, y);
      break;
    }
    case 'gap': {
      // A line that stops at a point, a space, then starts again at the next point.
      context.strokeStyle = sample.style.color;
      context.fillStyle = sample.style.color;
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(x, y);
      context.lineTo(x + 9, y);
      context.moveTo(x + SAMPLE_WIDTH - 9, y);
      context.lineTo(x + SAMPLE_WIDTH, y);
      context.stroke();
      drawPoint(context, { pointStyle: 'circle', radius: 2.5, rotation: 0, borderWidth: 1 }, x + 9, y);
      drawPoint(context, { pointStyle: 'circle', radius: 2.5, rotation: 0, borderWidth: 1 }, x + SAMPLE_WIDTH - 9, y);
      break;
    }
    case 'vertical':
      context.strokeStyle = sample.color;
      context.lineWidth = 1.5;
      context.setLineDash(sample.dash);
      context.beginPath();
      context.moveTo(x + SAMPLE_WIDTH / 2, y - 8);
      context.lineTo(x + SAMPLE_WIDTH / 2, y + 8);
      context.stroke();
      break;
    case 'points-only':
      context.strokeStyle = sample.style.color;
      context.fillStyle = sample.hollow ? '#ffffff' : sample.style.color;
      context.lineWidth = 2;
      drawPoint(context, { pointStyle: sample.style.pointStyle, radius: 5, rotation: 0, borderWidth: 2 }, x + SAMPLE_WIDTH / 2, y);
      break;
    case 'zone':
      context.fillStyle = sample.fill;
      context.fillRect(x, y - 7, SAMPLE_WIDTH, 14);
      context.strokeStyle = sample.edge;
      context.lineWidth = 1.5;
      context.setLineDash(sample.dash);
      context.strokeRect(x, y - 7, SAMPLE_WIDTH, 14);
      break;
  }
  context.restore();
}

/** A layout box under the plot that wraps its entries onto as many rows as the width needs. */
class LegendBox {
  position = 'bottom' as const;
  weight = 1000;
  fullSize = true;
  options = { display: true };
  top = 0;
  left = 0;
  right = 0;
  bottom = 0;
  width = 0;
  height = 0;
  private placed: Placed[] = [];

  constructor(
    private readonly chart: Chart,
    private readonly entries: LegendEntry[],
  ) {}

  isHorizontal(): boolean {
    return true;
  }

  private font(): string {
    return `${FONT_SIZE}px ${this.chart.options.font?.family ?? 'sans-serif'}`;
  }

  update(maxWidth: number): void {
    const context = this.chart.ctx;
    context.save();
    context.font = this.font();
    this.placed = [];
    let x = 0;
    let row = 0;
    for (const entry of this.entries) {
      const width = SAMPLE_WIDTH + SAMPLE_GAP + context.measureText(entry.label).width;
      if (x > 0 && x + width > maxWidth) {
        row += 1;
        x = 0;
      }
      this.placed.push({ entry, x, row });
      x += width + ENTRY_GAP;
    }
    context.restore();
    this.width = maxWidth;
    this.height = this.entries.length === 0 ? 0 : (row + 1) * ROW_HEIGHT + 10;
  }

  draw(): void {
    const context = this.chart.ctx;
    context.save();
    context.font = this.font();
    context.textBaseline = 'middle';
    context.fillStyle = '#1b1f24';
    for (const { entry, x, row } of this.placed) {
      const left = this.left + x;
      const middle = this.top + 10 + row * ROW_HEIGHT + ROW_HEIGHT / 2;
      drawSample(context, entry.sample, left, middle);
      context.fillText(entry.label, left + SAMPLE_WIDTH + SAMPLE_GAP, middle);
    }
    context.restore();
  }
}

/** The key as an inline chart.js plugin: each chart gets its own, with its own entries. */
export function kpiKeyPlugin(entries: LegendEntry[]): Plugin<'line'> {
  let box: LegendBox | null = null;
  return {
    id: 'kpiKey',
    install(chart) {
      box = new LegendBox(chart, entries);
      layouts.addBox(chart, box);
    },
    uninstall(chart) {
      if (box) layouts.removeBox(chart, box);
      box = null;
    },
  };
}
