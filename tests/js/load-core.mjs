// Loads the node build of the core ($OPTLAB_BUILD/wasm/core_node.cjs, default build/) through the same
// wrapper the page uses, so these tests exercise the page's JavaScript API.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrapCore } from '../../web/js/core/wrap-core.js';

const require = createRequire(import.meta.url);

/** @returns {Promise<{core: import('../../web/js/core/wrap-core.js').Core, M: any}>} */
export async function loadNodeCore() {
  const buildRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.OPTLAB_BUILD ?? 'build');
  const create = require(join(buildRoot, 'wasm', 'core_node.cjs'));
  const M = await create();
  return { core: wrapCore(M), M };
}
