// Assembles the static site in build/site from web/, the browser module built by
// Emscripten (build/wasm/core.js + core.wasm) and the npm libraries the page uses.
// The result is a plain folder any static server can host.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildQuizValidator } from './build-quiz-validator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildRoot = join(root, process.env.OPTLAB_BUILD ?? 'build');
const site = join(buildRoot, 'site');
const wasmBuild = join(buildRoot, 'wasm');

const copies = [
  [join(root, 'web'), site],
  [buildQuizValidator(buildRoot), join(site, 'js', 'quiz', 'validate-quiz.js')], // quiz schema, precompiled (CSP-safe)
  [join(wasmBuild, 'core.js'), join(site, 'generated', 'core.js')],
  [join(wasmBuild, 'core.wasm'), join(site, 'generated', 'core.wasm')],
  [join(root, 'node_modules', 'uplot', 'dist', 'uPlot.esm.js'), join(site, 'vendor', 'uplot', 'uPlot.esm.js')],
  [join(root, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), join(site, 'vendor', 'uplot', 'uPlot.min.css')],
  [join(root, 'node_modules', 'katex', 'dist', 'katex.mjs'), join(site, 'vendor', 'katex', 'katex.mjs')],
  [join(root, 'node_modules', 'katex', 'dist', 'katex.min.css'), join(site, 'vendor', 'katex', 'katex.min.css')],
  [join(root, 'node_modules', 'katex', 'dist', 'fonts'), join(site, 'vendor', 'katex', 'fonts')],
];

for (const [from] of copies) {
  if (!existsSync(from)) {
    console.error(`build-site: ${from} is missing (run the WebAssembly build and npm ci first)`);
    process.exit(1);
  }
}
rmSync(site, { recursive: true, force: true });
for (const [from, to] of copies) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
console.log(`build-site: ${site}`);
