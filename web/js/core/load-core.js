// @ts-check
// Loads the browser build of the core (build/site/generated/core.js + core.wasm).
import createCoreModule from '../../generated/core.js';
import { wrapCore } from './wrap-core.js';

/** @returns {Promise<import('./wrap-core.js').Core>} */
export async function loadCore() {
  return wrapCore(await createCoreModule());
}
