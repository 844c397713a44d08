// @ts-check
// The declarative table of the race state: every property with its type, default,
// range and URL key. The URL codec (url.js), the store (store.js) and the controls
// read this table; nothing else knows the list of properties. Values whose validity
// depends on the core (landscape ids, their parameters, optimizer hyperparameters)
// are checked against the core's catalogs, passed in as `catalog`.
import { DEFAULT_CUSTOM_EXPRESSION, DEFAULT_CUSTOM_DOMAIN } from '../core/wrap-core.js';

/**
 * @typedef {import('../core/wrap-core.js').OptimizerInfo} OptimizerInfo
 * @typedef {import('../core/wrap-core.js').LandscapeInfo} LandscapeInfo
 * @typedef {{ optimizers: OptimizerInfo[], landscapes: LandscapeInfo[],
 *   checkExpression?: (text: string) => {error: string, column: number},
 *   checkTraining?: (id: string, settings: import('../core/wrap-core.js').OptimizerSettings,
 *     training: {scheduler?: string, clipGradNorm?: number, clipGradValue?: number}) => string }} Catalog
 *   checkExpression: the core's parser verdict on a custom function (wrap-core.js);
 *   checkTraining: the core's verdict on a runner's lr schedule and clipping (wrap-core.js)
 * @typedef {number | boolean | number[]} HyperValue
 * @typedef {{ optimizer: string, params: Record<string, HyperValue> } & import('./schedule.js').RunnerTraining} RunnerState
 *   params: the hyperparameters this runner sets itself (lr here overrides the shared one);
 *   schedule, clipGradNorm, clipGradValue: its lr schedule and gradient clipping, present only when set
 * @typedef {{ landscape: string, landscapeParams: Record<string, number>, runners: RunnerState[],
 *   start: {x: number, y: number}, lr: number, noise: number, seed: number, speed: number,
 *   expr: string, domain: import('../core/wrap-core.js').DomainBox }} RaceState
 *   expr and domain: the user's own function (landscape 'custom'); links carry them only when not default
 * @typedef {{ autoplay: boolean, panels: string[], hide: string[], embed: string, section: string, quiz: string }} ViewState
 *   panels and hide list ids in table order (PANELS, CONTROLS), each once
 * @typedef {RaceState & ViewState} PageState the whole state a link carries
 * @typedef {{ key: keyof PageState, url: string, group: 'race'|'view',
 *   type: 'landscape'|'landscapeParams'|'runners'|'point'|'number'|'integer'|'boolean'|'set'|'enum'|'id'|'expression'|'domain',
 *   label: string, min?: number, max?: number, log?: boolean, values?: string[], default?: any, optional?: boolean,
 *   restarts?: boolean }} PropertySpec
 *   optional: a race property written to links only when it differs from its default
 *   restarts: false for a race property whose change leaves the runners where they are (the speed)
 */

/** At most this many runners race at once (a URL cannot ask for more). */
export const MAX_RUNNERS = 12;
/** Start coordinates are accepted within this magnitude. */
export const MAX_COORDINATE = 1e6;

/** Panels of the page that a link can show or hide (ids of their sections). */
export const PANELS = ['settings', 'runners', 'presets', 'chart', 'basins', 'inside', 'rule', 'curvature', 'export', 'quizzes', 'teacher'];
/** Controls a link can hide one by one (a hidden control is also inactive: e.g. "start" stops clicks on the map). */
export const CONTROLS = ['landscape', 'lr', 'noise', 'optimizers', 'hyperparams', 'start', 'play', 'step', 'reset', 'speed', 'copy-link', 'large-type'];
/** Embed views: '' is the full page; 'race' the race alone; 'quiz' one quiz; 'section' one lesson section with its quiz. */
export const EMBED_MODES = ['', 'race', 'quiz', 'section'];
/** Section and quiz ids: short lowercase words, digits and dashes (checked before anything looks them up). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * THE table of the whole state, in parsing order (landscapeParams needs landscape).
 * group 'race': the race itself, always written to links; group 'view': what the page shows
 * (autoplay, panels, hidden controls, embed view, section and quiz), written only when not default.
 * @type {PropertySpec[]}
 */
export const STATE_PROPERTIES = [
  { key: 'landscape', url: 'landscape', group: 'race', type: 'landscape', label: 'landscape', default: 'rosenbrock' },
  { key: 'landscapeParams', url: 'lp', group: 'race', type: 'landscapeParams', label: 'landscape parameters' },
  { key: 'runners', url: 'opt', group: 'race', type: 'runners', label: 'optimizer',
    default: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }] },
  { key: 'start', url: 'start', group: 'race', type: 'point', label: 'start point', default: { x: -1.5, y: 2 } },
  { key: 'lr', url: 'lr', group: 'race', type: 'number', label: 'learning rate', min: 1e-4, max: 1, log: true, default: 0.001 },
  { key: 'noise', url: 'noise', group: 'race', type: 'number', label: 'gradient noise σ', min: 0, max: 10, default: 0 },
  // Every seed the core takes is a whole number up to 2^53-1 (cpp/core/random/seed.hpp).
  { key: 'seed', url: 'seed', group: 'race', type: 'integer', label: 'noise seed', min: 0, max: Number.MAX_SAFE_INTEGER, default: 1 },
  { key: 'speed', url: 'speed', group: 'race', type: 'integer', label: 'speed (steps per frame)', min: 1, max: 1000, default: 5, restarts: false },
  { key: 'expr', url: 'f', group: 'race', type: 'expression', label: 'custom function', optional: true, default: DEFAULT_CUSTOM_EXPRESSION },
  { key: 'domain', url: 'domain', group: 'race', type: 'domain', label: 'custom function domain', optional: true, default: { ...DEFAULT_CUSTOM_DOMAIN } },
  { key: 'autoplay', url: 'autoplay', group: 'view', type: 'boolean', label: 'autoplay setting', default: true },
  { key: 'panels', url: 'panels', group: 'view', type: 'set', values: PANELS, label: 'list of visible panels', default: [...PANELS] },
  { key: 'hide', url: 'hide', group: 'view', type: 'set', values: CONTROLS, label: 'list of hidden controls', default: [] },
  { key: 'embed', url: 'embed', group: 'view', type: 'enum', values: EMBED_MODES, label: 'embed view', default: '' },
  { key: 'section', url: 'section', group: 'view', type: 'id', label: 'section id', default: '' },
  { key: 'quiz', url: 'quiz', group: 'view', type: 'id', label: 'quiz id', default: '' },
];

/** The race part of the table (what lessons, labs and presets exchange). */
export const RACE_PROPERTIES = STATE_PROPERTIES.filter((p) => p.group === 'race');
/** The view part of the table. */
export const VIEW_PROPERTIES = STATE_PROPERTIES.filter((p) => p.group === 'view');

/** @param {keyof PageState} key */
export function propertySpec(key) {
  return /** @type {PropertySpec} */ (STATE_PROPERTIES.find((p) => p.key === key));
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
 * The complete race a patch sets up: the default race, then the patch (a new landscape
 * without parameters takes its defaults).
 * @param {Partial<RaceState>} patch @param {Catalog} catalog @returns {RaceState}
 */
export function raceFromPatch(patch, catalog) {
  const state = { ...defaultState(catalog), ...structuredClone(patch) };
  if (patch.landscape && !patch.landscapeParams) state.landscapeParams = defaultLandscapeParams(catalog, patch.landscape);
  return state;
}

/** The view a first visit shows: the full page, every panel, every control, autoplay on. @returns {ViewState} */
export function defaultView() {
  /** @type {any} */
  const v = {};
  for (const p of VIEW_PROPERTIES) v[p.key] = structuredClone(p.default);
  return v;
}

/** The whole default state (race and view). @param {Catalog} catalog @returns {PageState} */
export function defaultPageState(catalog) {
  return { ...defaultState(catalog), ...defaultView() };
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

/** Strict decimal or exponent notation; Number() alone would accept "", " ", "0x10", "Infinity". */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number written in plain decimal or exponent notation, else NaN. @param {string} text */
export function readNumber(text) {
  return NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
}

/**
 * A custom function's domain from "xmin,xmax,ymin,ymax": four finite numbers within ±MAX_COORDINATE
 * with xmin < xmax and ymin < ymax. The one reading of a domain, for links and for the domain field.
 * @param {string} text
 * @returns {{ domain: import('../core/wrap-core.js').DomainBox, problem: '' } | { domain: null, problem: string }}
 */
export function parseDomain(text) {
  const b = text.split(',').map(readNumber);
  const range = { min: -MAX_COORDINATE, max: MAX_COORDINATE };
  const problem = b.length !== 4 ? 'must be four numbers xmin,xmax,ymin,ymax'
    : b.map((v) => rangeProblem(v, range)).find(Boolean)
      || (b[0] < b[1] && b[2] < b[3] ? '' : 'needs xmin < xmax and ymin < ymax');
  return problem ? { domain: null, problem } : { domain: { xmin: b[0], xmax: b[1], ymin: b[2], ymax: b[3] }, problem: '' };
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
 * learning rate, then the runner's own values (a runner's own lr wins, as in a link's
 * `opt=adam(lr:0.01)`). The race page and the quizzes' races both build settings here.
 * @param {{ params: Record<string, HyperValue> }} runner @param {number | undefined} sharedLr
 * @returns {import('../core/wrap-core.js').OptimizerSettings}
 */
export function runnerSettings(runner, sharedLr) {
  return sharedLr === undefined ? { ...runner.params } : { lr: sharedLr, ...runner.params };
}
