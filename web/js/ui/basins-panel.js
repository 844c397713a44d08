// @ts-check
// Basins of attraction (a tool of the main page): the core runs one runner's optimizer configuration from every
// cell of a grid over the domain (Race.basins, cpp/core/analysis/basins.hpp) and this
// panel colours each start by the minimum it reaches (or by the steps it took), marks
// divergence, and opens the race from a clicked cell. It recomputes when the race
// settings change, and shows how long the core took.
import { el } from './dom.js';
import { runnerSettings } from '../state/properties.js';
import { paintMinima } from '../render/landscape-painter.js';
import { attachGridKeyboard } from './grid-keyboard.js';

/** One colour per reported minimum (categorical, readable on white and on each other). */
const MINIMUM_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf',
  '#bcbd22', '#7f7f7f', '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94'];
const NONE_COLOR = [200, 200, 200];
const DIVERGED_COLOR = [20, 20, 20];

/** Inline styles through the CSSOM (the page's CSP forbids style attributes). @template {HTMLElement} T @param {T} e @param {Partial<CSSStyleDeclaration>} css */
function styled(e, css) {
  Object.assign(e.style, css);
  return e;
}

/** @param {string} hex */
function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * @param {HTMLElement} root the tool's body
 * @param {{ store: any, session: import('../race/session.js').RaceSession, announcer: { say: (text: string) => void } }} app
 */
export function mountBasinsPanel(root, { store, session, announcer }) {
  const say = (/** @type {string} */ text) => announcer.say(text);
  const canvas = /** @type {HTMLCanvasElement} */ (el('canvas', { id: 'basins-canvas', width: '384', height: '384', tabindex: '0', role: 'img',
    'aria-label': 'Basins of attraction: each start point coloured by the minimum its run reaches. Click a cell to race from there.',
    'aria-describedby': 'basins-keys' }));
  const runnerSelect = /** @type {HTMLSelectElement} */ (el('select', { id: 'basins-runner' }));
  const gridSelect = /** @type {HTMLSelectElement} */ (el('select', { id: 'basins-grid' },
    ...[32, 64, 128].map((n) => el('option', { value: String(n), selected: n === 64 }, `${n} × ${n}`))));
  const stepsInput = /** @type {HTMLInputElement} */ (el('input', { id: 'basins-steps', type: 'number', min: '1', max: '100000', value: '1000' }));
  const colourBy = /** @type {HTMLSelectElement} */ (el('select', { id: 'basins-colour' },
    el('option', { value: 'minimum' }, 'the minimum reached'), el('option', { value: 'steps' }, 'steps to stop')));
  const live = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id: 'basins-live', checked: true }));
  const compute = el('button', { type: 'button', id: 'basins-compute' }, 'Compute basins');
  const info = el('p', { id: 'basins-info', class: 'muted small', 'aria-live': 'polite' });
  const keysHint = el('p', { id: 'basins-keys', class: 'muted small' },
    'With the map focused: the arrow keys move a cell cursor (Shift: bigger jumps), Enter or Space races from that cell.');
  const cellReadout = el('p', { id: 'basins-cell', class: 'small', 'aria-live': 'polite' });
  const legend = styled(el('ul', { id: 'basins-legend', class: 'basins-legend' }), { listStyle: 'none', padding: '0', margin: '0' });
  root.append(
    el('p', { class: 'muted small' }, 'One optimizer, started from every cell of a grid: where does each start end up? ',
      'Same stop rules and noise as the race. Click a cell to race from there.'),
    el('div', { class: 'basins-controls' },
      el('label', { for: 'basins-runner' }, 'Optimizer '), runnerSelect,
      el('label', { for: 'basins-grid' }, ' Grid '), gridSelect,
      el('label', { for: 'basins-steps' }, ' Max steps '), stepsInput,
      el('label', { for: 'basins-colour' }, ' Colour by '), colourBy,
      el('label', {}, live, ' recompute on change'), compute),
    // No picture until there is a result: the canvas takes room only once it shows something.
    styled(el('div', { class: 'basins-body' }, canvas, legend), { display: 'flex', flexWrap: 'wrap', gap: '1em', alignItems: 'flex-start' }), keysHint, cellReadout, info);
  canvas.hidden = true;

  /** @type {ReturnType<import('../core/wrap-core.js').Race['basins']> | null} */
  let result = null;

  function run() {
    const s = store.getState();
    const i = Math.min(Number(runnerSelect.value) || 0, s.runners.length - 1);
    const runner = s.runners[i];
    if (!runner || !session.race) return;
    const n = Number(gridSelect.value);
    const maxSteps = Math.max(1, Math.min(100000, Math.round(Number(stepsInput.value) || 1000)));
    try {
      const t0 = performance.now();
      result = session.race.basins(runner.optimizer, runnerSettings(runner, s.lr), { nx: n, ny: n, maxSteps });
      const total = performance.now() - t0;
      const parts = result.counts.map((c, k) => `minimum ${k}: ${c}`);
      info.textContent = `${session.labels[i] ?? runner.optimizer}: ${n * n} starts × up to ${maxSteps} steps in ` +
        `${result.milliseconds.toFixed(1)} ms in the core (${total.toFixed(1)} ms with the copy). ` +
        `${parts.join(', ')}${parts.length ? ', ' : ''}none: ${result.none}, diverged: ${result.diverged}.`;
    } catch (err) {
      result = null;
      info.textContent = `Could not compute the basins: ${/** @type {Error} */ (err).message}`;
    }
    draw();
  }

  function draw() {
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    legend.replaceChildren();
    canvas.hidden = !result;
    if (!result) return;
    const { nx, ny, minimum, steps, maxSteps, region } = result;
    const img = new ImageData(nx, ny);
    const bySteps = colourBy.value === 'steps';
    let most = 1;
    for (let c = 0; c < steps.length; c++) if (minimum[c] >= 0) most = Math.max(most, steps[c]);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = j * nx + i;
        const m = minimum[c];
        let col = m === -2 ? DIVERGED_COLOR : m < 0 ? NONE_COLOR : rgb(MINIMUM_COLORS[m % MINIMUM_COLORS.length]);
        if (bySteps && m >= 0) {
          const t = Math.log1p(steps[c]) / Math.log1p(most);  // 0 fast .. 1 slow: fast is light
          col = col.map((v) => Math.round(255 - (255 - v) * (0.25 + 0.75 * t)));
        }
        const o = 4 * ((ny - 1 - j) * nx + i);  // row 0 is ymin: draw it at the bottom
        img.data[o] = col[0]; img.data[o + 1] = col[1]; img.data[o + 2] = col[2]; img.data[o + 3] = 255;
      }
    }
    const off = document.createElement('canvas');
    off.width = nx;
    off.height = ny;
    /** @type {CanvasRenderingContext2D} */ (off.getContext('2d')).putImageData(img, 0, 0);
    const aspect = (region.ymax - region.ymin) / (region.xmax - region.xmin);
    canvas.height = Math.round(Math.min(512, Math.max(160, canvas.width * aspect)));
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
    // Divergence: a cross in each diverged cell (visible without colour).
    const cw = canvas.width / nx, ch = canvas.height / ny;
    ctx.strokeStyle = '#ff5555';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let c = 0; c < minimum.length; c++) {
      if (minimum[c] !== -2) continue;
      const i = c % nx, j = Math.floor(c / nx);
      const x = i * cw, y = (ny - 1 - j) * ch;
      ctx.moveTo(x + 0.25 * cw, y + 0.25 * ch); ctx.lineTo(x + 0.75 * cw, y + 0.75 * ch);
      ctx.moveTo(x + 0.75 * cw, y + 0.25 * ch); ctx.lineTo(x + 0.25 * cw, y + 0.75 * ch);
    }
    ctx.stroke();
    // The minima themselves, and the race's start.
    const px = (/** @type {number} */ x) => ((x - region.xmin) / (region.xmax - region.xmin)) * canvas.width;
    const py = (/** @type {number} */ y) => (1 - (y - region.ymin) / (region.ymax - region.ymin)) * canvas.height;
    const minima = session.landscape?.minima ?? [];
    paintMinima(ctx, minima, (x, y) => [px(x), py(y)], { colorOf: (k) => MINIMUM_COLORS[k % MINIMUM_COLORS.length] });
    const s = store.getState().start;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.strokeRect(px(s.x) - 4, py(s.y) - 4, 8, 8);
    // The keyboard's cell cursor: a white and a black outline, visible on every colour.
    const k = keys.cell;
    if (k) {
      ctx.strokeStyle = '#000';
      ctx.strokeRect(k.i * cw - 2, (ny - 1 - k.j) * ch - 2, cw + 4, ch + 4);
      ctx.strokeStyle = '#fff';
      ctx.strokeRect(k.i * cw, (ny - 1 - k.j) * ch, cw, ch);
    }
    // Legend.
    const swatch = (/** @type {string} */ color, /** @type {string} */ text) =>
      el('li', {}, styled(el('span', { class: 'swatch' }), { display: 'inline-block', width: '0.9em', height: '0.9em', marginRight: '0.4em',
        verticalAlign: 'middle', border: '1px solid #888', background: color }), text);
    minima.slice(0, 16).forEach((m, k) => legend.append(swatch(MINIMUM_COLORS[k % MINIMUM_COLORS.length],
      `minimum ${k} (${m.x.toFixed(3)}, ${m.y.toFixed(3)})${m.global ? ' global' : ''}: ${result?.counts[k] ?? 0} cells`)));
    legend.append(swatch('rgb(200,200,200)', `stalled or still running at ${maxSteps} steps: ${result.none}`));
    legend.append(swatch('rgb(20,20,20)', `diverged (red ×): ${result.diverged}`));
  }

  /** The centre of cell (i, j) and what its run does. @param {number} i @param {number} j */
  function cellAt(i, j) {
    const res = /** @type {NonNullable<typeof result>} */ (result);
    const r = res.region;
    const x = r.xmin + ((i + 0.5) * (r.xmax - r.xmin)) / res.nx;
    const y = r.ymin + ((j + 0.5) * (r.ymax - r.ymin)) / res.ny;
    const m = res.minimum[j * res.nx + i];
    const fate = m === -2 ? 'diverges' : m < 0 ? 'reaches no minimum' : `reaches minimum ${m}`;
    return { x, y, fate, steps: res.steps[j * res.nx + i] };
  }

  /** Races from the centre of cell (i, j): what a click on the cell does. @param {number} i @param {number} j */
  function raceFromCell(i, j) {
    const { x, y, fate } = cellAt(i, j);
    store.setState({ start: { x: Number(x.toPrecision(6)), y: Number(y.toPrecision(6)) }, playing: true });
    say(`Racing from (${x.toFixed(3)}, ${y.toFixed(3)}): this start ${fate}.`);
  }

  canvas.addEventListener('click', (e) => {
    if (!result) return;
    const rect = canvas.getBoundingClientRect();
    const i = Math.floor(((e.clientX - rect.left) / rect.width) * result.nx);
    const j = result.ny - 1 - Math.floor(((e.clientY - rect.top) / rect.height) * result.ny);
    if (i < 0 || j < 0 || i >= result.nx || j >= result.ny) return;
    raceFromCell(i, j);
  });
  const keys = attachGridKeyboard(canvas, {
    size: () => (result ? { nx: result.nx, ny: result.ny } : null),
    onMove: (i, j) => {
      const { x, y, fate, steps } = cellAt(i, j);
      cellReadout.textContent = `Start (${x.toFixed(3)}, ${y.toFixed(3)}): ${fate}${fate.startsWith('reaches minimum') ? ` in ${steps} steps` : ''}.`;
      draw();
    },
    onChoose: raceFromCell,
  });
  compute.addEventListener('click', run);
  colourBy.addEventListener('change', draw);
  for (const c of [runnerSelect, gridSelect, stepsInput]) c.addEventListener('change', run);

  let timer = 0;
  return {
    /** @param {any} s @param {Set<string>} changed */
    update(s, changed) {
      const labels = session.labels;
      const current = runnerSelect.value;
      const options = labels.map((l, i) => `${i}:${l}`).join('|');
      if (runnerSelect.dataset.options !== options) {
        runnerSelect.dataset.options = options;
        runnerSelect.replaceChildren(...labels.map((l, i) => el('option', { value: String(i) }, l)));
        runnerSelect.value = Number(current) < labels.length ? current : '0';
      }
      const raceKeys = ['landscape', 'landscapeParams', 'runners', 'lr', 'noise', 'seed', 'expr', 'domain'];
      if (result && live.checked && raceKeys.some((k) => changed.has(k))) {
        clearTimeout(timer);
        timer = window.setTimeout(run, 150);
      } else if (result && changed.has('start')) {
        draw();
      }
    },
    run,
    /** The last result (tests). */
    get result() { return result; },
  };
}
