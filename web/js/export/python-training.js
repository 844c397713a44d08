// @ts-check
// A runner's lr schedule and gradient clipping as Python for the PyTorch export: the scheduler
// call text the core reads ("SequentialLR(schedulers=LinearLR(start_factor=0.1)+CosineAnnealingLR(T_max=180),milestones=20)")
// becomes torch's constructor call on the runner's optimizer, with every argument the runner gave,
// as the Python literal of the value the core parsed: a number is the same double (shortest
// round-trip digits), an integer an int, a list a list, a flag True/False, a choice a string.
// Arguments the runner left out are left out here too: torch's default applies in both.
// The catalog (core.schedulers) says each argument's kind; whether the schedule is valid is
// always the core's verdict (checked by the caller before this runs).
import { splitSchedulerCall, topLevelPieces } from '../state/schedule.js';
import { pythonFloat, pythonString } from './python-literals.js';

/** @typedef {{ id: string, params: { name: string, kind: string }[] }} SchedulerInfo */

// The texts the core's parser (cpp/core/schedules/registry.cpp) turns into these values.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d{1,14}$/;
const INFINITY = /^([+-]?)(inf|infinity)$/i;
const NAN = /^[+-]?nan$/i;

/** A number argument (strtod's reading of the text) as a Python float. @param {string} name @param {string} text */
function numberLiteral(name, text) {
  if (DECIMAL.test(text)) return pythonFloat(Number(text));
  const inf = INFINITY.exec(text);
  if (inf) return pythonFloat(inf[1] === '-' ? -Infinity : Infinity);
  if (NAN.test(text)) return pythonFloat(Number.NaN);
  throw new Error(`its schedule argument ${name}=${text} has no Python literal in this export`);
}

/** An integer argument as a Python int (no leading zeros: Python refuses 007). @param {string} name @param {string} text */
function integerLiteral(name, text) {
  if (text === 'None') return 'None';
  if (!INTEGER.test(text)) throw new Error(`its schedule argument ${name}=${text} is not an integer`);
  return String(Number.parseInt(text, 10));
}

/**
 * One argument's value as Python source.
 * @param {SchedulerInfo[]} catalog @param {string} kind @param {string} name @param {string} text
 */
function argumentLiteral(catalog, kind, name, text) {
  switch (kind) {
    case 'number': return numberLiteral(name, text);
    case 'integer': return integerLiteral(name, text);
    case 'integers': return `[${text.split(',').map((t) => t.trim()).filter((t) => t !== '').map((t) => integerLiteral(name, t)).join(', ')}]`;
    case 'bool': return /^(true|True)$/.test(text) ? 'True' : 'False';
    case 'choice': return pythonString(text.replace(/^(['"])(.*)\1$/s, '$2'));
    case 'schedulers': return `[${topLevelPieces(text, '+').map((child) => schedulerSource(catalog, child)).join(', ')}]`;
    default: throw new Error(`its schedule argument ${name} is of a kind (${kind}) this export does not know`);
  }
}

/**
 * The scheduler built on the optimizer `opt`, as a Python expression:
 * "torch.optim.lr_scheduler.StepLR(opt, step_size=50, gamma=0.5)". Throws (the reason, to say
 * in the script) where a value has no exact Python literal.
 * @param {SchedulerInfo[]} catalog core.schedulers @param {string} call the runner's schedule text
 * @returns {string}
 */
export function schedulerSource(catalog, call) {
  const text = call.trim();
  const split = /^[A-Za-z_][A-Za-z_0-9]*$/.test(text) ? { id: text, args: {} } : splitSchedulerCall(text);
  if (!split) throw new Error(`its schedule '${text}' is not a call this export can read`);
  const info = catalog.find((s) => s.id === split.id);
  if (!info) throw new Error(`its scheduler ${split.id} is not in the core's catalog`);
  const args = Object.entries(split.args).map(([name, value]) => {
    const param = info.params.find((p) => p.name === name);
    if (!param) throw new Error(`its scheduler ${split.id} has no argument ${name}`);
    return `${name}=${argumentLiteral(catalog, param.kind, name, value.trim())}`;
  });
  return `torch.optim.lr_scheduler.${info.id}(${['opt', ...args].join(', ')})`;
}

/**
 * The clipping arguments of a runner as Python: max_norm and clip_value, None where absent.
 * @param {{ clipGradNorm?: number, clipGradValue?: number }} runner
 */
export function clippingSource(runner) {
  const literal = (/** @type {number | undefined} */ v) => (v === undefined || Number.isNaN(v) ? 'None' : pythonFloat(v));
  return { maxNorm: literal(runner.clipGradNorm), clipValue: literal(runner.clipGradValue) };
}
