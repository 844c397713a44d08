// @ts-check
// The heatmap's legend: the colour scale as a horizontal bar, with ticks at some of
// the contour levels the core chose (loss values), so a student can read what a
// colour means. On a log scale, equal steps of colour are equal ratios of f - f_min.
import { VIRIDIS_LUT } from './colormap.js';
import { compact } from '../ui/format.js';

/** @typedef {ReturnType<import('../core/wrap-core.js').Race['surface']>} Surface */

const HEIGHT = 34;
const BAR = 12;

/**
 * Position (0..1) of a loss value on the bar, in the surface's own scale.
 * @param {Surface} s @param {number} f
 */
function position(s, f) {
  const shown = s.logScale ? Math.log10(Math.max(f - s.fref, 0) + s.eps) : f;
  return (shown - s.min) / (s.max > s.min ? s.max - s.min : 1);
}

/**
 * Draws the bar for `surface` into `canvas` (sized to its CSS width).
 * @param {HTMLCanvasElement} canvas @param {Surface} surface
 */
export function drawColorbar(canvas, surface) {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(120, canvas.clientWidth);
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(HEIGHT * dpr);
  const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, HEIGHT);
  const pad = 8;
  const w = width - 2 * pad;
  for (let i = 0; i < w; i++) {
    const k = Math.round((i / Math.max(1, w - 1)) * 255) * 3;
    g.fillStyle = `rgb(${VIRIDIS_LUT[k]}, ${VIRIDIS_LUT[k + 1]}, ${VIRIDIS_LUT[k + 2]})`;
    g.fillRect(pad + i, 0, 1, BAR);
  }
  g.strokeStyle = '#555';
  g.lineWidth = 1;
  g.strokeRect(pad + 0.5, 0.5, w - 1, BAR - 1);

  // Ticks: the lowest value, a few contour levels spread along the bar, the highest.
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#333';
  g.textBaseline = 'top';
  /** @type {{t: number, label: string}[]} */
  const ticks = [{ t: 0, label: compact(surface.fref) }];
  const levels = Array.from(surface.levels);
  const want = Math.max(2, Math.floor(w / 90));
  for (let i = 1; i < want; i++) {
    const f = levels[Math.round((i / want) * (levels.length - 1))];
    if (f !== undefined) ticks.push({ t: position(surface, f), label: compact(f) });
  }
  let lastRight = -Infinity;
  for (const { t, label } of ticks) {
    if (!(t >= 0 && t <= 1)) continue;
    const x = pad + t * (w - 1);
    const textWidth = g.measureText(label).width;
    const left = Math.min(Math.max(x - textWidth / 2, 0), width - textWidth);
    if (left < lastRight + 6) continue; // never overlap labels
    g.fillRect(x, BAR, 1, 4);
    g.fillText(label, left, BAR + 5);
    lastRight = left + textWidth;
  }
}

/**
 * One sentence for screen readers and the caption.
 * @param {Surface} surface
 */
export function colorbarCaption(surface) {
  const scale = surface.logScale ? 'logarithmic in f − f_min' : 'linear';
  return `Colour scale (${scale}): dark purple is low loss, yellow is high; ticks show loss values of some contour lines.`;
}
