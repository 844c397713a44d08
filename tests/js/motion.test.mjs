// The motion classifier (web/js/race/motion.js) on hand-made trails: each rule can fire and
// each can stay silent, so the words the description uses are earned by the points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyMotion, headingWords, valleyAxes } from '../../web/js/race/motion.js';

/** Flat [x, y, loss] points from [x, y] pairs (the loss does not matter to the classifier). */
const flat = (/** @type {number[][]} */ xy) => xy.flatMap(([x, y]) => [x, y, 0]);
const ALONG_X = { along: { x: 1, y: 0 }, across: { x: 0, y: 1 }, valley: true };

test('heading words follow the map: y up, x right; near an axis only that axis is named', () => {
  assert.equal(headingWords(1, -1), 'down and right');
  assert.equal(headingWords(-1, 1), 'up and left');
  assert.equal(headingWords(1, 0.1), 'right');
  assert.equal(headingWords(0, -2), 'down');
  assert.equal(headingWords(0, 0), '');
});

test('valley axes come from the curvature: along = flattest eigenvector; a saddle or a round bowl is no valley', () => {
  const bowl = { lambdaMin: 1, lambdaMax: 50, vMin: { x: 1, y: 0 }, vMax: { x: 0, y: 1 }, kind: 'positive definite', conditionNumber: 50 };
  assert.deepEqual(valleyAxes(bowl), ALONG_X);
  assert.equal(valleyAxes({ ...bowl, lambdaMin: -40, conditionNumber: NaN })?.valley, false, 'a saddle is no valley');
  assert.equal(valleyAxes({ ...bowl, lambdaMin: -0.2, conditionNumber: NaN })?.valley, true, 'a floor that bends slightly down along is');
  assert.equal(valleyAxes({ ...bowl, lambdaMin: 40, conditionNumber: 1.25 })?.valley, false, 'a round bowl is not a valley');
  assert.equal(valleyAxes(null), null);
  assert.equal(valleyAxes({ ...bowl, vMin: { x: NaN, y: 0 } }), null);
});

test('alternating across-valley steps are oscillation; the same steps without flips are not', () => {
  const zig = flat([[0, 1], [0.01, -0.8], [0.02, 0.6], [0.03, -0.5], [0.04, 0.4], [0.05, -0.3]]);
  const m = classifyMotion(zig, { status: 'running', axes: ALONG_X, stallStep: 1e-9 });
  assert.equal(m.kind, 'oscillating');
  assert.equal(m.words, 'oscillating across the valley');
  assert.equal(m.flips, m.pairs);
  const slide = flat([[0, 1], [0.01, 0.8], [0.02, 0.6], [0.03, 0.5], [0.04, 0.4], [0.05, 0.3]]);
  const s = classifyMotion(slide, { status: 'running', axes: ALONG_X, stallStep: 1e-9 });
  assert.equal(s.kind, 'moving');
  assert.equal(s.flips, 0);
});

test('a small zig-zag on a long drift along the valley is a drift that zig-zags', () => {
  const pts = flat([[0, 0.05], [0.2, -0.04], [0.4, 0.03], [0.6, -0.025], [0.8, 0.02], [1, -0.015]]);
  const m = classifyMotion(pts, { status: 'running', axes: ALONG_X, stallStep: 1e-9 });
  assert.equal(m.kind, 'zig-zagging');
  assert.equal(m.words, 'moving right along the valley floor, zig-zagging across the valley');
});

test('steps below the threshold are a stall; the threshold counts optimizer steps, not trail points', () => {
  const tiny = flat([[1, 1], [1 + 1e-7, 1], [1 + 2e-7, 1], [1 + 3e-7, 1]]);
  assert.equal(classifyMotion(tiny, { status: 'running', axes: ALONG_X, stallStep: 1e-6 }).kind, 'stalled');
  assert.equal(classifyMotion(tiny, { status: 'running', axes: ALONG_X, stallStep: 1e-8 }).kind, 'moving');
  // Thinned trail: 1e-7 between points 100 steps apart is 1e-9 per step.
  assert.equal(classifyMotion(tiny, { status: 'running', axes: ALONG_X, stallStep: 1e-8, stepsPerPoint: 100 }).kind, 'stalled');
});

test('a straight move down and right along a valley says so; across it, no valley floor', () => {
  const diag = { along: { x: Math.SQRT1_2, y: -Math.SQRT1_2 }, across: { x: Math.SQRT1_2, y: Math.SQRT1_2 }, valley: true };
  const pts = flat([[0, 0], [0.1, -0.1], [0.2, -0.2], [0.3, -0.3]]);
  assert.equal(classifyMotion(pts, { status: 'running', axes: diag, stallStep: 1e-9 }).words, 'moving down and right along the valley floor');
  assert.equal(classifyMotion(pts, { status: 'running', axes: { ...diag, valley: false }, stallStep: 1e-9 }).words, 'moving down and right');
});

test('status wins: diverged and converged runners are not classified by their points', () => {
  const zig = flat([[0, 1], [0, -1], [0, 1], [0, -1]]);
  assert.equal(classifyMotion(zig, { status: 'diverged', axes: ALONG_X, stallStep: 1e-9 }).kind, 'diverged');
  assert.equal(classifyMotion(zig, { status: 'converged', axes: ALONG_X, stallStep: 1e-9 }).kind, 'converged');
  assert.equal(classifyMotion(flat([[0, 0]]), { status: 'running', stallStep: 1e-9 }).kind, 'starting');
});

test('"valley floor" only where the gradient points mostly along the valley', () => {
  const pts = flat([[0, 0.5], [0.1, 0.5], [0.2, 0.5], [0.3, 0.5]]);
  const at = (/** @type {{x: number, y: number}} */ gradient) => classifyMotion(pts, { status: 'running', axes: ALONG_X, stallStep: 1e-9, gradient }).words;
  assert.equal(at({ x: -1, y: 0.1 }), 'moving right along the valley floor');
  assert.equal(at({ x: -0.1, y: 25 }), 'moving right along the valley');
});
