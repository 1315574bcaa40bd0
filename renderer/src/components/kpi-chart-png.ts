// A KPI chart as a PNG image of a fixed size, drawn on a canvas that never joins the page: for
// printing and for committee packs, which carry each chart as a picture.
import { Chart } from 'chart.js';
import type { KpiSeries } from '../../../shared/contract-kpis';
import { kpiChartConfig } from './kpi-chart-config';

export interface KpiChartImageSize {
  /** CSS pixels; the image has `pixelRatio` times as many. */
  width: number;
  height: number;
  /** Pixels per CSS pixel: 3 prints crisply at about 17 cm wide. */
  pixelRatio?: number;
}

/** Draws the series' chart at the given size and returns it as a `data:image/png` URL. */
export function kpiChartPng(series: KpiSeries, ownLabel: string, { width, height, pixelRatio = 3 }: KpiChartImageSize): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const chart = new Chart(canvas, kpiChartConfig(series, { ownLabel, interactive: false, devicePixelRatio: pixelRatio }));
  try {
    return chart.toBase64Image('image/png');
  } finally {
    chart.destroy();
  }
}
