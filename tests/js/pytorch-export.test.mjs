// The page's "PyTorch script" export, run under real torch (Debian's python3-torch, with
// ATEN_CPU_CAPABILITY=default), prints the rows of the page's own CSV export within 1e-12, for
// races over several landscapes and every optimizer torch has. Also the coding exercise's
// answer key (SGD + momentum by hand, checked against optim.SGD) runs and passes.
// Skipped, with the reason, only where /usr/bin/python3 cannot import torch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNodeCore } from './load-core.mjs';
import { pytorchScript } from '../../web/js/export/pytorch-script.js';
import { trajectoriesCsv } from '../../web/js/ui/export.js';
import { runnerSettings } from '../../web/js/state/properties.js';

const PYTHON = '/usr/bin/python3';
const env = { ...process.env, ATEN_CPU_CAPABILITY: 'default' };
const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { env, encoding: 'utf8' });
const torchMissing = probe.status === 0 ? false
  : `torch is not importable by ${PYTHON} (install Debian's python3-torch: scripts/setup.sh --browser does): ${(probe.stderr || probe.error?.message || '').trim().split('\n').pop()}`;

const { core } = await loadNodeCore();
const ROSENBROCK = { landscape: 'rosenbrock', landscapeParams: { a: 1, b: 100 }, start: { x: -1.5, y: 2 } };
// speed (steps per frame) is only how fast the page animates; the script and the CSV ignore it.
const base = { noise: 0, seed: 1, speed: 5, expr: '', domain: { xmin: -3, xmax: 3, ymin: -3, ymax: 3 } };
const run = (optimizer, params = {}) => ({ optimizer, params });

/**
 * Races the export must reproduce: landscapes with parameters, stops (converged, diverged), every torch optimizer.
 * @type {{ name: string, steps: number, state: import('../../web/js/state/properties.js').RaceState }[]}
 */
const RACES = [
  { name: 'the chapter race', steps: 400, state: { ...base, ...ROSENBROCK, lr: 0.001, runners: [run('sgd'), run('sgd', { momentum: 0.9 }), run('adam')] } },
  { name: 'Rosenbrock at lr 0.01: SGD diverges', steps: 60, state: { ...base, ...ROSENBROCK, lr: 0.01,
    runners: [run('sgd'), run('sgd', { momentum: 0.9, nesterov: true }), run('adam', { amsgrad: true, weight_decay: 0.01 })] } },
  { name: 'ravine, SGD to convergence and adaptive runners', steps: 300, state: { ...base, landscape: 'ravine', landscapeParams: { kappa: 50, angle: 0 },
    start: { x: -4, y: 1 }, lr: 0.035, runners: [run('sgd'), run('rmsprop', { lr: 0.01, centered: true }), run('adagrad', { lr: 0.1, lr_decay: 0.01 }),
      run('sgd', { momentum: 0.9, dampening: 0.1, weight_decay: 0.01 })] } },
  { name: 'Himmelblau, the Adam family and Lion', steps: 250, state: { ...base, landscape: 'himmelblau', landscapeParams: {}, start: { x: -0.5, y: -0.5 },
    lr: 0.01, runners: [run('adamw'), run('nadam'), run('lion', { lr: 0.001, weight_decay: 0.1 }), run('radam'), run('adamax'), run('adadelta', { lr: 0.5 })] } },
  { name: 'saddle and Beale', steps: 200, state: { ...base, landscape: 'saddle', landscapeParams: {}, start: { x: -1, y: 0.001 }, lr: 0.01,
    runners: [run('sgd'), run('sgd', { momentum: 0.9 })] } },
  { name: 'Beale', steps: 200, state: { ...base, landscape: 'beale', landscapeParams: {}, start: { x: 1, y: 1.5 }, lr: 0.01, runners: [run('adam'), run('rmsprop')] } },
  { name: 'a rotated ravine', steps: 200, state: { ...base, landscape: 'ravine', landscapeParams: { kappa: 20, angle: 30 }, start: { x: -4, y: 1 }, lr: 0.02,
    runners: [run('sgd', { momentum: 0.5 })] } },
  { name: 'the sparse feature (masked y-gradient)', steps: 300, state: { ...base, landscape: 'sparse_feature', landscapeParams: { density: 0.1, seed: 1 },
    start: { x: -2, y: -2 }, lr: 0.1, runners: [run('sgd'), run('adam'), run('adagrad')] } },
  { name: 'a typed function', steps: 200, state: { ...base, landscape: 'custom', landscapeParams: {}, expr: 'sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)',
    start: { x: 1.2, y: -0.7 }, lr: 0.01, runners: [run('adam'), run('sgd', { momentum: 0.9 })] } },
  { name: 'Goldstein-Price and six-hump camel', steps: 150, state: { ...base, landscape: 'six_hump_camel', landscapeParams: {}, start: { x: -1.9, y: 1.2 },
    lr: 0.005, runners: [run('sgd'), run('adam', { lr: 0.05 })] } },
];

/** The page's CSV of the race, exactly as the page builds it (ui/export.js from the core's trajectories). */
function pageCsv(state, steps) {
  const custom = state.landscape === 'custom' ? { expr: state.expr, domain: state.domain } : undefined;
  const race = core.createRace(state.landscape, state.landscapeParams, state.start, custom);
  try {
    race.setNoise(state.noise, state.seed);
    const labels = state.runners.map((r, i) => `${r.optimizer} ${i + 1}`);
    state.runners.forEach((r, i) => race.addRunner(r.optimizer, runnerSettings(r, state.lr), labels[i]));
    race.advance(steps);
    return { labels, csv: trajectoriesCsv(labels, labels.map((_, i) => race.trajectorySince(i, -1))) };
  } finally {
    race.dispose();
  }
}

/** runner -> step -> [x, y, loss] as text fields. */
function rows(csv) {
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'runner,step,x,y,loss');
  const out = new Map();
  for (const line of lines.slice(1)) {
    const m = /^"((?:[^"]|"")*)",(\d+),([^,]+),([^,]+),([^,]+)$/.exec(line);
    assert.ok(m, `not a CSV row of the page's format: ${line}`);
    if (!out.has(m[1])) out.set(m[1], new Map());
    out.get(m[1]).set(Number(m[2]), [m[3], m[4], m[5]]);
  }
  return out;
}

/** Runs every script in one Python process (torch imports once); returns each one's stdout. */
function runScripts(scripts) {
  const dir = mkdtempSync(join(tmpdir(), 'optlab-torch-'));
  try {
    const files = scripts.map((text, i) => { const f = join(dir, `race${i}.py`); writeFileSync(f, text); return f; });
    const driver = join(dir, 'driver.py');
    writeFileSync(driver, [
      'import contextlib, runpy, sys',
      'for path in sys.argv[1:]:',
      '    with open(path + ".csv", "w") as out, contextlib.redirect_stdout(out):',
      '        sys.argv = [path]',
      '        runpy.run_path(path, run_name="__main__")',
    ].join('\n'));
    execFileSync(PYTHON, [driver, ...files], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300000 });
    return files.map((f) => readFileSync(`${f}.csv`, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the exported PyTorch script prints the page\'s CSV rows within 1e-12', { skip: torchMissing }, () => {
  const pages = RACES.map((r) => pageCsv(r.state, r.steps));
  const outputs = runScripts(RACES.map((r, i) => pytorchScript(core, r.state, pages[i].labels, r.steps)));
  RACES.forEach((race, i) => {
    const page = rows(pages[i].csv);
    const torch = rows(outputs[i]);
    assert.deepEqual([...torch.keys()], pages[i].labels, `${race.name}: the same runners, same names`);
    for (const [label, pageRows] of page) {
      const torchRows = torch.get(label);
      assert.deepEqual([...torchRows.keys()], [...pageRows.keys()], `${race.name}, ${label}: one row per step, stopping where the page stops`);
      for (const [step, want] of pageRows) {
        const got = torchRows.get(step);
        want.forEach((w, c) => {
          const a = Number(w);
          const b = Number(got[c]);
          const ok = Number.isFinite(a) ? Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)) : String(a) === String(b);
          assert.ok(ok, `${race.name}, ${label}, step ${step}, ${['x', 'y', 'loss'][c]}: page ${w}, torch ${got[c]}`);
        });
      }
    }
  });
});

test('what torch cannot reproduce is refused in the script, with the reason', () => {
  const state = { ...base, ...ROSENBROCK, lr: 0.001, runners: [run('adam', { bias_correction: false }), run('sgd')] };
  const script = pytorchScript(core, state, ['no bias correction', 'SGD'], 10);
  assert.match(script, /# Runner "no bias correction" is left out: it uses the app's teaching switch bias_correction/);
  assert.doesNotMatch(script, /\("no bias correction"/);
  const noisy = pytorchScript(core, { ...state, noise: 0.5 }, ['no bias correction', 'SGD'], 10);
  assert.match(noisy, /gradient noise \(sigma 0\.5, seed 1\)/);
  assert.match(noisy, /sys\.exit\(/);
  // A runner with an lr schedule or clipping is not exported (yet): said, never silently dropped.
  const scheduled = pytorchScript(core, { ...state, runners: [{ ...run('sgd'), schedule: 'StepLR(step_size=5)' },
    { ...run('adam'), clipGradNorm: 1 }, run('sgd')] }, ['stepped', 'clipped', 'SGD'], 10);
  assert.match(scheduled, /# Runner "stepped" is left out: its lr schedule or gradient clipping is not exported yet\./);
  assert.match(scheduled, /# Runner "clipped" is left out/);
  assert.doesNotMatch(scheduled, /\("stepped"|\("clipped"/);
  assert.match(scheduled, /\("SGD"/);
});

test('the coding exercise\'s answer key: SGD + momentum (and Nesterov) by hand, asserted equal to optim.SGD, prints the page\'s rows', { skip: torchMissing }, () => {
  const state = { ...base, ...ROSENBROCK, lr: 0.001,
    runners: [run('sgd', { momentum: 0.9 }), run('sgd', { momentum: 0.9, nesterov: true }), run('sgd', { momentum: 0.5, dampening: 0.1, weight_decay: 0.01 }), run('adam')] };
  const steps = 300;
  const page = pageCsv(state, steps);
  const script = pytorchScript(core, state, page.labels, steps, { fromScratch: true });
  assert.match(script, /class SGDFromScratch/);
  assert.match(script, /lambda params: SGDFromScratch\(params, lr=0\.001, momentum=0\.9/);
  const dir = mkdtempSync(join(tmpdir(), 'optlab-scratch-'));
  try {
    const file = join(dir, 'exercise1.py');
    writeFileSync(file, script);
    const r = spawnSync(PYTHON, [file], { env, encoding: 'utf8', timeout: 300000 });
    assert.equal(r.status, 0, r.stderr);
    for (const label of page.labels.slice(0, 3)) assert.ok(r.stderr.includes(`${label}: SGD from scratch matches torch.optim.SGD for 300 steps`), r.stderr);
    const want = rows(page.csv);
    const got = rows(r.stdout);
    for (const [label, pageRows] of want) {
      assert.deepEqual([...got.get(label).keys()], [...pageRows.keys()], label);
      for (const [step, w] of pageRows) {
        const g = got.get(label).get(step);
        w.forEach((v, c) => assert.ok(Math.abs(Number(v) - Number(g[c])) <= 1e-12 * Math.max(1, Math.abs(Number(v))), `${label} ${step}: ${v} vs ${g[c]}`));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
