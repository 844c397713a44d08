// @ts-check
// Values that questions take from the core instead of typing them in: the weight a
// momentum buffer keeps of an old gradient, Adam's first steps without bias
// correction, the optimizers' memory, the lr a schedule gives at a step. Each computation
// asks the core (core.probeOptimizer, core.stateValuesPerParameter, a race) and returns plain numbers.
import { createQuizRace } from './race-spec.js';

/** @typedef {import('../core/wrap-core.js').Core} Core */

/** Significant-digit formatting for texts. @param {number} v @param {number} [digits] */
export function fmt(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}

/** @param {{ name: string, values: Float64Array }[]} buffers @param {string} name */
function buffer(buffers, name) {
  const b = buffers.find((x) => x.name === name);
  if (!b) throw new Error(`the optimizer has no buffer '${name}'`);
  return b.values;
}

/**
 * The weight that SGD's momentum buffer gives a gradient `lag` steps old, measured: one unit
 * gradient, then zeros, through torch's SGD; the buffer after step k+1 is the weight at lag k.
 * @param {Core} core @param {{ momentum: number, lag: number, series?: number }} args
 */
export function momentumWeights(core, { momentum, lag, series = 0 }) {
  const n = Math.max(lag, series) + 1;
  const grads = [1, ...new Array(n - 1).fill(0)];
  const r = core.probeOptimizer('sgd', { lr: 0.1, momentum }, [0], grads);
  const weights = Array.from(buffer(r.buffers, 'momentum_buffer'));
  return { value: weights[lag], weights };
}

/**
 * Adam's step sizes with and without bias correction under a constant unit gradient, in units
 * of lr: the ratio of the first step (and of later ones) without correction to with it.
 * @param {Core} core @param {{ lr?: number, betas?: number[], steps?: number }} args
 */
export function adamBiasCorrection(core, { lr = 1e-3, betas = [0.9, 0.999], steps = 10 }) {
  const grads = new Array(steps).fill(1);
  /** @param {boolean} on */
  const stepSizes = (on) => {
    const p = core.probeOptimizer('adam', { lr, betas, bias_correction: on }, [0], grads).params;
    return Array.from(p, (v, i) => Math.abs(v - (i ? p[i - 1] : 0)) / lr);
  };
  const withBc = stepSizes(true);
  const without = stepSizes(false);
  return { value: without[0] / withBc[0], withBc, without };
}

/**
 * The lr a scheduled runner's optimizer uses at step `step` (counted from 0, i.e. after `step`
 * scheduler steps), measured by racing it: the core reports the lr each step used, so the race
 * runs step + 1 steps. A runner that stops earlier cannot answer, and this throws.
 * @param {Core} core @param {{ race: any, step: number }} args race: a quiz race spec with one runner
 */
export function scheduledLr(core, { race: spec, step }) {
  const race = createQuizRace(core, { ...spec, steps: step + 1 });
  try {
    race.advance(step + 1);
    const info = race.runnerInfo(0);
    if (info.steps !== step + 1) throw new Error(`the runner stopped at step ${info.steps} before step ${step}`);
    return { value: info.lr };
  } finally {
    race.dispose();
  }
}

/**
 * Persistent state values per parameter, as the core counts them.
 * @param {Core} core @param {{ optimizers: { id: string, settings?: Record<string, any>, label?: string }[] }} args
 */
export function stateValues(core, { optimizers }) {
  return optimizers.map((o) => ({ label: o.label ?? core.optimizer(o.id).displayName, id: o.id,
    values: core.stateValuesPerParameter(o.id, o.settings ?? {}) }));
}

/**
 * Everything a question needs from the core: its numeric answer, which choices are right,
 * the values its texts name ({{placeholders}}) and the data of its figure.
 * @param {Core} core @param {any} q
 * @returns {{ answer?: number, correctIds: Set<string>, values: Record<string, string | number>, figure?: any }}
 */
export function resolveQuestion(core, q) {
  /** @type {Record<string, string | number>} */
  const values = {};
  let answer;
  let correctIds = new Set((q.choices ?? []).filter((c) => c.correct).map((c) => c.id));
  let figure;

  if (q.type === 'numeric') {
    if ('value' in q.answer) answer = q.answer.value;
    else if (q.answer.compute === 'momentum-weight') {
      const r = momentumWeights(core, q.answer.args);
      answer = r.value;
    } else if (q.answer.compute === 'adam-first-step-ratio') {
      const r = adamBiasCorrection(core, q.answer.args ?? {});
      answer = r.value;
      values.withoutSteps = r.without.slice(0, 5).map((v) => fmt(v)).join(', ');
      values.withSteps = r.withBc.slice(0, 5).map((v) => fmt(v)).join(', ');
      values.lastWithout = fmt(r.without[r.without.length - 1]);
      values.stepsProbed = r.without.length;
    } else if (q.answer.compute === 'scheduled-lr') {
      answer = scheduledLr(core, q.answer.args).value;
    } else {
      throw new Error(`a numeric answer cannot come from '${q.answer.compute}'`);
    }
    values.answer = fmt(/** @type {number} */ (answer), 4);
  }

  if (q.correctFrom) {
    if (q.correctFrom.compute !== 'less-state-than') throw new Error(`choices cannot be decided by '${q.correctFrom.compute}'`);
    const ref = q.correctFrom.args.reference;
    const refValues = core.stateValuesPerParameter(ref.id, ref.settings ?? {});
    values.reference = refValues;
    correctIds = new Set();
    for (const c of q.choices) {
      const v = core.stateValuesPerParameter(c.optimizer.id, c.optimizer.settings ?? {});
      values[`state.${c.id}`] = v;
      if (v < refValues) correctIds.add(c.id);
    }
  }

  if (q.figure?.kind === 'momentum-weights') {
    const args = q.figure.args ?? {};
    const r = momentumWeights(core, { momentum: args.momentum, lag: args.highlight ?? 0, series: args.count ?? 20 });
    figure = { kind: 'momentum-weights', momentum: args.momentum, highlight: args.highlight, weights: r.weights };
  } else if (q.figure?.kind === 'memory-table') {
    figure = { kind: 'memory-table', rows: stateValues(core, q.figure.args) };
    for (const row of figure.rows) values[`memory.${row.id}`] = row.values;
  }
  return { answer, correctIds, values, figure };
}

/**
 * The value of a typed formula without x or y ("0.9^10", "sqrt(10)", "1/(1-0.9)"), worked out
 * by the core's expression parser: the formula becomes a custom landscape, and its loss at
 * the start point is the value. The page never evaluates formulas itself.
 * @param {Core} core @param {string} text
 * @returns {{ value: number | null, error: string }}
 */
export function evaluateConstant(core, text) {
  const t = String(text).trim();
  if (t.length > 200) return { value: null, error: 'the formula is too long' };
  if (/(^|[^a-z_])[xy]($|[^a-z_(])/i.test(t)) return { value: null, error: 'it uses x or y; type a number' };
  const checked = core.checkExpression(t);
  if (checked.error) return { value: null, error: checked.error };
  let race;
  try {
    race = core.createRace('custom', {}, { x: 0, y: 0 }, { expr: t });
    race.addRunner('sgd', { lr: 0.001 }, 'value');
    const v = race.runnerInfo(0).loss;
    return Number.isFinite(v) ? { value: v, error: '' } : { value: null, error: 'its value is not a finite number' };
  } catch (e) {
    return { value: null, error: /** @type {Error} */ (e).message };
  } finally {
    race?.dispose();
  }
}
