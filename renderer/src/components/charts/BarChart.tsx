/*
 * Bar charts with Chart.js (canvas). Chosen for a strict CSP: since version 3 it injects no
 * <style> element and evaluates no code; it sizes its canvas through element.style (CSSOM), which
 * `style-src 'self'` allows. Only the parts used are registered, so the rest is left out of the
 * bundle. The canvas makes the PNG export a copy of what is on screen (png.ts).
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type ChartDataset,
} from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { downloadBlob } from '../../fileBytes';
import { chartPng } from './png';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// The app's own font and ink, so that the chart (and its PNG) looks like the page around it.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif";
Chart.defaults.color = '#52606d';

export interface BarSeries {
  label: string;
  data: number[];
  color: string;
}

export interface BarChartProps {
  title: string;
  labels: string[];
  series: BarSeries[];
  /** Bars on top of each other (aging buckets) or side by side. */
  stacked?: boolean;
  /** Bars along the x axis (one per step). */
  horizontal?: boolean;
  /** Axis ticks and tooltips. */
  format: (value: number) => string;
  /** A fixed scale maximum (e.g. 1 for shares). */
  max?: number;
  /** The PNG's file name (without .png). */
  fileName: string;
  pngLabel: string;
  pngTitle: string;
  testId?: string;
}

/** A CSS colour variable of the app's stylesheet (so the chart uses the same colours as the rest). */
export function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function BarChart(props: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const [busy, setBusy] = useState(false);
  const { labels, series, stacked, horizontal, format, max, title } = props;

  useEffect(() => {
    const datasets: ChartDataset<'bar'>[] = series.map((s) => ({
      label: s.label, data: s.data, backgroundColor: s.color, borderWidth: 0, borderRadius: 2, maxBarThickness: 48,
    }));
    const valueAxis = { stacked, beginAtZero: true, max, ticks: { callback: (v: string | number) => format(Number(v)), maxTicksLimit: 6 }, grid: { color: '#e4e9ef' } };
    const categoryAxis = { stacked, grid: { display: false } };
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels, datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        // A calm app, and a PNG that is the finished picture at any moment.
        animation: false,
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}` } },
        },
      },
    };
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, config);
    return () => { chart.current?.destroy(); chart.current = null; };
  }, [labels, series, stacked, horizontal, format, max]);

  async function exportPng() {
    if (!canvas.current) return;
    setBusy(true);
    try {
      downloadBlob(await chartPng(canvas.current, title), `${props.fileName}.png`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <figure className="chart" data-testid={props.testId}>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <figcaption className="chart-actions">
        <button type="button" className="small" onClick={() => void exportPng()} disabled={busy} title={props.pngTitle} data-testid={props.testId ? `${props.testId}-png` : undefined}>
          {props.pngLabel}
        </button>
      </figcaption>
    </figure>
  );
}
