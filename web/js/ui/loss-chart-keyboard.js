// @ts-check
// The loss chart's hover readout for the keyboard: focus the chart, and the arrow keys walk
// uPlot's cursor along the steps (plot-keyboard.js) while a sentence under the chart reads
// the losses at that step ("Step 1,200: Adam 0.0121, SGD 0.532"), the focused runner first.
import { el } from './dom.js';
import { attachPlotKeyboard } from './plot-keyboard.js';
import { compact, steps as formatSteps } from './format.js';

/**
 * The sentence for one point of the chart: the step, the focused series, then the others.
 * @param {any} u uPlot @param {{idx: number, series: number}} p
 */
export function lossReadout(u, p) {
  const step = u.data[0][p.idx];
  const value = (/** @type {number} */ s) => {
    const v = u.data[s]?.[p.idx];
    return v == null || !Number.isFinite(v) ? 'no value (off the chart or diverged)' : compact(v);
  };
  const others = [];
  for (let s = 1; s < u.series.length; s++) if (s !== p.series) others.push(`${u.series[s].label} ${value(s)}`);
  return `Step ${formatSteps(step)}: ${u.series[p.series]?.label ?? ''} ${value(p.series)}${others.length ? `; ${others.join(', ')}` : ''}.`;
}

/**
 * Makes the chart focusable, adds its key hint and readout after it, and wires the keys.
 * @param {HTMLElement} box the chart's container (uPlot draws inside) @param {() => any} getPlot
 */
export function attachLossChartKeyboard(box, getPlot) {
  const hint = el('p', { id: 'loss-chart-keys', class: 'muted small' },
    'With the chart focused: ← → move along the steps (Home, End, Page Up, Page Down jump), ↑ ↓ choose the runner.');
  const readout = el('p', { id: 'loss-chart-readout', class: 'small', 'aria-live': 'polite' });
  box.setAttribute('tabindex', '0');
  box.setAttribute('aria-describedby', 'loss-chart-keys');
  box.after(hint, readout);
  return attachPlotKeyboard(box, getPlot, {
    onMove: (p, u) => { readout.textContent = lossReadout(u, p); },
    onLeave: () => { readout.textContent = ''; },
  });
}
