// @ts-check
// Checks web/lessons/lessons.json by hand (the format is small): the file as a whole, each
// section on its own (a malformed section is replaced by its messages, the others show),
// and each "try it" race against the page's own state rules: the patch, completed with
// the default race, must survive the URL round trip (state/url.js) without a notice.
import { RACE_PROPERTIES, raceFromPatch } from '../state/properties.js';
import { parseRaceQuery, serializeRaceQuery } from '../state/url.js';

export { raceFromPatch };

/**
 * @typedef {import('../state/properties.js').RaceState} RaceState
 * @typedef {import('../state/properties.js').Catalog} Catalog
 * @typedef {{ label: string, patch: Partial<RaceState>, watch: string }} TryIt
 * @typedef {{ id: string, title: string, paragraphs: string[], torch?: string[], equations: string[],
 *   tryIt: TryIt, quiz: string }} LessonSection
 * @typedef {{ index: number, id: string, ok: boolean, messages: string[], section: LessonSection | null }} SectionCheck
 */

const SECTION_KEYS = ['id', 'title', 'paragraphs', 'torch', 'equations', 'tryIt', 'quiz'];
const PATCH_KEYS = RACE_PROPERTIES.map((p) => p.key);

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v @returns {v is string} */
const isText = (v) => typeof v === 'string' && v.trim() !== '';

/**
 * Inline math is written $...$; an odd number of dollars means an unclosed formula.
 * @param {string} text
 */
function dollarProblem(text) {
  return (text.match(/\$/g)?.length ?? 0) % 2 ? 'has an unclosed $…$ formula' : '';
}

/**
 * One section's problems, in words ("" entries never appear).
 * @param {unknown} s @returns {string[]}
 */
export function sectionProblems(s) {
  if (!isObject(s)) return ['a section must be an object'];
  const sec = s;
  const out = [];
  for (const k of Object.keys(sec)) if (!SECTION_KEYS.includes(k)) out.push(`unknown field "${k}"`);
  if (!isText(sec.id) || !/^[a-z0-9-]+$/.test(sec.id)) out.push('id must be lower-case letters, digits and dashes');
  if (!isText(sec.title)) out.push('title must be a non-empty string');
  const texts = (/** @type {string} */ name, /** @type {boolean} */ required) => {
    const v = sec[name];
    if (v === undefined && !required) return;
    if (!Array.isArray(v) || (required && v.length === 0)) { out.push(`${name} must be ${required ? 'a non-empty' : 'an'} array of strings`); return; }
    v.forEach((t, i) => {
      if (!isText(t)) out.push(`${name}[${i}] must be a non-empty string`);
      else if (name !== 'equations' && dollarProblem(t)) out.push(`${name}[${i}] ${dollarProblem(t)}`);
    });
  };
  texts('paragraphs', true);
  texts('torch', false);
  texts('equations', true);
  if (!isText(sec.quiz) || !/^[\w-]+\.json$/.test(sec.quiz)) out.push('quiz must be a quiz file name such as "3-momentum.json"');
  const t = sec.tryIt;
  if (!isObject(t)) {
    out.push('tryIt must be an object with label, patch and watch');
  } else {
    for (const k of Object.keys(t)) if (!['label', 'patch', 'watch'].includes(k)) out.push(`tryIt has an unknown field "${k}"`);
    if (!isText(t.label)) out.push('tryIt.label must be a non-empty string');
    if (!isText(t.watch)) out.push('tryIt.watch must be a non-empty string (what to watch for)');
    if (!isObject(t.patch) || Object.keys(t.patch).length === 0) out.push('tryIt.patch must be a non-empty object');
    else for (const k of Object.keys(t.patch)) if (!/** @type {readonly string[]} */ (PATCH_KEYS).includes(k)) out.push(`tryIt.patch has an unknown property "${k}" (known: ${PATCH_KEYS.join(', ')})`);
  }
  return out;
}

/**
 * Checks the whole file. Never throws.
 * @param {unknown} data
 * @returns {{ ok: boolean, messages: string[], sections: SectionCheck[] }}
 *   messages: problems of the file itself; sections: one entry per section given
 */
export function checkLessons(data) {
  if (!isObject(data) || !Array.isArray(data.sections)) {
    return { ok: false, messages: ['the file must be an object with a "sections" array'], sections: [] };
  }
  const frame = frameProblems(data);
  const seen = new Set();
  const sections = data.sections.map((/** @type {unknown} */ s, index) => {
    const messages = sectionProblems(s);
    const id = isObject(s) && typeof s.id === 'string' ? s.id : `#${index + 1}`;
    if (seen.has(id)) messages.push(`the id "${id}" is used twice`);
    seen.add(id);
    return { index, id, ok: messages.length === 0, messages, section: messages.length ? null : /** @type {LessonSection} */ (s) };
  });
  const messages = [...frame, ...(sections.length ? [] : ['the file has no sections'])];
  return { ok: messages.length === 0 && sections.every((s) => s.ok), messages, sections };
}

/** Deep equality of plain JSON-like values (key order ignored). @param {any} a @param {any} b @returns {boolean} */
function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => same(a[k], b[k]));
}

/**
 * Whether the page accepts a "try it" patch: its race, written to a URL and read back by the
 * page's own parser, must come back unchanged and without a notice.
 * @param {Partial<RaceState>} patch @param {Catalog} catalog
 * @returns {{ ok: boolean, messages: string[], state: RaceState, query: string }}
 */
export function checkPatch(patch, catalog) {
  const state = raceFromPatch(patch, catalog);
  let query = '';
  try {
    query = serializeRaceQuery(state);
  } catch (e) {
    return { ok: false, messages: [`the race could not be written as a link: ${/** @type {Error} */ (e).message}`], state, query };
  }
  const parsed = parseRaceQuery(query, catalog);
  const messages = [...parsed.notices];
  if (!messages.length && !same(parsed.state, state)) messages.push('the race does not survive the link round trip unchanged');
  return { ok: messages.length === 0, messages, state, query };
}

const FILE_KEYS = ['description', 'intro', 'history', 'sections', 'summary', 'next'];

/**
 * The parts around the sections (all optional): intro {objectives, why}, history rows
 * {year, optimizer, idea, by}, summary {caption, rows {label, id, settings, momentum, adaptive,
 * bestFor}} whose memory column the page asks the core for, and next (the bridge onwards).
 * @param {Record<string, unknown>} data @returns {string[]}
 */
export function frameProblems(data) {
  const out = [];
  for (const k of Object.keys(data)) if (!FILE_KEYS.includes(k)) out.push(`unknown field "${k}"`);
  if (data.intro !== undefined) {
    if (!isObject(data.intro) || !Array.isArray(data.intro.objectives) || !data.intro.objectives.every(isText) || !isText(data.intro.why)) {
      out.push('intro must be { objectives: [text, ...], why: text }');
    }
  }
  if (data.history !== undefined) {
    if (!Array.isArray(data.history) || !data.history.every((/** @type {unknown} */ r) => isObject(r) && Number.isInteger(r.year)
      && isText(r.optimizer) && isText(r.idea) && isText(r.by))) {
      out.push('history must be rows of { year, optimizer, idea, by }');
    }
  }
  if (data.summary !== undefined) {
    const rows = isObject(data.summary) ? data.summary.rows : undefined;
    if (!isObject(data.summary) || !isText(data.summary.caption) || !Array.isArray(rows) || !rows.every((/** @type {unknown} */ r) => isObject(r)
      && isText(r.label) && isText(r.id) && isObject(r.settings) && isText(r.momentum) && isText(r.adaptive) && isText(r.bestFor))) {
      out.push('summary must be { caption, rows: [{ label, id, settings, momentum, adaptive, bestFor }] }');
    }
  }
  if (data.next !== undefined && !isText(data.next)) out.push('next must be a text');
  return out;
}

/**
 * The memory an optimizer needs per weight as the chapter writes it, O(kn): the weight plus
 * the state values the core keeps for it.
 * @param {{ stateValuesPerParameter: (id: string, settings: Record<string, any>) => number }} core
 * @param {string} id @param {Record<string, any>} settings
 */
export function memoryOrder(core, id, settings) {
  const k = core.stateValuesPerParameter(id, settings) + 1;
  return k === 1 ? 'O(n)' : `O(${k}n)`;
}
