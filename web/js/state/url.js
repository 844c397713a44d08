// @ts-check
// The race state in a URL query, driven by the property table (properties.js).
//
//   ?landscape=ravine&lp=kappa:50,angle:30&opt=sgd&opt=sgd(momentum:0.9)&opt=adam(betas:0.9/0.999)
//    &start=-1.5,2&lr=0.001&noise=0&seed=1&speed=5
//
// A runner's lr schedule and gradient clipping follow its optimizer, each after a "~":
//   opt=sgd(momentum:0.9)~CosineAnnealingLR(T_max=200)~clip_grad_norm:5
// (the scheduler as torch's call, the text the core reads; "=" stays readable in links).
//
// Numbers are written with String(), the shortest text that reads back as the same
// double, so parse(serialize(s)) deep-equals s. Parsing never throws: a value that
// is malformed, out of range or unknown is skipped with a notice in plain words, and
// the rest of the state still loads.
import {
  STATE_PROPERTIES, RACE_PROPERTIES, MAX_RUNNERS, MAX_COORDINATE, ID_PATTERN, defaultState, defaultPageState,
  defaultLandscapeParams, landscapeInfo, optimizerInfo, rangeProblem, hyperProblem, readNumber, parseDomain, propertySpec,
} from './properties.js';
import { withTraining } from './schedule.js';

/**
 * @typedef {import('./properties.js').RaceState} RaceState
 * @typedef {import('./properties.js').Catalog} Catalog
 * @typedef {import('./properties.js').RunnerState} RunnerState
 * @typedef {import('./properties.js').PropertySpec} PropertySpec
 * @typedef {import('./properties.js').PageState} PageState
 */

/** Longest value read from the URL; longer ones are ignored. */
const MAX_VALUE_LENGTH = 2000;

/** Characters kept as they are in a query value; everything else is percent-encoded. */
function encodeValue(/** @type {string} */ text) {
  return encodeURIComponent(text).replace(/%(2C|3A|28|29|2F|3D)/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text shown in a notice: short, and never markup (notices are set with textContent). @param {string} s */
function quote(s) {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** String(), except that -0 stays "-0" (String(-0) is "0"). @param {number | boolean} v */
function num(v) {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** @param {import('./properties.js').HyperValue} v */
function formatHyper(v) {
  return Array.isArray(v) ? v.map(num).join('/') : num(v);
}

/** Separates a runner's optimizer, schedule and clippings in its link text. */
const TRAINING_SEPARATOR = '~';
/** The link names of the two clippings: torch's function names. */
const CLIP_NAMES = /** @type {const} */ ({ clipGradNorm: 'clip_grad_norm', clipGradValue: 'clip_grad_value' });

/** @param {RunnerState} r */
function formatRunner(r) {
  const entries = Object.entries(r.params);
  const parts = [entries.length ? `${r.optimizer}(${entries.map(([k, v]) => `${k}:${formatHyper(v)}`).join(',')})` : r.optimizer];
  if (r.schedule !== undefined) parts.push(r.schedule);
  for (const [key, name] of Object.entries(CLIP_NAMES)) {
    const v = /** @type {any} */ (r)[key];
    if (v !== undefined) parts.push(`${name}:${num(v)}`);
  }
  return parts.join(TRAINING_SEPARATOR);
}

/**
 * Reads a runner's schedule and clippings (the link text after its optimizer) onto `runner`,
 * each checked by the core with this optimizer; one that fails is left out with the core's
 * message, and the runner races without it.
 * @param {RunnerState} runner @param {string[]} pieces @param {Catalog} catalog @param {string[]} notices
 * @returns {RunnerState}
 */
function parseTraining(runner, pieces, catalog, notices) {
  const info = /** @type {import('./properties.js').OptimizerInfo} */ (optimizerInfo(catalog, runner.optimizer));
  const settings = { lr: propertySpec('lr').default, ...runner.params };
  /** @param {import('./schedule.js').RunnerTraining} t */
  const verdict = (t) => catalog.checkTraining?.(runner.optimizer, settings,
    { scheduler: t.schedule, clipGradNorm: t.clipGradNorm, clipGradValue: t.clipGradValue }) ?? '';
  /** @type {import('./schedule.js').RunnerTraining} */
  let training = {};
  for (const piece of pieces) {
    const clip = /** @type {[keyof typeof CLIP_NAMES, string] | undefined} */ (Object.entries(CLIP_NAMES)
      .find(([, name]) => piece.startsWith(`${name}:`)));
    const candidate = clip ? { ...training, [clip[0]]: readNumber(piece.slice(clip[1].length + 1)) } : { ...training, schedule: piece };
    const what = clip ? clip[1] : 'the schedule';
    const number = clip ? /** @type {number} */ (candidate[clip[0]]) : 0;
    const problem = clip && !Number.isFinite(number) ? 'it must be a finite number'
      : !clip && training.schedule !== undefined ? 'the runner has a schedule already' : verdict(candidate);
    // The core's message may quote the hostile text: a notice stays short.
    if (problem) notices.push(`${info.displayName}: ${what} ${quote(piece)} was left out (${problem.slice(0, 300)}).`);
    else training = candidate;
  }
  return withTraining(runner, training);
}

/**
 * Reads one runner: "adam" or "adam(lr:0.01,betas:0.9/0.999,amsgrad:true)".
 * @param {string} text @param {Catalog} catalog @param {string[]} notices
 * @returns {RunnerState | null}
 */
function parseRunner(text, catalog, notices) {
  const [optimizerText, ...trainingPieces] = text.split(TRAINING_SEPARATOR);
  const m = /^([a-z_0-9]+)(?:\((.*)\))?$/i.exec(optimizerText);
  const info = m ? optimizerInfo(catalog, m[1]) : undefined;
  if (!m || !info) {
    notices.push(`Skipped the optimizer ${quote(text)}: it is not one of ${catalog.optimizers.map((o) => o.id).join(', ')}.`);
    return null;
  }
  /** @type {RunnerState} */
  const runner = { optimizer: info.id, params: {} };
  for (const item of (m[2] ?? '').split(',').filter((s) => s !== '')) {
    const [name, raw = ''] = item.split(':');
    const spec = info.params.find((p) => p.name === name);
    if (!spec) {
      notices.push(`${info.displayName} has no hyperparameter ${quote(name)}; it was ignored.`);
      continue;
    }
    /** @type {import('./properties.js').HyperValue} */
    let value;
    if (spec.kind === 'bool') value = raw === 'true' ? true : raw === 'false' ? false : Number.NaN;
    else if (spec.kind === 'pair') value = raw.split('/').map(readNumber);
    else value = readNumber(raw);
    const problem = hyperProblem(spec, value);
    if (problem) {
      notices.push(`${info.displayName}: ${name} ${quote(raw)} ${problem}; torch's default is used.`);
      continue;
    }
    runner.params[name] = value;
  }
  return trainingPieces.length ? parseTraining(runner, trainingPieces, catalog, notices) : runner;
}

/**
 * Reads one property's text. Returns the value, or undefined after pushing a notice.
 * @param {PropertySpec} spec @param {string[]} texts every value the URL gives for the key
 * @param {RaceState} state the state parsed so far @param {Catalog} catalog @param {string[]} notices
 */
function parseProperty(spec, texts, state, catalog, notices) {
  const text = texts[texts.length - 1];
  const refuse = (/** @type {string} */ why) => {
    notices.push(`Ignored ${spec.url}=${quote(text)}: the ${spec.label} ${why}.`);
    return undefined;
  };
  switch (spec.type) {
    case 'landscape':
      return landscapeInfo(catalog, text) ? text
        : refuse(`must be one of ${catalog.landscapes.map((l) => l.id).join(', ')}`);
    case 'landscapeParams': {
      const params = defaultLandscapeParams(catalog, state.landscape);
      const specs = landscapeInfo(catalog, state.landscape)?.params ?? [];
      for (const item of text.split(',').filter((s) => s !== '')) {
        const [name, raw = ''] = item.split(':');
        const p = specs.find((s) => s.name === name);
        const problem = p ? rangeProblem(readNumber(raw), p) : 'is not a parameter of this landscape';
        if (problem) notices.push(`Ignored the landscape parameter ${quote(item)}: it ${problem}.`);
        else params[name] = readNumber(raw);
      }
      return params;
    }
    case 'runners': {
      if (texts.length > MAX_RUNNERS) notices.push(`Only the first ${MAX_RUNNERS} optimizers race.`);
      const runners = texts.slice(0, MAX_RUNNERS).map((t) => parseRunner(t, catalog, notices))
        .filter((r) => r !== null);
      return runners.length ? runners : refuse('list has no optimizer the core knows');
    }
    case 'point': {
      const [x, y, extra] = text.split(',').map(readNumber);
      const problem = extra !== undefined ? 'has more than two coordinates'
        : rangeProblem(x, { min: -MAX_COORDINATE, max: MAX_COORDINATE }) || rangeProblem(y, { min: -MAX_COORDINATE, max: MAX_COORDINATE });
      return problem ? refuse(problem) : { x, y };
    }
    case 'boolean':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : refuse('must be true or false');
    case 'enum':
      return (spec.values ?? []).includes(text) ? text : refuse(`must be one of ${(spec.values ?? []).filter(Boolean).join(', ')}`);
    case 'id':
      return text === '' || ID_PATTERN.test(text) ? text : refuse('must be lowercase letters, digits and dashes');
    case 'expression': {
      const problem = catalog.checkExpression ? catalog.checkExpression(text).error : '';
      return problem ? refuse(`is not valid: ${problem}`) : text;
    }
    case 'domain': {
      const { domain, problem } = parseDomain(text);
      return domain ?? refuse(problem);
    }
    case 'set': {
      const values = spec.values ?? [];
      const asked = text.split(',').filter((t) => t !== '');
      const unknown = asked.filter((t) => !values.includes(t));
      if (unknown.length) notices.push(`Ignored ${quote(unknown.join(','))} in ${spec.url}: the ${spec.label} may name ${values.join(', ')}.`);
      return values.filter((v) => asked.includes(v)); // table order, each once
    }
    default: {
      const v = readNumber(text);
      const problem = rangeProblem(v, { min: spec.min, max: spec.max, integer: spec.type === 'integer' });
      return problem ? refuse(problem) : v;
    }
  }
}

/**
 * Reads the properties `props` from a URL query into `state` (which holds their defaults).
 * @param {string} query @param {Catalog} catalog @param {PropertySpec[]} props @param {any} state
 * @returns {string[]} notices
 */
function parseInto(query, catalog, props, state) {
  /** @type {string[]} */
  const notices = [];
  let search;
  try {
    search = new URLSearchParams(query);
  } catch {
    return ['The link could not be read; the default race is shown.'];
  }
  const known = new Set(STATE_PROPERTIES.map((p) => p.url));
  for (const spec of props) {
    const texts = search.getAll(spec.url);
    if (texts.length === 0) continue;
    if (texts.some((t) => t.length > MAX_VALUE_LENGTH)) {
      notices.push(`Ignored ${spec.url}: its value is longer than ${MAX_VALUE_LENGTH} characters.`);
      continue;
    }
    const value = parseProperty(spec, texts, state, catalog, notices);
    if (value !== undefined) state[spec.key] = value;
    if (spec.key === 'landscape' && value !== undefined && !search.has('lp')) {
      state.landscapeParams = defaultLandscapeParams(catalog, state.landscape);
    }
  }
  const unknown = [...new Set(search.keys())].filter((key) => !known.has(key) && !isForeignKey(key));
  for (const key of unknown.slice(0, 20)) notices.push(`Ignored the unknown setting ${quote(key)}.`);
  if (unknown.length > 20) notices.push(`Ignored ${unknown.length - 20} more unknown settings.`);
  return notices;
}

/**
 * Parses a URL query ("?a=b&…" or "a=b&…") into a complete race state (the race part of the table).
 * Never throws; `notices` lists what was ignored and why.
 * @param {string} query @param {Catalog} catalog
 * @returns {{ state: RaceState, notices: string[] }}
 */
export function parseRaceQuery(query, catalog) {
  const state = defaultState(catalog);
  const notices = parseInto(query, catalog, RACE_PROPERTIES, state);
  return { state, notices };
}

/**
 * Parses a URL query into the whole page state: the race and the view (autoplay, panels,
 * hidden controls, embed view, section, quiz). Never throws.
 * @param {string} query @param {Catalog} catalog
 * @returns {{ state: PageState, notices: string[] }}
 */
export function parseQuery(query, catalog) {
  const state = defaultPageState(catalog);
  const notices = parseInto(query, catalog, STATE_PROPERTIES, state);
  return { state, notices };
}

/** Keys a host page may add for itself ("x-…"); not reported as unknown. @param {string} key */
function isForeignKey(key) {
  return key.startsWith('x-');
}

/**
 * Writes `props` of a state as query parts. View properties are written only when they
 * differ from their default, so ordinary links stay short.
 * @param {any} state @param {PropertySpec[]} props
 */
function serializeWith(state, props) {
  /** @type {string[]} */
  const parts = [];
  for (const spec of props) {
    const v = state[spec.key];
    if ((spec.group === 'view' || spec.optional) && JSON.stringify(v) === JSON.stringify(spec.default)) continue;
    if (spec.optional && v === undefined) continue; // a partial race state (lessons, presets): the default
    switch (spec.type) {
      case 'landscapeParams': {
        const entries = Object.entries(/** @type {Record<string, number>} */ (v));
        if (entries.length) parts.push(`lp=${encodeValue(entries.map(([k, n]) => `${k}:${num(n)}`).join(','))}`);
        break;
      }
      case 'runners':
        for (const r of /** @type {RunnerState[]} */ (v)) parts.push(`opt=${encodeValue(formatRunner(r))}`);
        break;
      case 'point':
        parts.push(`${spec.url}=${encodeValue(`${num(v.x)},${num(v.y)}`)}`);
        break;
      case 'set':
        parts.push(`${spec.url}=${encodeValue(/** @type {string[]} */ (v).join(','))}`);
        break;
      case 'domain':
        parts.push(`${spec.url}=${encodeValue([v.xmin, v.xmax, v.ymin, v.ymax].map(num).join(','))}`);
        break;
      case 'boolean': case 'enum': case 'id': case 'expression':
        parts.push(`${spec.url}=${encodeValue(String(v))}`);
        break;
      default:
        parts.push(`${spec.url}=${encodeValue(num(v))}`);
    }
  }
  return parts.join('&');
}

/**
 * Serialises a race state to a URL query (without "?").
 * @param {RaceState} state
 */
export function serializeRaceQuery(state) {
  return serializeWith(state, RACE_PROPERTIES);
}

/**
 * Serialises the whole page state (race, then the view settings that are not default).
 * @param {PageState} state
 */
export function serializeQuery(state) {
  return serializeWith(state, STATE_PROPERTIES);
}
