// @ts-check
// Lab 1, learning-rate sensitivity (the chapter's exercise 3): the form, the sweep
// (run by the worker), the plot of final loss or steps-to-converge against the
// learning rate, the computed summary, and links that open a point's exact race.
import { defaultState } from '../state/properties.js';
import { serializeRaceQuery } from '../state/url.js';
import { withTraining } from '../state/schedule.js';
/** @typedef {import('./worker-client.js').LabsWorker} LabsWorker */
import { createPlot, logLogAxes } from './plots.js';
import { DEFAULT_PICKS, buildOptimizerPicks, fmt, pickedKeys, preset, presetColor } from './presets.js';
import { attachPlotKeyboard } from '../ui/plot-keyboard.js';

/** Loss gaps at or below this are drawn at this value (a log axis has no zero). */
const LOSS_FLOOR = 1e-16;

/** @param {string} id */
const $ = (id) => /** @type {any} */ (document.getElementById(id));

/**
 * The main-page query that replays one run of the sweep as a race.
 * @param {{optimizers: any[], landscapes: any[]}} catalog
 * @param {{landscape: string, params: Record<string, number>, start: {x: number, y: number}}} setup
 * @param {import('./presets.js').Preset} p @param {number} lr
 * @param {{schedule?: string, clipGradNorm?: number}} [training] the run's schedule (at this peak lr) and clipping
 */
export function raceQuery(catalog, setup, p, lr, training = {}) {
  const state = defaultState(catalog);
  state.landscape = setup.landscape;
  state.landscapeParams = { ...setup.params };
  state.start = { ...setup.start };
  /** @type {import('../state/properties.js').RunnerState} */
  const runner = { optimizer: p.optimizerId, params: { ...p.settings, lr } };
  state.runners = [withTraining(runner, training)];
  state.lr = Math.min(1, Math.max(1e-4, lr));  // the shared lr's range; the runner's own lr is what runs
  return serializeRaceQuery(state);
}

/**
 * Per config: the learning rates at which the run converged, as a band in decades (computed, for the summary).
 * @param {any} r @param {string[]} keys
 */
export function sweepSummary(r, keys) {
  const n = r.lrs.length;
  const parts = [];
  for (let c = 0; c < keys.length; ++c) {
    const label = preset(keys[c]).label;
    let lo = -1;
    let hi = -1;
    let count = 0;
    let firstDiverged = -1;
    for (let k = 0; k < n; ++k) {
      if (r.convergedStep[c * n + k] >= 0 && r.divergedStep[c * n + k] < 0) {
        if (lo < 0) lo = k;
        hi = k;
        count++;
      }
      if (firstDiverged < 0 && r.divergedStep[c * n + k] >= 0) firstDiverged = k;
    }
    const div = firstDiverged >= 0 ? `, diverged from lr ${fmt(r.lrs[firstDiverged])}` : '';
    if (count === 0) parts.push(`${label}: converged at none of the ${n} rates${div}`);
    else {
      const decades = Math.log10(r.lrs[hi] / r.lrs[lo]);
      parts.push(`${label}: converged at ${count} of ${n} rates, from ${fmt(r.lrs[lo])} to ${fmt(r.lrs[hi])} (${decades.toFixed(1)} decades)${div}`);
    }
  }
  return parts;
}

/** @param {{optimizers: any[], landscapes: any[]}} catalog @param {LabsWorker} worker */
export function setupSweepLab(catalog, worker) {
  const form = /** @type {HTMLFormElement} */ ($('sweep-form'));
  const select = /** @type {HTMLSelectElement} */ ($('sweep-landscape'));
  const picks = /** @type {HTMLFieldSetElement} */ ($('sweep-optimizers'));
  for (const l of catalog.landscapes) select.add(new Option(l.displayName, l.id));
  select.value = 'rosenbrock';
  buildOptimizerPicks(picks, 'sweep-opt', DEFAULT_PICKS);
  const setStart = () => {
    const l = catalog.landscapes.find((q) => q.id === select.value);
    $('sweep-x').value = String(l.landscape.start.x);
    $('sweep-y').value = String(l.landscape.start.y);
  };
  select.addEventListener('change', setStart);
  setStart();

  /** @type {{plot: any, dispose: () => void} | null} */
  let chart = null;
  /** @type {any} */
  let last = null;

  const view = () => /** @type {HTMLInputElement} */ (document.querySelector('input[name=sweep-view]:checked')).value;

  function draw() {
    if (!last) return;
    const { r, keys, fmin, setup } = last;
    const n = r.lrs.length;
    const steps = view() === 'steps';
    const data = [Array.from(r.lrs)];
    const series = [{ label: 'lr', value: (/** @type {any} */ _u, /** @type {number} */ v) => fmt(v) }];
    let top = 0;
    for (let i = 0; i < r.finalLoss.length; ++i) {
      const g = r.finalLoss[i] - fmin;
      if (r.divergedStep[i] < 0 && Number.isFinite(g)) top = Math.max(top, g);
    }
    const divergedY = steps ? setup.steps * 1.6 : Math.max(top, 1) * 30;
    for (let c = 0; c < keys.length; ++c) {
      const color = presetColor(keys[c]);
      const ys = [];
      const div = [];
      for (let k = 0; k < n; ++k) {
        const i = c * n + k;
        const diverged = r.divergedStep[i] >= 0 || !Number.isFinite(r.finalLoss[i]);
        div.push(diverged ? divergedY * 2.5 ** c : null);  // one row of markers per optimizer
        if (diverged) ys.push(null);
        else if (steps) ys.push(r.convergedStep[i] >= 0 ? Math.max(1, r.convergedStep[i]) : null);
        else ys.push(Math.max(LOSS_FLOOR, r.finalLoss[i] - fmin));
      }
      data.push(ys, div);
      const label = preset(keys[c]).label;
      series.push({ label, stroke: color, width: 2, points: { show: true, size: 5, fill: color },
        value: (/** @type {any} */ _u, /** @type {number} */ v) => fmt(v) });
      series.push({ label: `${label} diverged`, stroke: color, width: 0, paths: () => null,
        points: { show: true, size: 9, width: 2, stroke: color, fill: '#fff' },
        value: (/** @type {any} */ _u, /** @type {number|null} */ v) => (v == null ? '—' : 'diverged') });
    }
    const yLabel = steps ? 'steps to converge' : (last.hasMin ? 'final loss − minimum' : 'final loss');
    const opts = {
      height: 340,
      scales: { x: { distr: 3 }, y: { distr: 3 } },
      axes: logLogAxes(last.training.schedule ? 'peak learning rate of the schedule' : 'learning rate', yLabel),
      series,
      legend: { live: true },
      cursor: { focus: { prox: 24 } },
    };
    chart?.dispose();
    chart = createPlot($('sweep-plot'), opts, data);
    $('sweep-plot').setAttribute('aria-label', `${yLabel} against learning rate (log–log), one curve per optimizer; hollow markers at the top (one row per optimizer) are diverged runs`);
    chart.plot.over.addEventListener('click', () => pick(chart?.plot));
  }

  /** Opens the race of the clicked point: the nearest drawn point at the cursor's learning rate. @param {any} u */
  function pick(u) {
    if (!u || !last) return;
    const idx = u.cursor.idx;
    if (idx == null) return;
    let best = -1;
    let bestDist = Infinity;
    for (let s = 1; s < u.series.length; ++s) {
      const v = u.data[s][idx];
      if (v == null || !u.series[s].show) continue;
      const d = Math.abs(u.valToPos(v, 'y') - u.cursor.top);
      if (d < bestDist) { bestDist = d; best = s; }
    }
    if (best >= 0) pickPoint(idx, best, true);
  }

  /**
   * What one point of the plot is (series s at learning rate index idx), with the link to its
   * race when `withLink` (a click, or Enter on the keyboard cursor).
   * @param {number} idx @param {number} s @param {boolean} withLink
   */
  function pickPoint(idx, s, withLink) {
    if (!last) return;
    const c = Math.floor((s - 1) / 2);
    const { r, keys, setup } = last;
    const n = r.lrs.length;
    const i = c * n + idx;
    const p = preset(keys[c]);
    const lr = r.lrs[idx];
    const href = `index.html?${raceQuery(catalog, setup, p, lr, { schedule: r.schedules[idx], clipGradNorm: last.training.clipGradNorm })}`;
    const status = r.divergedStep[i] >= 0 ? `diverged at step ${r.divergedStep[i]}`
      : r.convergedStep[i] >= 0 ? `converged at step ${r.convergedStep[i]}, final loss ${fmt(r.finalLoss[i])}`
        : `did not converge in ${setup.steps} steps, final loss ${fmt(r.finalLoss[i])}`;
    const text = `${p.label} at learning rate ${fmt(lr)}: ${status}. `;
    if (!withLink) { $('sweep-pick').replaceChildren(text, 'Press Enter for the link to this race.'); return; }
    const link = document.createElement('a');
    link.href = href;
    link.id = 'sweep-race-link';
    link.textContent = `Open this race: ${p.label} at lr ${fmt(lr)} →`;
    $('sweep-pick').replaceChildren(text, link);
  }

  // The keyboard's way to hover and click the plot: arrows walk the points, Enter picks one.
  const plotBox = $('sweep-plot');
  plotBox.setAttribute('tabindex', '0');
  plotBox.setAttribute('aria-describedby', 'sweep-plot-keys');
  plotBox.after(Object.assign(document.createElement('p'), { id: 'sweep-plot-keys', className: 'muted small',
    textContent: 'With the plot focused: ← → move along the learning rates, ↑ ↓ choose the optimizer, Enter gives the link to that race.' }));
  $('sweep-pick').setAttribute('aria-live', 'polite');
  attachPlotKeyboard(plotBox, () => chart?.plot ?? null, {
    onMove: (pt) => pickPoint(pt.idx, pt.series, false),
    onChoose: (pt) => pickPoint(pt.idx, pt.series, true),
  });

  for (const radio of document.querySelectorAll('input[name=sweep-view]')) radio.addEventListener('change', draw);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const keys = pickedKeys(picks);
    const setup = {
      landscape: select.value, params: {},
      start: { x: Number($('sweep-x').value), y: Number($('sweep-y').value) },
      steps: Math.round(Number($('sweep-steps').value)),
    };
    const options = { lrMin: Number($('sweep-lrmin').value), lrMax: Number($('sweep-lrmax').value),
      lrCount: Math.round(Number($('sweep-count').value)), steps: setup.steps };
    const info = $('sweep-info');
    const clipText = String($('sweep-clip').value).trim();
    /** @type {{schedule?: string, clipGradNorm?: number}} the same schedule and clipping for every optimizer */
    const training = { schedule: String($('sweep-scheduler').value).trim() || undefined,
      clipGradNorm: clipText === '' ? undefined : Number(clipText) };
    if (keys.length === 0) { info.textContent = 'Pick at least one optimizer.'; return; }
    if (clipText !== '' && !Number.isFinite(training.clipGradNorm)) { info.textContent = 'clip_grad_norm must be a number, or empty for none.'; return; }
    if (!(options.lrMin > 0 && options.lrMax >= options.lrMin)) { info.textContent = 'The learning-rate range must satisfy 0 < from ≤ to.'; return; }
    const progress = $('sweep-progress');
    progress.hidden = false;
    progress.value = 0;
    info.textContent = 'Sweeping…';
    $('sweep-run').disabled = true;
    const configs = keys.map((k) => { const p = preset(k); return { optimizerId: p.optimizerId, settings: p.settings, label: p.label,
      scheduler: training.schedule, clipGradNorm: training.clipGradNorm }; });
    const t0 = performance.now();
    try {
      const job = worker.run('sweep', { landscape: setup.landscape, params: setup.params, start: setup.start, configs, options },
        (m) => { if (m.type === 'progress') progress.value = m.done / m.total; });
      const { result: r } = await job.promise;
      const wall = performance.now() - t0;
      const l = catalog.landscapes.find((q) => q.id === setup.landscape).landscape;
      const hasMin = l.minima.length > 0;
      const fmin = hasMin ? Math.min(...l.minima.map((/** @type {import('../core/wrap-core.js').MinimumInfo} */ m) => m.value)) : 0;
      last = { r, keys, fmin, hasMin, setup, training };
      draw();
      const runs = keys.length * r.lrs.length;
      info.textContent = `${runs} runs × ${setup.steps} steps: ${Math.round(r.coreMilliseconds)} ms in the core, ${Math.round(wall)} ms in all.`;
      $('sweep-plot').dataset.coreMs = String(r.coreMilliseconds);
      $('sweep-plot').dataset.wallMs = String(wall);
      const scheduled = training.schedule ? `Every run follows ${training.schedule} from its peak rate${training.clipGradNorm !== undefined ? ` with clip_grad_norm ${training.clipGradNorm}` : ''}. `
        : training.clipGradNorm !== undefined ? `Every run clips with clip_grad_norm ${training.clipGradNorm}. ` : '';
      $('sweep-summary').textContent = `${scheduled}Converged means within ${1e-3} of a minimum within ${setup.steps} steps. ${sweepSummary(r, keys).join('; ')}. Hollow markers at the top (one row per optimizer, in its colour): diverged runs.`;
      $('sweep-pick').textContent = 'Click a point of the plot to open that exact race.';
    } catch (e) {
      if (!(e instanceof Error && (e.message === 'superseded' || e.message === 'stopped'))) info.textContent = `The sweep failed: ${e instanceof Error ? e.message : e}`;
    } finally {
      progress.hidden = true;
      $('sweep-run').disabled = false;
    }
  });
  // The default sweep runs at once (a fraction of a second in the worker), so the plot is never empty.
  form.requestSubmit();
}
