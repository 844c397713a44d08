// How the page writes numbers: the chapter's readout, no "NaN", no "-0.000".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, readout, learningRate, compact, steps } from '../../web/js/ui/format.js';

test('the readout has the chapter\'s shape', () => {
  assert.equal(readout({ loss: 12.5, x: -1.5, y: 2 }), 'Loss: 12.5000 | Pos: (-1.500, 2.000)');
});

test('a runner far off the map reads as exponents, short enough for the race column', () => {
  assert.equal(readout({ loss: 1.254e22, x: -105828.6, y: 37350.25 }), 'Loss: 1.254e+22 | Pos: (-1.058e+5, 3.735e+4)');
  assert.equal(readout({ loss: 3, x: 9999.4, y: -9999.9 }), 'Loss: 3.0000 | Pos: (9999.400, -9999.900)');
});

test('a value that rounds to zero is shown without a sign', () => {
  assert.equal(fixed(-0.0004, 3), '0.000');
  assert.equal(fixed(-0, 4), '0.0000');
  assert.equal(fixed(-0.0006, 3), '-0.001');
  assert.equal(readout({ loss: 0, x: -1e-9, y: -2e-12 }), 'Loss: 0.0000 | Pos: (0.000, 0.000)');
});

test('non-finite values never reach the screen as NaN or Infinity', () => {
  for (const v of [Number.NaN, Infinity, -Infinity]) {
    assert.equal(fixed(v, 3), 'not finite');
    assert.equal(compact(v), 'not finite');
  }
});

test('the learning rate has 4 decimals, as in the chapter', () => {
  assert.equal(learningRate(0.001), '0.0010');
  assert.equal(learningRate(0.1), '0.1000');
});

test('step counts are grouped in thousands the en-US way, whatever the locale', () => {
  const expected = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  for (const n of [0, 7, 999, 1000, 1125, 99999, 100000, 1234567, 1e9 + 1, 12.6, -4321]) {
    assert.equal(steps(n), expected.format(Math.round(n)), String(n));
  }
  assert.equal(steps(Number.NaN), 'not finite');
});
