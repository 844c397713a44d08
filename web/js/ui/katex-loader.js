// @ts-check
// Typesets TeX. Fixed formulas (update rules, landscape formulas, the chapter's sections) were
// typeset at build time (scripts/prerender-tex.mjs) and arrive as markup in small modules, so the
// page normally never loads KaTeX; only a formula that exists at run time (a typed function, a
// landscape with changed parameters) loads the vendored KaTeX, once, on first use.
import { guardNavigatorLanguage } from './locale.js';

/** The options the stored markup was made with; other options always go to KaTeX itself. */
const STORED_OUTPUT = 'htmlAndMathml';

/** @type {Record<string, string>} markup by key ('D' display / 'I' inline, then the TeX) */
const stored = {};
/** @type {Map<string, Promise<void>>} */
const groupsLoading = new Map();

/**
 * Loads a group of build-time markup once (scripts/prerender-tex.mjs). The generated modules may
 * be missing (a site built without them): formulas then go to KaTeX.
 * @param {'landscapes' | 'rules' | 'lessons'} group
 */
function loadStored(group) {
  let p = groupsLoading.get(group);
  if (!p) {
    // Literal paths, so the bundler makes each group its own chunk, fetched only when asked for.
    const load = group === 'landscapes' ? import('../../generated/tex-landscapes.js')
      : group === 'rules' ? import('../../generated/tex-rules.js') : import('../../generated/tex-lessons.js');
    p = load.then((m) => { Object.assign(stored, m.default); }, () => {});
    groupsLoading.set(group, p);
  }
  return p;
}
// Asked for as soon as the page's code runs, so the landscape formula is typeset in the same frame
// as the text around it. The update rules (a tool, a section) come when something asks for them.
loadStored('landscapes');

/** @type {Promise<any> | null} */
let loadingKatex = null;

/** The vendored KaTeX itself (a classic script defining window.katex). */
function loadRealKatex() {
  loadingKatex ??= loadClassicScript(new URL('../../vendor/katex/katex.min.js', import.meta.url).href, 'katex');
  return loadingKatex;
}

/**
 * Puts stored markup into `target`. Sizes travel as data-style (the CSP refuses style
 * attributes in parsed markup) and are applied through element.style, which it allows.
 * @param {HTMLElement} target @param {string} html
 */
function insertStored(target, html) {
  target.innerHTML = html; // build-time KaTeX output of the app's own formulas, never user text
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (target.querySelectorAll('[data-style]'))) {
    node.style.cssText = node.dataset.style ?? '';
    node.removeAttribute('data-style');
  }
}

/**
 * Typesets with stored markup when there is some; returns false when KaTeX is needed.
 * @param {string} tex @param {HTMLElement} target @param {{ displayMode?: boolean, output?: string }} options
 */
function renderStored(tex, target, options) {
  if ((options.output ?? STORED_OUTPUT) !== STORED_OUTPUT) return false;
  const html = stored[`${options.displayMode ? 'D' : 'I'}${tex}`];
  if (html === undefined) return false;
  insertStored(target, html);
  return true;
}

/**
 * An object with KaTeX's `render(tex, element, options)`: stored markup where the build made
 * some; otherwise the source text at once and KaTeX's rendering when it has loaded (or the
 * source text for good if it cannot load). Resolves once the stored markup has arrived.
 * @returns {Promise<{ render: (tex: string, el: HTMLElement, options?: object) => void }>}
 */
export async function loadKatex() {
  // The chapter's formulas are all in 'lessons'; a miss looks in the update rules before KaTeX.
  await Promise.all([loadStored('landscapes'), loadStored('lessons')]);
  return {
    render(tex, target, options = {}) {
      if (renderStored(tex, target, options)) return;
      target.textContent = tex;
      loadStored('rules').then(() => renderStored(tex, target, options) || loadRealKatex().then((k) => k.render(tex, target, options)))
        .catch(() => {});
    },
  };
}

/**
 * Adds a classic script once and resolves to the global it defines.
 * @param {string} src @param {string} globalName
 */
export function loadClassicScript(src, globalName) {
  guardNavigatorLanguage(); // uPlot hands navigator.language to Intl as it loads
  return new Promise((resolve, reject) => {
    const existing = /** @type {any} */ (window)[globalName];
    if (existing) { resolve(existing); return; }
    // The single file inlines its libraries: a missing one failed there, and fetching it would break its CSP.
    if (document.documentElement.hasAttribute('data-single-file')) { reject(new Error(`${globalName} is not available`)); return; }
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve(/** @type {any} */ (window)[globalName]);
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.append(script);
  });
}

/**
 * Typesets `tex` into `target` (display style); on failure shows the source text.
 * Synchronous when the stored markup is already here (the usual case after the first frame).
 * @param {HTMLElement} target @param {string} tex
 */
export async function typeset(target, tex) {
  const options = { displayMode: true, throwOnError: false, output: STORED_OUTPUT };
  if (renderStored(tex, target, options)) return;
  for (const group of /** @type {const} */ (['landscapes', 'rules'])) {
    await loadStored(group);
    if (renderStored(tex, target, options)) return;
  }
  try {
    const katex = await loadRealKatex();
    katex.render(tex, target, options);
  } catch {
    target.textContent = tex;
  }
}
