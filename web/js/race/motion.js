// @ts-check
// What a runner is doing, in words, from the last few points of its trail: oscillating
// (the component of each step across the valley keeps changing sign), stalled (its steps
// are shorter than a threshold), or moving in a direction ("down and right along the
// valley floor"). The valley's axes come from the core's Hessian eigenvectors at the
// runner's position (race.curvature): the flattest direction runs along the valley, the
// steepest across it. Nothing here computes a loss, a gradient or a step; it only reads
// where the core says the runner has been.

/**
 * @typedef {{x: number, y: number}} Vec
 * @typedef {{ lambdaMin: number, lambdaMax: number, vMin: Vec, vMax: Vec, kind: string, conditionNumber: number }} CurvatureLike
 * @typedef {{ along: Vec, across: Vec, valley: boolean }} Axes
 * @typedef {'converged'|'diverged'|'starting'|'stalled'|'oscillating'|'zig-zagging'|'moving'} MotionKind
 * @typedef {{ kind: MotionKind, words: string, flips: number, pairs: number, meanStep: number, heading: string }} Motion
 */

/** A curvature counts as a valley when it is at least this many times steeper across than along. */
export const VALLEY_CONDITION = 4;
/**
 * Fraction of consecutive step pairs whose across component must change sign to call it
 * oscillation: 0.4 counts a bounce that turns every one or two steps (momentum's slower swing).
 */
export const FLIP_FRACTION = 0.4;
/** The across-valley part of the steps must be at least this fraction of the along part to be heard as a zig-zag. */
const ZIGZAG_SHARE = 0.2;
/** Default points read from the end of a trail. */
export const DEFAULT_WINDOW = 12;

/**
 * The valley's axes from the core's curvature at a point: along = the flattest eigenvector,
 * across = the steepest. `valley` is false on a saddle, a cap, a flat spot or a round bowl,
 * where "valley" would mislead; the axes are still the eigen-directions.
 * @param {CurvatureLike | null | undefined} c
 * @returns {Axes | null}
 */
export function valleyAxes(c) {
  if (!c || ![c.vMin?.x, c.vMin?.y, c.vMax?.x, c.vMax?.y].every(Number.isFinite)) return null;
  // Steep upward curvature across, and along a curvature far smaller in size, of either sign: a
  // curved valley such as Rosenbrock's bends slightly downwards along its floor just above it.
  const valley = c.lambdaMax > 0 && c.lambdaMax >= VALLEY_CONDITION * Math.abs(c.lambdaMin);
  return { along: c.vMin, across: c.vMax, valley };
}

/**
 * "up", "down and right", ...: the map's directions (x to the right, y up), from a displacement.
 * A component counts when the direction is within about 67.5° of it, so a mostly
 * horizontal move is just "right".
 * @param {number} dx @param {number} dy
 */
export function headingWords(dx, dy) {
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return '';
  const tilt = Math.sin(Math.PI / 8); // 22.5°: closer than this to an axis is that axis alone
  const vertical = Math.abs(dy) / len > tilt ? (dy > 0 ? 'up' : 'down') : '';
  const horizontal = Math.abs(dx) / len > tilt ? (dx > 0 ? 'right' : 'left') : '';
  return [vertical, horizontal].filter(Boolean).join(' and ');
}

/**
 * Classifies a runner's recent motion.
 * @param {ArrayLike<number>} points flat [x, y, loss, x, y, loss, ...], oldest first (a trail's tail)
 * @param {{ status: string, axes?: Axes | null, stallStep: number, stepsPerPoint?: number, gradient?: Vec | null }} options
 *   stallStep: a step shorter than this (in x-y units, per optimizer step) counts as no movement;
 *   stepsPerPoint: optimizer steps between consecutive points (1 unless the trail was thinned);
 *   gradient: the gradient of the runner's last step (the core's runnerInfo gx, gy): on the valley
 *   floor it points mostly along the valley; elsewhere the words say "along the valley", not its floor
 * @returns {Motion}
 */
export function classifyMotion(points, { status, axes = null, stallStep, stepsPerPoint = 1, gradient = null }) {
  const n = Math.floor(points.length / 3);
  const none = { flips: 0, pairs: 0, meanStep: 0, heading: '' };
  if (status === 'diverged') return { kind: 'diverged', words: 'diverged and stopped', ...none };
  if (status === 'converged') return { kind: 'converged', words: 'stopped at its resting point', ...none };
  if (n < 3) return { kind: 'starting', words: 'just starting', ...none };

  /** @type {{dx: number, dy: number}[]} */
  const moves = [];
  for (let i = 1; i < n; i++) {
    const dx = points[3 * i] - points[3 * (i - 1)];
    const dy = points[3 * i + 1] - points[3 * (i - 1) + 1];
    if (Number.isFinite(dx) && Number.isFinite(dy)) moves.push({ dx, dy });
  }
  if (moves.length < 2) return { kind: 'starting', words: 'just starting', ...none };
  const meanStep = moves.reduce((s, m) => s + Math.hypot(m.dx, m.dy), 0) / moves.length / Math.max(1, stepsPerPoint);
  const netX = points[3 * (n - 1)] - points[0];
  const netY = points[3 * (n - 1) + 1] - points[1];
  const heading = headingWords(netX, netY);
  if (!(meanStep >= stallStep)) {
    // Points more than one step apart cannot tell tiny steps from a bounce that returns to the same
    // place, so the words then claim only what the points show: no progress.
    const words = stepsPerPoint > 1 ? `stalled: no visible progress over its last ${Math.round((n - 1) * stepsPerPoint)} steps`
      : 'stalled: its steps have become too small to see';
    return { kind: 'stalled', words, flips: 0, pairs: 0, meanStep, heading };
  }

  // Across and along components of each step; without axes, the steepest direction is unknown,
  // so x stands in for "across" (only the sign pattern matters).
  const across = axes?.across ?? { x: 1, y: 0 };
  const along = axes?.along ?? { x: 0, y: 1 };
  const a = moves.map((m) => m.dx * across.x + m.dy * across.y);
  const b = moves.map((m) => m.dx * along.x + m.dy * along.y);
  const meanAcross = a.reduce((s, v) => s + Math.abs(v), 0) / a.length;
  const meanAlong = b.reduce((s, v) => s + Math.abs(v), 0) / b.length;
  // A component this small next to the step is rounding noise, not a turn.
  const tiny = 1e-9 * (meanAcross + meanAlong);
  let flips = 0;
  let pairs = 0;
  for (let i = 1; i < a.length; i++) {
    if (Math.abs(a[i]) <= tiny || Math.abs(a[i - 1]) <= tiny) continue;
    pairs++;
    if (Math.sign(a[i]) !== Math.sign(a[i - 1])) flips++;
  }
  const oscillates = pairs >= 3 && flips >= FLIP_FRACTION * pairs && meanAcross >= ZIGZAG_SHARE * meanAlong;
  const valley = axes?.valley ?? false;
  const netAlong = netX * along.x + netY * along.y;
  const netAcross = netX * across.x + netY * across.y;
  const alongValley = valley && Math.abs(netAlong) >= 2 * Math.abs(netAcross);
  const g = gradient && Number.isFinite(gradient.x) && Number.isFinite(gradient.y) ? gradient : null;
  const onFloor = g === null || Math.abs(g.x * across.x + g.y * across.y) <= Math.abs(g.x * along.x + g.y * along.y);
  const where = alongValley ? (onFloor ? ' along the valley floor' : ' along the valley') : '';
  if (oscillates && meanAcross >= meanAlong) {
    return { kind: 'oscillating', words: valley ? 'oscillating across the valley' : 'oscillating back and forth',
      flips, pairs, meanStep, heading };
  }
  if (oscillates) {
    const drift = heading ? `moving ${heading}${where}` : 'drifting';
    return { kind: 'zig-zagging', words: `${drift}, zig-zagging ${valley ? 'across the valley' : 'from side to side'}`,
      flips, pairs, meanStep, heading };
  }
  return { kind: 'moving', words: heading ? `moving ${heading}${where}` : 'circling in place', flips, pairs, meanStep, heading };
}
