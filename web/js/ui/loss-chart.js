// @ts-check
// Loss versus step for every runner on a log scale, drawn by uPlot (vendored, loaded
// on demand). The chart appends: its axes are fixed ranges (steps up to a power of two,
// losses between two powers of ten), so a new sample only strokes the new segment of
// each curve onto the plot's canvas; the whole chart is drawn again only when a sample
// leaves the ranges (they then double or widen by a decade) or the runners change.
// When a run grows long, every other sample is dropped at the next full drawing, so the
// chart costs the same however long the race runs.
// A runner with an lr schedule adds a dashed line on a second, linear axis at the right: the
// lr its last step used (the core's value, sampled with the losses), from 0 to a round top
// (1, 2 or 5 times a power of ten) that moves up to the next one when the lr climbs past it.
import { el } from './dom.js';
import { loadClassicScript } from './katex-loader.js';
import { runnerStyle } from '../render/palette.js';
import { attachLossChartKeyboard } from './loss-chart-keyboard.js';
import { compact } from './format.js';

const MAX_SAMPLES = 2000;
/** uPlot's log axis handles 1e-16..1e16: smaller losses are drawn at the floor, larger ones are not drawn. */
const LOG_FLOOR = 1e-15;
const LOG_CEILING = 1e15;
/** The lr axis's k-th top: 1e-4, 2e-4, 5e-4, 1e-3, … (round numbers give round ticks). @param {number} k */
const lrHi = (k) => [1, 2, 5][k % 3] * 10 ** (Math.floor(k / 3) - 4);
/** The lr lines' dash pattern (CSS pixels), so they read apart from the losses without colour. */
const LR_DASH = [6, 4];

/**
 * @param {HTMLElement} root
 * @param {{ session: import('../race/session.js').RaceSession, store: import('../state/store.js').Store }} app
 */
export function mountLossChart(root, { session, store }) {
  const box = el('div', { class: 'chart', id: 'loss-chart', role: 'img',
    'aria-label': 'Loss of each runner by step, logarithmic scale; the lr of scheduled runners on the right axis' });
  const status = el('p', { class: 'muted small' }, 'Losses below 1e-15 are drawn at 1e-15; runners above 1e15 leave the chart.');
  root.append(box, status);
  /** @type {any} */
  let plot = null;
  attachLossChartKeyboard(box, () => plot);
  /** @type {number[]} */
  let xs = [];
  /** @type {(number | null)[][]} */
  let ys = [];
  /** @type {{label: string, color: string, scale?: 'lr'}[]} the losses, then the lr of scheduled runners */
  let series = [];
  /** The axes' fixed ranges; `full` when a sample left them and the chart must be drawn again. */
  const range = { xMax: 64, yLo: 1e-3, yHi: 10, lrTop: 0, full: true };
  /** Samples already on the canvas. */
  let drawn = 0;
  /** @type {any} */
  let uPlot = null;
  loadClassicScript(new URL('../../vendor/uplot/uPlot.iife.min.js', import.meta.url).href, 'uPlot')
    .then((u) => { uPlot = u; rebuild(); })
    .catch(() => { status.textContent = 'The chart library could not be loaded.'; });

  function rebuild() {
    if (!uPlot) return;
    plot?.destroy();
    const width = Math.max(260, box.clientWidth);
    const lrAxis = series.some((s) => s.scale === 'lr')
      ? [{ scale: 'lr', side: 1, label: 'lr (dashed)', size: 72, grid: { show: false },
        values: (/** @type {any} */ _, /** @type {number[]} */ splits) => splits.map((v) => (v == null ? '' : compact(v))) }] : [];
    plot = new uPlot({
      width, height: Math.round(Math.min(320, Math.max(200, width * 0.4))),
      scales: { x: { time: false, range: () => [0, range.xMax] }, y: { distr: 3, range: () => [range.yLo, range.yHi] },
        lr: { range: () => [0, lrHi(range.lrTop)] } },
      axes: [{ label: 'step' }, { label: 'loss (log)', size: 64,
        values: (/** @type {any} */ _, /** @type {number[]} */ splits) => splits.map((v) => (v == null ? '' : v >= 1e4 || v < 1e-3 ? v.toExponential(0) : String(v))) },
      ...lrAxis],
      legend: { live: true },
      series: [{ label: 'step' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false, points: { show: false },
        scale: s.scale ?? 'y', dash: s.scale ? LR_DASH : undefined }))],
    }, [xs, ...ys], box);
    drawn = xs.length;
    range.full = false;
  }

  /** Widens the ranges to hold a sample. @param {number} step @param {(number | null)[]} values */
  function fit(step, values) {
    if (step > range.xMax) { while (step > range.xMax) range.xMax *= 2; range.full = true; }
    for (const [i, v] of values.entries()) {
      if (v === null) continue;
      if (series[i]?.scale === 'lr') {
        if (v > lrHi(range.lrTop)) { while (v > lrHi(range.lrTop)) range.lrTop++; range.full = true; }
        continue;
      }
      if (v < range.yLo) { range.yLo = 10 ** Math.floor(Math.log10(v)); range.full = true; }
      if (v > range.yHi) { range.yHi = 10 ** Math.ceil(Math.log10(v)); range.full = true; }
    }
  }

  /** Strokes the segments from the last drawn sample to the newest onto the plot's canvas. */
  function appendSegments() {
    const ctx = /** @type {CanvasRenderingContext2D} */ (plot.ctx);
    const { left, top, width, height } = plot.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.lineWidth = 2 * (window.devicePixelRatio || 1);
    ctx.lineJoin = 'round';
    ys.forEach((y, i) => {
      ctx.beginPath();
      let pen = false;
      for (let k = Math.max(0, drawn - 1); k < xs.length; k++) {
        const v = y[k];
        if (v === null || v === undefined) { pen = false; continue; }
        const u = plot.valToPos(xs[k], 'x', true);
        const w = plot.valToPos(v, series[i]?.scale ?? 'y', true);
        if (pen) ctx.lineTo(u, w); else ctx.moveTo(u, w);
        pen = true;
      }
      ctx.strokeStyle = series[i]?.color ?? '#000';
      ctx.setLineDash(series[i]?.scale ? LR_DASH.map((d) => d * (window.devicePixelRatio || 1)) : []);
      ctx.stroke();
    });
    ctx.restore();
    drawn = xs.length;
  }

  const api = {
    /** New runners: start over. @param {{label: string, color: string}[]} s */
    reset(s) {
      series = s;
      xs = [];
      ys = s.map(() => []);
      Object.assign(range, { xMax: 64, yLo: 1e-3, yHi: 10, lrTop: 0, full: true });
      rebuild();
    },
    /** @param {number} step @param {number[]} losses @param {number[]} [lrs] the scheduled runners' lr */
    push(step, losses, lrs = []) {
      if (xs.length && step <= xs[xs.length - 1]) return;
      const values = [...losses.map((v) => (Number.isFinite(v) && v > 0 && v < LOG_CEILING ? Math.max(v, LOG_FLOOR) : null)),
        ...lrs.map((v) => (Number.isFinite(v) && v >= 0 ? v : null))];
      fit(step, values);
      xs.push(step);
      values.forEach((v, i) => ys[i]?.push(v));
    },
    /** Appends what is new, or draws the whole chart when the ranges changed (always, with force). @param {boolean} [force] */
    draw(force = false) {
      if (!plot || (drawn === xs.length && !force && !range.full)) return;
      if (force || range.full) {
        if (xs.length > MAX_SAMPLES) {
          xs = xs.filter((_, k) => k % 2 === 0 || k === xs.length - 1);
          ys = ys.map((y) => y.filter((_, k) => k % 2 === 0 || k === y.length - 1));
        }
        range.full = false;
        plot.setData([xs, ...ys]);
        drawn = xs.length;
      } else {
        appendSegments();
      }
    },
    resize() { rebuild(); },
  };
  /**
   * A new chart for the race as the core recorded it so far: from step 0 after a restart, or the
   * whole history when the chart is opened in the middle of a race.
   */
  const restart = () => {
    scheduled = session.labels.map((_, i) => i).filter((i) => store.getState().runners[i]?.schedule !== undefined);
    api.reset([...session.labels.map((label, i) => ({ label, color: runnerStyle(i).color })),
      ...scheduled.map((i) => ({ label: `${session.labels[i]} lr`, color: runnerStyle(i).color, scale: /** @type {const} */ ('lr') }))]);
    const tracks = session.labels.map((_, i) => {
      const t = session.race?.trajectorySince(i, -1);
      /** @type {Map<number, number>} loss by step */
      const byStep = new Map();
      if (t) for (let k = 0; k < t.steps.length; k++) byStep.set(t.steps[k], t.points[3 * k + 2]);
      return byStep;
    });
    const steps = [...new Set(tracks.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
    // The core keeps no lr history: the lr lines start at the step the chart opened.
    for (const step of steps) api.push(step, tracks.map((m) => m.get(step) ?? NaN), step === session.steps ? lrs() : scheduled.map(() => NaN));
    if (steps.length === 0) api.push(0, session.frame.map((f) => f.loss), lrs());
    api.draw(true);
  };
  /** @type {number[]} the runners with an lr schedule */
  let scheduled = [];
  const lrs = () => scheduled.map((i) => session.info(i).lr);
  restart();
  let typeSize = '';
  return {
    ...api,
    restart,
    /** @param {any} _s @param {Set<string>} changed */
    update(_s, changed) {
      if (changed.has('largeType') && typeSize !== document.documentElement.className) { typeSize = document.documentElement.className; rebuild(); }
      api.push(session.steps, session.frame.map((r) => r.loss), lrs());
      api.draw();
    },
    frame() {
      api.push(session.steps, session.frame.map((r) => r.loss), lrs());
      api.draw();
    },
  };
}
