// @ts-check
// Loads the vendored KaTeX (a classic script that defines window.katex) once, on demand.
import { guardNavigatorLanguage } from './locale.js';

/** @type {Promise<any> | null} */
let loading = null;

/** @returns {Promise<{ render: (tex: string, el: HTMLElement, options?: object) => void }>} */
export function loadKatex() {
  loading ??= loadClassicScript(new URL('../../vendor/katex/katex.min.js', import.meta.url).href, 'katex');
  return loading;
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
 * @param {HTMLElement} target @param {string} tex
 */
export async function typeset(target, tex) {
  try {
    const katex = await loadKatex();
    katex.render(tex, target, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
  } catch {
    target.textContent = tex;
  }
}
