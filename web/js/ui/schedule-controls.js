// @ts-check
// One runner's learning-rate schedule and gradient clipping, next to its hyperparameters:
// a scheduler from the core's catalog (torch's classes) with its keyword arguments, each
// field showing torch's default, and torch's two clippings (clip_grad_norm_'s max_norm,
// clip_grad_value_'s clip_value). A change is checked by the core first, with this
// runner's optimizer; its message (torch's words) appears next to the controls and only
// a valid setting reaches the state, so the runner keeps racing with its last valid one.
import { el } from './dom.js';
import { runnerSettings } from '../state/properties.js';
import { hasTraining, schedulerCall, splitSchedulerCall, trainingOf, withTraining } from '../state/schedule.js';

/**
 * @typedef {{ name: string, kind: string, default: string, choices: string[], help: string }} SchedulerParam
 * @typedef {{ id: string, help: string, params: SchedulerParam[] }} SchedulerInfo
 */

/**
 * The field for one keyword argument. Its value is the argument's text, '' for torch's default.
 * @param {string} id @param {SchedulerParam} p @param {string} current @param {string} describedBy
 * @returns {{ node: HTMLElement, value: () => string }}
 */
function argumentField(id, p, current, describedBy) {
  const label = el('label', { for: id, title: p.help }, p.name);
  if (p.kind === 'choice' || p.kind === 'bool') {
    const options = p.kind === 'bool' ? ['true', 'false'] : p.choices;
    const pick = el('select', { id, 'aria-describedby': describedBy },
      ...options.map((c) => el('option', { value: c, selected: c === (current || p.default) }, c)));
    return { node: el('div', { class: 'hp', title: p.help }, label, pick), value: () => (pick.value === p.default ? '' : pick.value) };
  }
  const input = el('input', { type: 'text', id, value: current, spellcheck: 'false', 'aria-describedby': describedBy,
    placeholder: p.default === '' ? 'required' : p.default, inputmode: p.kind === 'schedulers' ? undefined : 'decimal' });
  return { node: el('div', { class: `hp${p.kind === 'schedulers' ? ' wide' : ''}`, title: p.help }, label, input), value: () => input.value };
}

/**
 * @param {{ core: import('../core/wrap-core.js').Core, store: import('../state/store.js').Store }} app
 * @param {number} index the runner
 */
export function scheduleControls({ core, store }, index) {
  const runner = store.getState().runners[index];
  /** @type {SchedulerInfo[]} */
  const catalog = core.schedulers;
  const error = el('p', { class: 'field-error', role: 'alert', id: `sched-${index}-error` });
  const current = runner.schedule ? splitSchedulerCall(runner.schedule) : null;
  const chooser = el('select', { id: `sched-${index}-scheduler`, 'aria-describedby': error.id },
    el('option', { value: '' }, 'constant lr (no scheduler)'),
    ...catalog.map((s) => el('option', { value: s.id, selected: s.id === current?.id, title: s.help }, s.id)));
  const argsBox = el('div', { class: 'hp-grid sched-args' });
  /** @type {{ name: string, value: () => string }[]} */
  let args = [];
  const help = el('p', { class: 'muted small' });

  /** The argument fields of the chosen scheduler, filled from `given`. @param {Record<string, string>} given */
  const showArguments = (given) => {
    const info = catalog.find((s) => s.id === chooser.value);
    help.textContent = info ? `torch.optim.lr_scheduler.${info.id}: ${info.help}.` : 'The optimizer keeps the lr it was given.';
    args = (info?.params ?? []).map((p) => {
      const f = argumentField(`sched-${index}-${p.name}`, p, given[p.name] ?? '', error.id);
      return { name: p.name, value: f.value, node: f.node };
    });
    argsBox.replaceChildren(.../** @type {any[]} */ (args).map((a) => a.node));
  };
  showArguments(current?.args ?? {});

  /** @param {string} name @param {number | undefined} value */
  const clipField = (name, value) => el('input', { type: 'number', step: 'any', min: '0', id: `sched-${index}-${name}`,
    value: value === undefined ? '' : String(value), placeholder: 'off', 'aria-describedby': error.id });
  const norm = clipField('clip_grad_norm', runner.clipGradNorm);
  const value = clipField('clip_grad_value', runner.clipGradValue);
  /** '' is off; anything else must read as a number (the core judges its range). @param {HTMLInputElement} input */
  const readClip = (input) => (input.value.trim() === '' ? undefined : input.valueAsNumber);

  const commit = () => {
    const s = store.getState();
    const r = s.runners[index];
    const schedule = chooser.value
      ? schedulerCall(chooser.value, Object.fromEntries(args.map((a) => [a.name, a.value()]))) : undefined;
    const candidate = withTraining(r, { schedule, clipGradNorm: readClip(norm), clipGradValue: readClip(value) });
    const clipText = [norm, value].some((i) => i.value.trim() !== '' && !Number.isFinite(i.valueAsNumber));
    const message = clipText ? 'A clipping threshold must be a number.'
      : core.checkTraining(candidate.optimizer, runnerSettings(candidate, s.lr), trainingOf(candidate));
    error.textContent = message ? `${message} — the runner keeps racing with its last valid schedule.` : '';
    if (message) return;
    store.setState({ runners: s.runners.map((x, i) => (i === index ? candidate : x)) });
  };
  chooser.addEventListener('change', () => { showArguments({}); commit(); });
  argsBox.addEventListener('change', commit);
  norm.addEventListener('change', commit);
  value.addEventListener('change', commit);

  return el('details', { class: 'hyperparams schedule-controls', open: hasTraining(runner) },
    el('summary', {}, 'Schedule and clipping'),
    el('div', { class: 'hp-grid' },
      el('div', { class: 'hp wide' }, el('label', { for: chooser.id }, 'lr scheduler'), chooser),
      el('div', { class: 'hp', title: "torch.nn.utils.clip_grad_norm_(params, max_norm): rescales the gradient when its 2-norm exceeds max_norm" },
        el('label', { for: norm.id }, 'clip_grad_norm'), norm),
      el('div', { class: 'hp', title: 'torch.nn.utils.clip_grad_value_(params, clip_value): clamps each component to [-clip_value, clip_value]' },
        el('label', { for: value.id }, 'clip_grad_value'), value)),
    help, argsBox,
    el('p', { class: 'muted small' }, 'Each step: clip, optimizer step, then scheduler step (ReduceLROnPlateau gets the step\'s loss).'),
    error);
}
