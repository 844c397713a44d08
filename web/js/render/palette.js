// @ts-check
// Runner identity: a colour from the Okabe–Ito palette (distinguishable with the
// common colour-vision deficiencies) and a marker shape, so no runner depends on
// colour alone. Shapes are SVG path data in a box from -1 to 1, used both by the
// canvas (Path2D) and by the legend (an <svg> path).

/** Okabe & Ito (2008), ordered for contrast on the viridis heatmap (yellow last). */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#CC79A7', '#009E73', '#D55E00', '#0072B2', '#F0E442', '#FFFFFF'];

/** @type {{name: string, d: string}[]} */
export const SHAPES = [
  { name: 'circle', d: 'M1 0A1 1 0 1 1 -1 0A1 1 0 1 1 1 0Z' },
  { name: 'square', d: 'M-0.85 -0.85H0.85V0.85H-0.85Z' },
  { name: 'triangle', d: 'M0 -1.1L1 0.8H-1Z' },
  { name: 'diamond', d: 'M0 -1.15L1.05 0L0 1.15L-1.05 0Z' },
  { name: 'star', d: 'M0 -1.2L0.3 -0.4L1.15 -0.4L0.45 0.15L0.7 1L0 0.5L-0.7 1L-0.45 0.15L-1.15 -0.4L-0.3 -0.4Z' },
  { name: 'plus', d: 'M-0.35 -1H0.35V-0.35H1V0.35H0.35V1H-0.35V0.35H-1V-0.35H-0.35Z' },
  { name: 'inverted triangle', d: 'M0 1.1L1 -0.8H-1Z' },
  { name: 'hexagon', d: 'M1 0L0.5 0.87L-0.5 0.87L-1 0L-0.5 -0.87L0.5 -0.87Z' },
];

/**
 * The colour and shape of the runner at `index` (8 x 8 distinct pairs before any repeat).
 * @param {number} index
 */
export function runnerStyle(index) {
  const color = OKABE_ITO[index % OKABE_ITO.length];
  const shape = SHAPES[(index + Math.floor(index / OKABE_ITO.length)) % SHAPES.length];
  return { color, shape };
}
