// @ts-check
// Same-load A/B of the JS API race (bench/api-race.mjs) between checkouts: each run is a fresh
// node process that loads one checkout's web/js/core/wrap-core.js and its build's node module
// (BUILD/wasm/core_node.cjs), warms up for 0.5 s and measures; the checkouts take turns
// (A, B, A, B, ...), so other people's load on the shared machine falls on both alike.
// Each run reports steps per wall second (what the bench reports) and per CPU second of the
// process (user + system): the second is less moved by other processes taking the cores.
//
//   node bench/ab-api-race.mjs [--rounds 5] [--seconds 3] [--restart-at 100000] [--single-threaded] NAME=CHECKOUT[:BUILD] ...
// --restart-at 6000 restarts the race before any runner stops, so builds whose stop rules differ
// do the same work per frame; --single-threaded runs node so (V8 without helper threads), which
// makes the CPU-second figure the main thread's alone.
//   e.g. node bench/ab-api-race.mjs base=/tmp/benchbase here=.   (BUILD defaults to CHECKOUT/build)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiRaceRate } from './api-race.mjs';
import { median } from './lib.mjs';

const args = process.argv.slice(2);

if (args[0] === '--child') {
  const [, checkout, build, seconds, restartAt] = args;
  const { wrapCore } = await import(pathToFileURL(join(checkout, 'web/js/core/wrap-core.js')).href);
  const M = await createRequire(import.meta.url)(join(build, 'wasm', 'core_node.cjs'))();
  const core = wrapCore(M);
  apiRaceRate(core, 0.5, 16, Number(restartAt));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rate = apiRaceRate(core, Number(seconds), 16, Number(restartAt));
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ rate, cpuRate: (rate * wall) / ((cpu.user + cpu.system) / 1e6) }));
} else {
  const option = (/** @type {string} */ name, /** @type {number} */ fallback) =>
    (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const rounds = option('--rounds', 5);
  const seconds = option('--seconds', 3);
  const restartAt = option('--restart-at', 100000);
  const nodeFlags = args.includes('--single-threaded') ? ['--single-threaded'] : [];
  const sides = args.filter((a) => a.includes('=')).map((a) => {
    const [name, where] = a.split('=');
    const [checkout, build = join(checkout, 'build')] = where.split(':');
    return { name, checkout: resolve(checkout), build: resolve(build), rates: /** @type {number[]} */ ([]),
      cpuRates: /** @type {number[]} */ ([]) };
  });
  if (sides.length < 2) throw new Error('usage: node bench/ab-api-race.mjs [--rounds N] [--seconds S] A=DIR[:BUILD] B=DIR[:BUILD]');
  const self = fileURLToPath(import.meta.url);
  for (let round = 1; round <= rounds; round += 1) {
    for (const side of sides) {
      const out = execFileSync(process.execPath, [...nodeFlags, self, '--child', side.checkout, side.build, String(seconds), String(restartAt)], { encoding: 'utf8' });
      const { rate, cpuRate } = JSON.parse(out);
      side.rates.push(rate);
      side.cpuRates.push(cpuRate);
      console.log(`round ${round} ${side.name}: ${(rate / 1e6).toFixed(2)} M steps/s, ${(cpuRate / 1e6).toFixed(2)} M per CPU second`);
    }
  }
  const m = (/** @type {number} */ r) => (r / 1e6).toFixed(2);
  for (const side of sides) {
    console.log(`${side.name}: median ${m(median(side.rates))} M, best ${m(Math.max(...side.rates))} M steps/s ` +
      `(${side.rates.map(m).join(', ')}); per CPU second: median ${m(median(side.cpuRates))} M, best ${m(Math.max(...side.cpuRates))} M`);
  }
}
