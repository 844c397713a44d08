// @ts-check
// Loss versus step for every runner on a log scale, drawn by uPlot (vendored,
// loaded on demand). The page records one sample per frame from the core's frame
// buffer; when a run grows long, every other sample is dropped, so the chart
// costs the same however long the race runs.
import { el } from './dom.js';
import { loadClassicScript } from './katex-loader.js';
import { attachLossChartKeyboard } from './loss-chart-keyboard.js';

const MAX_SAMPLES = 2000;
const REDRAW_MS = 120;
/** uPlot's log axis handles 1e-16..1e16: smaller losses are drawn at the floor, larger ones are not drawn. */
const LOG_FLOOR = 1e-15;
const LOG_CEILING = 1e15;

/**
 * @param {HTMLElement} root
 */
export function mountLossChart(root) {
  const box = el('div', { class: 'chart', id: 'loss-chart', role: 'img', 'aria-label': 'Loss of each runner by step, logarithmic scale' });
  const status = el('p', { class: 'muted small' }, 'Losses below 1e-15 are drawn at 1e-15; runners above 1e15 leave the chart.');
  root.append(box, status);
  /** @type {any} */
  let plot = null;
  attachLossChartKeyboard(box, () => plot);
  /** @type {number[]} */
  let xs = [];
  /** @type {(number | null)[][]} */
  let ys = [];
  /** @type {{label: string, color: string}[]} */
  let series = [];
  let lastDraw = 0;
  let dirty = false;
  /** @type {any} */
  let uPlot = null;
  loadClassicScript(new URL('../../vendor/uplot/uPlot.iife.min.js', import.meta.url).href, 'uPlot')
    .then((u) => { uPlot = u; rebuild(); })
    .catch(() => { status.textContent = 'The chart library could not be loaded.'; });

  function rebuild() {
    if (!uPlot) return;
    plot?.destroy();
    const width = Math.max(260, box.clientWidth);
    plot = new uPlot({
      width, height: Math.round(Math.min(320, Math.max(200, width * 0.4))),
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: 'step' }, { label: 'loss (log)', size: 64,
        values: (/** @type {any} */ _, /** @type {number[]} */ splits) => splits.map((v) => (v == null ? '' : v >= 1e4 || v < 1e-3 ? v.toExponential(0) : String(v))) }],
      legend: { live: true },
      series: [{ label: 'step' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false, points: { show: false } }))],
    }, [xs, ...ys], box);
    dirty = false;
  }

  return {
    /** New runners: start over. @param {{label: string, color: string}[]} s */
    reset(s) {
      series = s;
      xs = [];
      ys = s.map(() => []);
      rebuild();
    },
    /** @param {number} step @param {number[]} losses */
    push(step, losses) {
      if (xs.length && step <= xs[xs.length - 1]) return;
      xs.push(step);
      losses.forEach((v, i) => ys[i]?.push(Number.isFinite(v) && v > 0 && v < LOG_CEILING ? Math.max(v, LOG_FLOOR) : null));
      if (xs.length > MAX_SAMPLES) {
        xs = xs.filter((_, k) => k % 2 === 0 || k === xs.length - 1);
        ys = ys.map((y) => y.filter((_, k) => k % 2 === 0 || k === y.length - 1));
      }
      dirty = true;
    },
    /** Redraws at most every REDRAW_MS (or now, with force). @param {boolean} [force] */
    draw(force = false) {
      const now = performance.now();
      if (!plot || !dirty || (!force && now - lastDraw < REDRAW_MS)) return;
      lastDraw = now;
      dirty = false;
      plot.setData([xs, ...ys]);
    },
    resize() { rebuild(); },
  };
}
