// @ts-check
// Lab 2, a small network trained by each optimizer (the chapter's exercise 2),
// with the fairness controls: one shared learning rate, or each optimizer at its
// own learning rate tuned by a sweep. Training runs in the worker; this module
// reads the form, draws the curves, the table and the decision boundaries, and
// writes the budget line and the one-sentence reading of the comparison.
import { createPlot, logTicks } from './plots.js';
import { drawBoundary } from './heatmap.js';
import { DEFAULT_PICKS, SGD_DEFAULT_LR, buildOptimizerPicks, fmt, pickedKeys, preset, presetColor } from './presets.js';

/** @typedef {import('./worker-client.js').LabsWorker} LabsWorker */

/** Side of the decision-boundary grid computed by the core, and of the square it covers. */
const GRID_N = 48;
const EXTENT = 1.5;
/** The tuning sweep: 9 learning rates, log-spaced over four decades. */
const TUNE = { lrMin: 1e-4, lrMax: 1, lrCount: 9 };

/** @param {string} id */
const $ = (id) => /** @type {any} */ (document.getElementById(id));

/** "16, 8" -> [16, 8]; throws with a plain message otherwise. @param {string} text */
export function parseHidden(text) {
  const t = text.trim();
  if (t === '') return [];
  const widths = t.split(',').map((s) => Number(s.trim()));
  if (widths.some((w) => !Number.isInteger(w) || w < 1 || w > 64) || widths.length > 4) {
    throw new Error('Hidden layers: up to 4 whole numbers from 1 to 64, separated by commas (e.g. "16,16").');
  }
  return widths;
}

/**
 * The one-sentence reading of a finished comparison, computed from its numbers.
 * @param {{labels: string[], lrs: number[], mode: 'shared'|'tuned', steps: number, val: number[], prevVal: number[],
 *   diverged: number[]}} s
 */
export function fairnessSentence(s) {
  const alive = s.labels.map((_, c) => c).filter((c) => s.diverged[c] < 0 && Number.isFinite(s.val[c]));
  const parts = [];
  if (alive.length) {
    const order = alive.slice().sort((a, b) => s.val[a] - s.val[b]);
    const best = order[0];
    const worst = order[order.length - 1];
    parts.push(order.length > 1
      ? `After ${s.steps} steps, ${s.labels[best]} reached the lowest validation loss (${fmt(s.val[best])}) and ${s.labels[worst]} the highest (${fmt(s.val[worst])})`
      : `After ${s.steps} steps, ${s.labels[best]} reached a validation loss of ${fmt(s.val[best])}`);
  }
  const div = s.labels.filter((_, c) => s.diverged[c] >= 0);
  if (div.length) parts.push(`${div.join(', ')} diverged`);
  let text = `${parts.join('; ')}. `;
  text += s.mode === 'shared'
    ? `This compares the optimizers at one learning rate (${fmt(s.lrs[0])}) on this dataset and budget, not at their best: an optimizer whose good learning rates lie elsewhere is handicapped (try “each at its own tuned learning rate”).`
    : `This compares each optimizer at its own best of ${TUNE.lrCount} learning rates for this budget, but the rates were picked on the validation set (so these validation losses are optimistic) and one seed says nothing about the spread across seeds.`;
  const improving = s.labels.filter((_, c) => alive.includes(c) && Number.isFinite(s.prevVal[c]) && s.val[c] < 0.95 * s.prevVal[c]);
  if (improving.length) text += ` ${improving.join(', ')} ${improving.length > 1 ? 'were' : 'was'} still improving over the last fifth of the budget, so a longer budget could change the order.`;
  return text;
}

/** @param {{optimizers: any[], datasets: any[]}} catalog @param {LabsWorker} worker */
export function setupNetworkLab(catalog, worker) {
  const form = /** @type {HTMLFormElement} */ ($('network-form'));
  const datasetSelect = /** @type {HTMLSelectElement} */ ($('net-dataset'));
  for (const d of catalog.datasets) datasetSelect.add(new Option(d.displayName, d.id));
  const picks = /** @type {HTMLFieldSetElement} */ ($('net-optimizers'));
  buildOptimizerPicks(picks, 'net-opt', DEFAULT_PICKS);
  const classesSelect = /** @type {HTMLSelectElement} */ ($('net-classes'));
  const syncClasses = () => {
    const d = catalog.datasets.find((q) => q.id === datasetSelect.value);
    classesSelect.disabled = d.maxClasses < 3;
    if (classesSelect.disabled) classesSelect.value = '2';
    const sigmoid = /** @type {HTMLOptionElement} */ ($('net-output').querySelector('option[value=sigmoid]'));
    sigmoid.disabled = classesSelect.value !== '2';
    if (sigmoid.disabled) $('net-output').value = 'softmax';
  };
  datasetSelect.addEventListener('change', syncClasses);
  classesSelect.addEventListener('change', syncClasses);
  syncClasses();

  /** @type {{plot: any, dispose: () => void} | null} */
  let chart = null;
  /** @type {HTMLCanvasElement[]} */
  let canvases = [];
  let running = false;

  function read() {
    const keys = pickedKeys(picks);
    if (keys.length === 0) throw new Error('Pick at least one optimizer.');
    const seed = Math.round(Number($('net-seed').value));
    const batch = Math.round(Number($('net-batch').value));
    const budget = Math.round(Number($('net-steps').value));
    if (!(Number.isInteger(seed) && seed >= 0)) throw new Error('The seed must be a whole number ≥ 0.');
    if (!(batch >= 1)) throw new Error('The batch size must be at least 1.');
    if (!(budget >= 1 && budget <= 20000)) throw new Error('The step budget must be from 1 to 20000.');
    const lrMode = /** @type {'shared'|'tuned'} */ (/** @type {HTMLInputElement} */ (document.querySelector('input[name=lr-mode]:checked')).value);
    const sharedLr = Number($('net-lr').value);
    if (lrMode === 'shared' && !(sharedLr > 0)) throw new Error('The shared learning rate must be greater than 0.');
    return {
      keys, budget, lrMode, sharedLr,
      dataset: { id: datasetSelect.value, classes: Number(classesSelect.value), noise: Number($('net-noise').value), count: 400,
        validationFraction: 0.25, seed },
      spec: { hidden: parseHidden($('net-hidden').value), activation: $('net-activation').value, output: $('net-output').value },
      options: { batchSize: batch, weightSeed: seed, batchSeed: seed },
    };
  }

  function setupBoundaries(/** @type {string[]} */ keys) {
    const box = $('net-boundaries');
    box.replaceChildren();
    canvases = keys.map((k) => {
      const fig = document.createElement('figure');
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 200;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${preset(k).label}: decision boundary over the data (filled dots: training set, rings: validation set)`);
      const cap = document.createElement('figcaption');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = presetColor(k);
      cap.append(sw, ` ${preset(k).label}`);
      fig.append(canvas, cap);
      box.append(fig);
      return canvas;
    });
  }

  function makeChart(/** @type {string[]} */ keys) {
    const series = [{ label: 'step' }];
    for (const k of keys) {
      const color = presetColor(k);
      series.push({ label: `${preset(k).label} train`, stroke: color, width: 2, value: (/** @type {any} */ _u, /** @type {number} */ v) => fmt(v) });
      series.push({ label: `${preset(k).label} val.`, stroke: color, width: 1.5, dash: [6, 4], value: (/** @type {any} */ _u, /** @type {number} */ v) => fmt(v) });
    }
    chart?.dispose();
    chart = createPlot($('net-loss-plot'), {
      height: 300,
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: 'step', stroke: '#333', grid: { stroke: '#e4e4e4' } },
        { label: 'loss', values: logTicks, stroke: '#333', grid: { stroke: '#e4e4e4' }, size: 60 }],
      series,
    }, [[], ...keys.flatMap(() => [[], []])]);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const info = $('net-info');
    let cfg;
    try { cfg = read(); } catch (e) { info.textContent = e instanceof Error ? e.message : String(e); return; }
    const progress = $('net-progress');
    progress.hidden = false;
    progress.value = 0;
    $('net-run').disabled = true;
    $('net-stop').disabled = false;
    $('net-fairness').textContent = '';
    running = true;
    try {
      /** @type {number[]} */
      let lrs;
      if (cfg.lrMode === 'tuned') {
        info.textContent = `Tuning: ${cfg.keys.length} optimizers × ${TUNE.lrCount} learning rates × ${cfg.budget} steps…`;
        const configs = cfg.keys.map((k) => ({ optimizerId: preset(k).optimizerId, settings: preset(k).settings, label: preset(k).label }));
        const tune = worker.run('tune', { dataset: cfg.dataset, spec: cfg.spec, configs, options: { ...TUNE, steps: cfg.budget, ...cfg.options } },
          (m) => { if (m.type === 'progress') progress.value = m.done / m.total; });
        const { result } = await tune.promise;
        lrs = result.bestLrs.map((/** @type {number|null} */ lr, /** @type {number} */ c) => lr ?? (preset(cfg.keys[c]).optimizerId === 'sgd' ? SGD_DEFAULT_LR : 1e-3));
      } else {
        lrs = cfg.keys.map(() => cfg.sharedLr);
      }
      const configs = cfg.keys.map((k, c) => ({ optimizerId: preset(k).optimizerId, settings: { ...preset(k).settings, lr: lrs[c] }, label: preset(k).label }));
      setupBoundaries(cfg.keys);
      makeChart(cfg.keys);
      const xs = /** @type {number[]} */ ([]);
      const cols = cfg.keys.flatMap(() => [/** @type {(number|null)[]} */ ([]), /** @type {(number|null)[]} */ ([])]);
      /** @type {any} */
      let points = null;
      let lastMsg = /** @type {any} */ (null);
      const n = cfg.keys.length;
      const onMessage = (/** @type {any} */ m) => {
        if (m.type === 'dataset') { points = m.dataset; return; }
        lastMsg = m;
        const r = m.records;
        for (let i = 0; i < r.steps.length; ++i) {
          xs.push(r.steps[i]);
          for (let c = 0; c < n; ++c) {
            const t = r.trainLoss[i * n + c];
            const v = r.validationLoss[i * n + c];
            cols[2 * c].push(Number.isFinite(t) && t > 0 ? t : null);
            cols[2 * c + 1].push(Number.isFinite(v) && v > 0 ? v : null);
          }
        }
        chart?.plot.setData([xs, ...cols]);
        m.grids.forEach((/** @type {Float32Array} */ g, /** @type {number} */ c) => drawBoundary(canvases[c], g, GRID_N, cfg.dataset.classes, points));
        progress.value = m.steps / cfg.budget;
        info.textContent = `Step ${m.steps} of ${cfg.budget} (epoch ${m.epochs.toFixed(1)})`;
        const tbody = $('net-table').querySelector('tbody');
        tbody.replaceChildren(...cfg.keys.map((k, c) => {
          const tr = document.createElement('tr');
          const last = xs.length - 1;
          const acc = (/** @type {number} */ a) => (Number.isFinite(a) ? `${(100 * a).toFixed(1)} %` : '—');
          const rIdx = r.steps.length - 1;
          const cells = [preset(k).label, fmt(lrs[c]), fmt(cols[2 * c][last] ?? NaN), fmt(cols[2 * c + 1][last] ?? NaN),
            rIdx >= 0 ? acc(r.trainAccuracy[rIdx * n + c]) : tr.dataset.ta ?? '—', rIdx >= 0 ? acc(r.validationAccuracy[rIdx * n + c]) : '—'];
          if (m.diverged[c] >= 0) cells[2] = `diverged at step ${m.diverged[c]}`;
          for (const [j, text] of cells.entries()) {
            const td = document.createElement(j === 0 ? 'th' : 'td');
            if (j === 0) td.setAttribute('scope', 'row');
            td.textContent = text;
            tr.append(td);
          }
          return tr;
        }));
        $('net-budget').textContent = `Step budget: ${cfg.budget} steps for every optimizer = ${(cfg.budget / m.stepsPerEpoch).toFixed(1)} epochs `
          + `(${m.stepsPerEpoch} batches of ≤ ${cfg.options.batchSize} per epoch), one gradient evaluation per step; `
          + `${m.parameterCount} weights; the same initial weights and the same mini-batches for all. `
          + `Learning rates: ${cfg.lrMode === 'shared' ? `one shared rate, ${fmt(cfg.sharedLr)}` : `tuned per optimizer (${cfg.keys.map((k, c) => `${preset(k).label} ${fmt(lrs[c])}`).join(', ')})`}.`;
      };
      const chunk = Math.max(10, Math.round(cfg.budget / 60));
      const job = worker.run('train', { dataset: cfg.dataset, spec: cfg.spec, configs, options: { ...cfg.options, evalEvery: chunk },
        budget: cfg.budget, chunk, grid: { n: GRID_N, extent: EXTENT } }, onMessage);
      const done = await job.promise;
      onMessage(done);
      const last = xs.length - 1;
      const prev = Math.max(0, Math.round(last * 0.8));
      $('net-fairness').textContent = fairnessSentence({ labels: cfg.keys.map((k) => preset(k).label), lrs, mode: cfg.lrMode,
        steps: done.steps, val: cfg.keys.map((_, c) => cols[2 * c + 1][last] ?? NaN), prevVal: cfg.keys.map((_, c) => cols[2 * c + 1][prev] ?? NaN),
        diverged: Array.from(lastMsg.diverged) });
      const rate = done.stepMs > 0 ? Math.round((cfg.keys.length * done.steps) / (done.stepMs / 1000)) : 0;
      info.textContent = `Done: ${done.steps} steps (${done.epochs.toFixed(1)} epochs); ${rate.toLocaleString('en')} optimizer-steps per second in the core.`;
      $('net-loss-plot').dataset.stepsPerSecond = String(rate);
    } catch (e) {
      if (!(e instanceof Error && (e.message === 'superseded' || e.message === 'stopped'))) info.textContent = `Training failed: ${e instanceof Error ? e.message : e}`;
      else info.textContent = 'Stopped.';
    } finally {
      running = false;
      progress.hidden = true;
      $('net-run').disabled = false;
      $('net-stop').disabled = true;
    }
  });
  $('net-stop').addEventListener('click', () => { if (running) worker.stop(); });
}
