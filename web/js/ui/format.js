// @ts-check
// Numbers as the page shows them. Nothing here prints "NaN" or "Infinity": a value
// that is not finite reads "not finite".

/** Fixed decimals for ordinary magnitudes, scientific notation for huge or tiny ones. @param {number} v @param {number} decimals */
export function fixed(v, decimals) {
  if (!Number.isFinite(v)) return 'not finite';
  if (Math.abs(v) >= 1e6) return v.toExponential(3);
  const text = v.toFixed(decimals);
  // -0.0004 rounds to "-0.000": a sign on a shown zero only confuses, so drop it.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Compact: 4 significant digits, exponent when needed. @param {number} v */
export function compact(v) {
  if (!Number.isFinite(v)) return 'not finite';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

/**
 * A coordinate of the readout: 3 decimals as in the chapter, and from 10,000 on (a runner that
 * flew off the map) an exponent, so the line still fits the race column.
 * @param {number} v
 */
function coordinate(v) {
  return Number.isFinite(v) && Math.abs(v) >= 1e4 ? v.toExponential(3) : fixed(v, 3);
}

/** The chapter's readout: "Loss: 12.5000 | Pos: (-1.500, 2.000)". @param {{loss: number, x: number, y: number}} r */
export function readout(r) {
  return `Loss: ${fixed(r.loss, 4)} | Pos: (${coordinate(r.x)}, ${coordinate(r.y)})`;
}

/**
 * A step count with thousands separators: 1,125. Grouped by hand rather than with
 * Intl.NumberFormat: the first Intl formatter of a page loads the ICU number data (~25 ms of
 * a page load's main thread, 100 ms on a slow phone), and the page always writes counts the
 * en-US way, whatever the browser's locale.
 * @param {number} n
 */
export function steps(n) {
  if (!Number.isFinite(n)) return 'not finite';
  const digits = String(Math.abs(Math.round(n)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
  return n <= -0.5 ? `-${out}` : out;
}

/** The learning rate as the chapter shows it: 4 decimals (0.0010). @param {number} lr */
export function learningRate(lr) {
  return lr >= 1e-4 ? lr.toFixed(4) : lr.toExponential(1);
}
