// Loads the node build of the core (build/wasm/core_node.cjs) through the same
// wrapper the page uses, so these tests exercise the page's JavaScript API.
import { createRequire } from 'node:module';
import { wrapCore } from '../../web/js/core/wrap-core.js';

const require = createRequire(import.meta.url);

/** @returns {Promise<{core: import('../../web/js/core/wrap-core.js').Core, M: any}>} */
export async function loadNodeCore() {
  const create = require('../../build/wasm/core_node.cjs');
  const M = await create();
  return { core: wrapCore(M), M };
}
