// The names of the events marked on a KPI chart (the inspection, monitoring visits, reviews),
// drawn in a band above the plot. Visits often fall a few weeks apart, so each label takes the
// first row where it does not overlap another, and the band grows by a row when it must.
import { layouts, type Chart, type Plugin } from 'chart.js';

export interface EventLabel {
  /** Milliseconds on the time axis. */
  at: number;
  text: string;
}

const ROW_HEIGHT = 20;
const FONT_SIZE = 11;
const PADDING = 4;
const GAP = 6;
const MAX_ROWS = 4;

interface Placed {
  text: string;
  at: number;
  /** The event's position and the label's left edge, from the box's left. */
  x: number;
  left: number;
  width: number;
  row: number;
}

class EventLabelBox {
  position = 'top' as const;
  weight = 0;
  fullSize = false;
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
    private readonly labels: EventLabel[],
    private readonly span: { min: number; max: number },
  ) {}

  isHorizontal(): boolean {
    return true;
  }

  private font(): string {
    return `${FONT_SIZE}px ${this.chart.options.font?.family ?? 'sans-serif'}`;
  }

  // Not a full-width box, so chart.js gives it the plot's width: positions on the time axis are
  // then known here, before the axis itself is laid out.
  update(maxWidth: number): void {
    const context = this.chart.ctx;
    context.save();
    context.font = this.font();
    const rowEnds: number[] = [];
    this.placed = this.labels.map((label) => {
      const x = ((label.at - this.span.min) / (this.span.max - this.span.min)) * maxWidth;
      const width = context.measureText(label.text).width + PADDING * 2;
      const left = Math.min(Math.max(x - width / 2, 0), Math.max(maxWidth - width, 0));
      let row = rowEnds.findIndex((end) => left >= end + GAP);
      if (row === -1) row = rowEnds.length < MAX_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = left + width;
      return { text: label.text, at: label.at, x, left, width, row };
    });
    context.restore();
    this.width = maxWidth;
    this.height = rowEnds.length * ROW_HEIGHT + (rowEnds.length > 0 ? 4 : 0);
  }

  draw(): void {
    const context = this.chart.ctx;
    context.save();
    context.font = this.font();
    context.textBaseline = 'middle';
    const axis = this.chart.scales.x;
    for (const label of this.placed) {
      // The axis as finally laid out may differ by a pixel or two from the width the rows were planned on.
      const x = axis ? axis.getPixelForValue(label.at) : this.left + label.x;
      const left = x - label.x + label.left;
      const top = this.top + label.row * ROW_HEIGHT + 2;
      const height = ROW_HEIGHT - 4;
      // A dotted lead from the label down to the plot, where the event's line carries on.
      context.strokeStyle = '#505a64';
      context.lineWidth = 1;
      context.setLineDash([2, 2]);
      context.beginPath();
      context.moveTo(x, top + height);
      context.lineTo(x, this.bottom);
      context.stroke();
      context.setLineDash([]);
      context.fillStyle = '#ffffff';
      context.fillRect(left, top, label.width, height);
      context.strokeRect(left + 0.5, top + 0.5, label.width - 1, height - 1);
      context.fillStyle = '#1b1f24';
      context.fillText(label.text, left + PADDING, top + height / 2);
    }
    context.restore();
  }
}

/** The labels as an inline chart.js plugin, for a time axis running from `span.min` to `span.max`. */
export function eventLabelsPlugin(labels: EventLabel[], span: { min: number; max: number }): Plugin<'line'> {
  let box: EventLabelBox | null = null;
  return {
    id: 'kpiEventLabels',
    install(chart) {
      box = new EventLabelBox(chart, labels, span);
      layouts.addBox(chart, box);
    },
    uninstall(chart) {
      if (box) layouts.removeBox(chart, box);
      box = null;
    },
  };
}
