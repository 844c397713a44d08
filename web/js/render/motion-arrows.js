// @ts-check
// The arrows drawn at the inspected runner: the negative gradient (dashed) and the
// velocity or first moment (solid), both scaled so the longer one is ARROW_PX long on
// screen; and the Hessian's eigen-directions as two lines through a point.
// Geometry only: domain points in, domain points out.

export const ARROW_PX = 56;

/**
 * @typedef {{ from: {x: number, y: number}, to: {x: number, y: number}, color: string, dashed?: boolean, head?: boolean }} Arrow
 * @param {{x: number, y: number}} at @param {{name: string, values: number[]}[]} buffers
 * @param {number} scale screen pixels per domain unit
 * @returns {Arrow[]}
 */
export function motionArrows(at, buffers, scale) {
  const g = buffers.find((b) => b.name === 'grad')?.values;
  const v = buffers.find((b) => b.name === 'momentum_buffer' || b.name === 'exp_avg')?.values;
  const norm = (/** @type {number[] | undefined} */ a) => (a && a.every(Number.isFinite) ? Math.hypot(a[0], a[1]) : 0);
  const big = Math.max(norm(g), norm(v));
  /** @type {Arrow[]} */
  const arrows = [];
  const arrow = (/** @type {number[] | undefined} */ a, /** @type {string} */ color, /** @type {boolean} */ dashed) => {
    const n = norm(a);
    if (!a || !(n > 0) || !(big > 0)) return;
    const len = (Math.max(0.25, n / big) * ARROW_PX) / scale;
    arrows.push({ from: { x: at.x, y: at.y }, to: { x: at.x - (a[0] / n) * len, y: at.y - (a[1] / n) * len }, color, dashed });
  };
  arrow(g, '#ff7f50', true);
  arrow(v, '#7fffd4', false);
  return arrows;
}

/**
 * The two eigen-directions of the Hessian through `at`: solid for λmax, dashed for λmin.
 * @param {{x: number, y: number}} at @param {{ vMax: {x: number, y: number}, vMin: {x: number, y: number} }} c @param {number} scale
 * @returns {Arrow[]}
 */
export function eigenLines(at, c, scale) {
  const len = (ARROW_PX * 1.2) / scale;
  const line = (/** @type {{x: number, y: number}} */ v, /** @type {boolean} */ dashed) => ({
    from: { x: at.x - v.x * len, y: at.y - v.y * len }, to: { x: at.x + v.x * len, y: at.y + v.y * len }, color: '#ffffff', dashed, head: false });
  return [line(c.vMax, false), line(c.vMin, true)];
}
