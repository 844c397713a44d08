// @ts-check
// A runner's name on screen, derived from its state so it needs no storage:
// SGD with momentum reads "Momentum" (the chapter's name), Nesterov "Nesterov", and
// a runner whose settings differ from torch's defaults names the differences, so
// two runners of one optimizer can be told apart ("Adam (eps=1)").
import { hyperDefault } from '../state/properties.js';

/** @param {import('../state/properties.js').HyperValue} v */
function show(v) {
  return Array.isArray(v) ? `(${v.join(', ')})` : String(v);
}

/**
 * @param {import('../core/wrap-core.js').Core} core
 * @param {import('../state/properties.js').RunnerState} runner
 * @param {import('../state/properties.js').RunnerState[]} [all] every runner, to add a number to identical names
 * @param {number} [index]
 */
export function runnerLabel(core, runner, all = [runner], index = 0) {
  const info = core.optimizer(runner.optimizer);
  const p = runner.params;
  let name = info.displayName;
  const named = new Set();
  if (runner.optimizer === 'sgd' && typeof p.momentum === 'number' && p.momentum > 0) {
    name = p.nesterov === true ? 'Nesterov' : 'Momentum';
    named.add('nesterov');
    if (p.momentum === 0.9) named.add('momentum');
  }
  const extras = Object.entries(p)
    .filter(([k, v]) => k === 'lr' || !named.has(k) && JSON.stringify(v) !== JSON.stringify(hyperDefault(
      /** @type {import('../core/wrap-core.js').HyperParamSpec} */ (info.params.find((s) => s.name === k)) ?? { kind: 'number', defaults: [Number.NaN] })))
    .map(([k, v]) => `${k}=${show(v)}`);
  const base = extras.length ? `${name} (${extras.join(', ')})` : name;
  if (all.length < 2) return base;
  const twins = all.map((r) => JSON.stringify(r)).filter((s, i) => i < index && s === JSON.stringify(runner)).length;
  return twins ? `${base} #${twins + 1}` : base;
}
