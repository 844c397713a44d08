// @ts-check
// A runner's name on screen, derived from its state so it needs no storage:
// SGD with momentum reads "Momentum" (the chapter's name), Nesterov "Nesterov", and
// a runner whose settings differ from torch's defaults names the differences, so
// two runners of one optimizer can be told apart ("Adam (eps=1)"). A learning-rate schedule
// and gradient clipping are named after it ("SGD + CosineAnnealingLR", "Momentum + clip norm 10"),
// so a constant runner and a scheduled one never share a name.
import { hyperDefault } from '../state/properties.js';
import { splitSchedulerCall, topLevelPieces } from '../state/schedule.js';

/** @param {import('../state/properties.js').HyperValue} v */
function show(v) {
  return Array.isArray(v) ? `(${v.join(', ')})` : String(v);
}

/**
 * The scheduler's name, and for SequentialLR its children's names in order ("LinearLR→CosineAnnealingLR").
 * @param {string} text torch's call, as the runner keeps it
 */
function scheduleName(text) {
  const call = splitSchedulerCall(text);
  if (!call) return text;
  if (call.id !== 'SequentialLR' || !call.args.schedulers) return call.id;
  return topLevelPieces(call.args.schedulers, '+').map((child) => splitSchedulerCall(child)?.id ?? child).join('\u2192');
}

/** " + CosineAnnealingLR + clip norm 10", or "" for a runner without schedule or clipping. @param {import('../state/schedule.js').RunnerTraining} runner */
function trainingSuffix(runner) {
  const parts = [];
  if (runner.schedule) parts.push(scheduleName(runner.schedule));
  if (runner.clipGradNorm !== undefined) parts.push(`clip norm ${runner.clipGradNorm}`);
  if (runner.clipGradValue !== undefined) parts.push(`clip value ${runner.clipGradValue}`);
  return parts.map((p) => ` + ${p}`).join('');
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
  const base = (extras.length ? `${name} (${extras.join(', ')})` : name) + trainingSuffix(runner);
  if (all.length < 2) return base;
  const twins = all.map((r) => JSON.stringify(r)).filter((s, i) => i < index && s === JSON.stringify(runner)).length;
  return twins ? `${base} #${twins + 1}` : base;
}
