// @ts-check
// The declarative table of the race state: every property with its type, default,
// range and URL key. The URL codec (url.js), the store (store.js) and the controls
// read this table; nothing else knows the list of properties. Values whose validity
// depends on the core (landscape ids, their parameters, optimizer hyperparameters)
// are checked against the core's catalogs, passed in as `catalog`.

/**
 * @typedef {import('../core/wrap-core.js').OptimizerInfo} OptimizerInfo
 * @typedef {import('../core/wrap-core.js').LandscapeInfo} LandscapeInfo
 * @typedef {{ optimizers: OptimizerInfo[], landscapes: LandscapeInfo[] }} Catalog
 * @typedef {number | boolean | number[]} HyperValue
 * @typedef {{ optimizer: string, params: Record<string, HyperValue> }} RunnerState
 *   params: the hyperparameters this runner sets itself (lr here overrides the shared one)
 * @typedef {{ landscape: string, landscapeParams: Record<string, number>, runners: RunnerState[],
 *   start: {x: number, y: number}, lr: number, noise: number, seed: number, speed: number }} RaceState
 * @typedef {{ key: keyof RaceState, url: string, type: 'landscape'|'landscapeParams'|'runners'|'point'|'number'|'integer',
 *   label: string, min?: number, max?: number, log?: boolean, default?: any }} PropertySpec
 */

/** At most this many runners race at once (a URL cannot ask for more). */
export const MAX_RUNNERS = 12;
/** Start coordinates are accepted within this magnitude. */
export const MAX_COORDINATE = 1e6;

/** @type {PropertySpec[]} the table, in parsing order (landscapeParams needs landscape) */
export const RACE_PROPERTIES = [
  { key: 'landscape', url: 'landscape', type: 'landscape', label: 'landscape', default: 'rosenbrock' },
  { key: 'landscapeParams', url: 'lp', type: 'landscapeParams', label: 'landscape parameters' },
  { key: 'runners', url: 'opt', type: 'runners', label: 'optimizer',
    default: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }] },
  { key: 'start', url: 'start', type: 'point', label: 'start point', default: { x: -1.5, y: 2 } },
  { key: 'lr', url: 'lr', type: 'number', label: 'learning rate', min: 1e-4, max: 1, log: true, default: 0.001 },
  { key: 'noise', url: 'noise', type: 'number', label: 'gradient noise σ', min: 0, max: 10, default: 0 },
  { key: 'seed', url: 'seed', type: 'integer', label: 'noise seed', min: 0, max: 4294967295, default: 1 },
  { key: 'speed', url: 'speed', type: 'integer', label: 'speed (steps per frame)', min: 1, max: 1000, default: 5 },
];

/** @param {keyof RaceState} key */
export function propertySpec(key) {
  return /** @type {PropertySpec} */ (RACE_PROPERTIES.find((p) => p.key === key));
}

/** @param {Catalog} catalog @param {string} id */
export function landscapeInfo(catalog, id) {
  return catalog.landscapes.find((l) => l.id === id);
}

/** @param {Catalog} catalog @param {string} id */
export function optimizerInfo(catalog, id) {
  return catalog.optimizers.find((o) => o.id === id);
}

/** The landscape's parameters at their defaults. @param {Catalog} catalog @param {string} id */
export function defaultLandscapeParams(catalog, id) {
  /** @type {Record<string, number>} */
  const out = {};
  for (const p of landscapeInfo(catalog, id)?.params ?? []) out[p.name] = p.default;
  return out;
}

/** The state a first visit shows: the chapter's own race. @param {Catalog} catalog @returns {RaceState} */
export function defaultState(catalog) {
  /** @type {any} */
  const s = {};
  for (const p of RACE_PROPERTIES) s[p.key] = structuredClone(p.default);
  s.landscapeParams = defaultLandscapeParams(catalog, s.landscape);
  return s;
}

/**
 * Checks a number against a range; returns "" or what is wrong, in words.
 * @param {number} v @param {{min?: number, max?: number, integer?: boolean, minInclusive?: boolean, maxInclusive?: boolean}} range
 */
export function rangeProblem(v, { min = -Infinity, max = Infinity, integer = false, minInclusive = true, maxInclusive = true }) {
  if (!Number.isFinite(v)) return 'must be a finite number';
  if (integer && !Number.isInteger(v)) return 'must be a whole number';
  const low = minInclusive ? v < min : v <= min;
  const high = maxInclusive ? v > max : v >= max;
  if (low || high) {
    const lo = Number.isFinite(min) ? `${minInclusive ? '≥' : '>'} ${min}` : '';
    const hi = Number.isFinite(max) ? `${maxInclusive ? '≤' : '<'} ${max}` : '';
    return `must be ${[lo, hi].filter(Boolean).join(' and ')}`;
  }
  return '';
}

/**
 * Checks one hyperparameter value against the optimizer's spec. Returns "" or the problem.
 * @param {import('../core/wrap-core.js').HyperParamSpec} spec @param {HyperValue} value
 */
export function hyperProblem(spec, value) {
  const range = { min: spec.min ?? -Infinity, max: spec.max ?? Infinity,
    minInclusive: spec.minInclusive, maxInclusive: spec.maxInclusive };
  if (spec.kind === 'bool') return typeof value === 'boolean' ? '' : 'must be true or false';
  if (spec.kind === 'pair') {
    if (!Array.isArray(value) || value.length !== 2) return 'must be two numbers';
    return value.map((v) => rangeProblem(v, range)).find(Boolean) ?? '';
  }
  return typeof value === 'number' ? rangeProblem(value, range) : 'must be a number';
}

/** The torch default of a hyperparameter, as a state value. @param {import('../core/wrap-core.js').HyperParamSpec} spec */
export function hyperDefault(spec) {
  if (spec.kind === 'bool') return spec.defaults[0] !== 0;
  if (spec.kind === 'pair') return [...spec.defaults];
  return spec.defaults[0];
}

/**
 * The settings the core receives for a runner: torch's defaults, then the shared
 * learning rate, then the runner's own values.
 * @param {RunnerState} runner @param {number} sharedLr
 * @returns {import('../core/wrap-core.js').OptimizerSettings}
 */
export function runnerSettings(runner, sharedLr) {
  return { lr: sharedLr, ...runner.params };
}
