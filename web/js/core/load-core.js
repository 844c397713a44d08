// @ts-check
// Loads the browser build of the core (build/site/generated/core.js + its wasm).
//
// The wasm is the largest file of the page, so its download and compilation start the moment
// this module is evaluated (the HTML also preloads it), streaming: the browser compiles while
// the bytes arrive, in parallel with the rest of the page's code. Emscripten then gets the
// compiled module through its `instantiateWasm` hook instead of fetching the file again.
import createCoreModule from '../../generated/core.js';
import { CORE_WASM } from '../../generated/core-files.js';
import { wrapCore } from './wrap-core.js';

/** Compiles the wasm from the network while it downloads; null where that cannot work. */
function startCompile() {
  // The single file carries its wasm inside core.js, and file:// cannot be fetched.
  if (typeof document !== 'undefined' && document.documentElement.hasAttribute('data-single-file')) return null;
  if (typeof WebAssembly.compileStreaming !== 'function' || typeof fetch !== 'function') return null;
  const url = new URL(`../../${CORE_WASM}`, import.meta.url);
  const compiling = WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' }));
  compiling.catch(() => {}); // loadCore falls back to Emscripten's own loading
  return compiling;
}
const compiling = startCompile();

/** The class loadCore puts on <html> once the page has built its first frame with the core. */
export const CORE_READY_CLASS = 'core-ready';

/**
 * Marks the page ready in the next animation frame: by then the page has built its first frame
 * with the core. The stylesheet keeps the parts that fill in invisible (but laid out) until then,
 * so nothing the reader sees jumps as the panels fill in.
 */
export function markPageReady() {
  if (typeof document === 'undefined' || typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => document.documentElement.classList.add(CORE_READY_CLASS));
}

/**
 * Loads the core. A page that builds its first frame in the same task as it receives the core
 * lets loadCore mark it ready; a page that still awaits something (the main page's panels)
 * passes `{ marksReady: true }` and calls markPageReady() itself once its first frame is built.
 * On failure the page is marked ready at once, so that the error message shows.
 * @param {{ marksReady?: boolean }} [options]
 * @returns {Promise<import('./wrap-core.js').Core>}
 */
export function loadCore({ marksReady = false } = {}) {
  const loading = instantiateCore();
  loading.then(marksReady ? () => {} : markPageReady, markPageReady);
  return loading;
}

/** @returns {Promise<import('./wrap-core.js').Core>} */
async function instantiateCore() {
  /** @type {WebAssembly.Module | null} */
  let compiled = null;
  try { compiled = await compiling; } catch { compiled = null; }
  if (!compiled) return wrapCore(await createCoreModule());
  const module = compiled;
  return new Promise((resolve, reject) => {
    createCoreModule({
      /** @param {WebAssembly.Imports} imports @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} done */
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), reject);
        return {}; // exports arrive through done()
      },
    }).then((/** @type {any} */ M) => resolve(wrapCore(M)), reject);
  });
}
