// @ts-check
// The race state in a URL query, driven by the property table (properties.js).
//
//   ?landscape=ravine&lp=kappa:50,angle:30&opt=sgd&opt=sgd(momentum:0.9)&opt=adam(betas:0.9/0.999)
//    &start=-1.5,2&lr=0.001&noise=0&seed=1&speed=5
//
// Numbers are written with String(), the shortest text that reads back as the same
// double, so parse(serialize(s)) deep-equals s. Parsing never throws: a value that
// is malformed, out of range or unknown is skipped with a notice in plain words, and
// the rest of the state still loads.
import {
  RACE_PROPERTIES, MAX_RUNNERS, MAX_COORDINATE, defaultState, defaultLandscapeParams, landscapeInfo,
  optimizerInfo, rangeProblem, hyperProblem,
} from './properties.js';

/**
 * @typedef {import('./properties.js').RaceState} RaceState
 * @typedef {import('./properties.js').Catalog} Catalog
 * @typedef {import('./properties.js').RunnerState} RunnerState
 * @typedef {import('./properties.js').PropertySpec} PropertySpec
 */

/** Longest value read from the URL; longer ones are ignored. */
const MAX_VALUE_LENGTH = 2000;
/** Strict decimal or exponent notation; Number() alone would accept "", " ", "0x10", "Infinity". */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** @param {string} text */
function readNumber(text) {
  return NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
}

/** Characters kept as they are in a query value; everything else is percent-encoded. */
function encodeValue(/** @type {string} */ text) {
  return encodeURIComponent(text).replace(/%(2C|3A|28|29|2F)/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
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

/** @param {RunnerState} r */
function formatRunner(r) {
  const entries = Object.entries(r.params);
  return entries.length ? `${r.optimizer}(${entries.map(([k, v]) => `${k}:${formatHyper(v)}`).join(',')})` : r.optimizer;
}

/**
 * Reads one runner: "adam" or "adam(lr:0.01,betas:0.9/0.999,amsgrad:true)".
 * @param {string} text @param {Catalog} catalog @param {string[]} notices
 * @returns {RunnerState | null}
 */
function parseRunner(text, catalog, notices) {
  const m = /^([a-z_0-9]+)(?:\((.*)\))?$/i.exec(text);
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
  return runner;
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
    default: {
      const v = readNumber(text);
      const problem = rangeProblem(v, { min: spec.min, max: spec.max, integer: spec.type === 'integer' });
      return problem ? refuse(problem) : v;
    }
  }
}

/**
 * Parses a URL query ("?a=b&…" or "a=b&…") into a complete race state.
 * Never throws; `notices` lists what was ignored and why.
 * @param {string} query @param {Catalog} catalog
 * @returns {{ state: RaceState, notices: string[] }}
 */
export function parseRaceQuery(query, catalog) {
  const state = defaultState(catalog);
  /** @type {string[]} */
  const notices = [];
  let search;
  try {
    search = new URLSearchParams(query);
  } catch {
    return { state, notices: ['The link could not be read; the default race is shown.'] };
  }
  const known = new Set(RACE_PROPERTIES.map((p) => p.url));
  for (const spec of RACE_PROPERTIES) {
    const texts = search.getAll(spec.url);
    if (texts.length === 0) continue;
    if (texts.some((t) => t.length > MAX_VALUE_LENGTH)) {
      notices.push(`Ignored ${spec.url}: its value is longer than ${MAX_VALUE_LENGTH} characters.`);
      continue;
    }
    const value = parseProperty(spec, texts, state, catalog, notices);
    if (value !== undefined) /** @type {any} */ (state)[spec.key] = value;
    if (spec.key === 'landscape' && value !== undefined && !search.has('lp')) {
      state.landscapeParams = defaultLandscapeParams(catalog, state.landscape);
    }
  }
  for (const key of new Set(search.keys())) {
    if (!known.has(key) && !isForeignKey(key)) notices.push(`Ignored the unknown setting ${quote(key)}.`);
  }
  return { state, notices };
}

/** Keys other parts of the page may own (issue 7: embed mode, quiz); not reported as unknown. @param {string} key */
function isForeignKey(key) {
  return key.startsWith('x-') || key === 'embed' || key === 'quiz' || key === 'section';
}

/**
 * Serialises a race state to a URL query (without "?").
 * @param {RaceState} state
 */
export function serializeRaceQuery(state) {
  /** @type {string[]} */
  const parts = [];
  for (const spec of RACE_PROPERTIES) {
    const v = /** @type {any} */ (state)[spec.key];
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
      default:
        parts.push(`${spec.url}=${encodeValue(num(v))}`);
    }
  }
  return parts.join('&');
}
