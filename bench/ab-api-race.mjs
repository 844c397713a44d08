// @ts-check
// Same-load A/B of the JS API race (bench/api-race.mjs) between checkouts: each run is a fresh
// node process that loads one checkout's web/js/core/wrap-core.js and its build's node module
// (BUILD/wasm/core_node.cjs), warms up for 0.5 s and measures; the checkouts take turns
// (A, B, A, B, ...), so other people's load on the shared machine falls on both alike.
//
//   node bench/ab-api-race.mjs [--rounds 5] [--seconds 3] NAME=CHECKOUT[:BUILD] ...
//   e.g. node bench/ab-api-race.mjs base=/tmp/benchbase here=.   (BUILD defaults to CHECKOUT/build)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiRaceRate } from './api-race.mjs';
import { median } from './lib.mjs';

const args = process.argv.slice(2);

if (args[0] === '--child') {
  const [, checkout, build, seconds] = args;
  const { wrapCore } = await import(pathToFileURL(join(checkout, 'web/js/core/wrap-core.js')).href);
  const M = await createRequire(import.meta.url)(join(build, 'wasm', 'core_node.cjs'))();
  const core = wrapCore(M);
  apiRaceRate(core, 0.5);
  console.log(apiRaceRate(core, Number(seconds)));
} else {
  const option = (/** @type {string} */ name, /** @type {number} */ fallback) =>
    (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const rounds = option('--rounds', 5);
  const seconds = option('--seconds', 3);
  const sides = args.filter((a, i) => a.includes('=') && !args[i - 1]?.startsWith('--')).map((a) => {
    const [name, where] = a.split('=');
    const [checkout, build = join(checkout, 'build')] = where.split(':');
    return { name, checkout: resolve(checkout), build: resolve(build), rates: /** @type {number[]} */ ([]) };
  });
  if (sides.length < 2) throw new Error('usage: node bench/ab-api-race.mjs [--rounds N] [--seconds S] A=DIR[:BUILD] B=DIR[:BUILD]');
  const self = fileURLToPath(import.meta.url);
  for (let round = 1; round <= rounds; round += 1) {
    for (const side of sides) {
      const out = execFileSync(process.execPath, [self, '--child', side.checkout, side.build, String(seconds)], { encoding: 'utf8' });
      const rate = Number(out.trim());
      side.rates.push(rate);
      console.log(`round ${round} ${side.name}: ${(rate / 1e6).toFixed(2)} M steps/s`);
    }
  }
  for (const side of sides) {
    console.log(`${side.name}: median ${(median(side.rates) / 1e6).toFixed(2)} M, best ${(Math.max(...side.rates) / 1e6).toFixed(2)} M ` +
      `steps/s (${side.rates.map((r) => (r / 1e6).toFixed(2)).join(', ')})`);
  }
}
