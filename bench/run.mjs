// `npm run bench`: measures the core (native vs WebAssembly, JS peers), the core inside Chromium,
// the main page (first drawn landscape, bytes before the first interaction), the default race's
// frame rate with the CPU slowed and its main-thread cost per frame, the other engines' frame
// rates, and Lighthouse; then writes docs/benchmarks.md with every target of the perf issue as
// met or missed. Not part of `npm test`: the numbers depend on the machine and its load.
//
//   npm run bench                          every part (builds first: scripts/build.sh bench)
//   npm run bench -- --only page,race      some parts; the others keep their last results
//   npm run bench -- --only page --no-build
//   npm run bench -- --report              docs/benchmarks.md again from the kept results
// Parts: core, chromium, page, race, engines, lighthouse. Each part's raw results are kept in
// build/bench/<part>.json, so docs/benchmarks.md always shows the latest run of every part.
// BENCH_SECONDS (default 0.5) sets the length of each core measurement.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { B, buildRoot, log, root } from './lib.mjs';
import * as core from './parts/core.mjs';
import * as chromium from './parts/core-in-chromium.mjs';
import * as page from './parts/page.mjs';
import * as race from './parts/race.mjs';
import * as engines from './parts/engines.mjs';
import * as lighthouse from './parts/lighthouse.mjs';
import { targetRows } from './targets.mjs';

const PARTS = { core, chromium, page, race, engines, lighthouse };
process.chdir(root);

const args = process.argv.slice(2);
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : args.find((a) => a.startsWith('--only='))?.slice(7);
// --report: measure nothing, write docs/benchmarks.md again from the kept results.
const selected = args.includes('--report') ? [] : onlyArg ? onlyArg.split(',').map((s) => s.trim()).filter(Boolean) : Object.keys(PARTS);
const unknown = selected.filter((p) => !(p in PARTS));
if (unknown.length) {
  console.error(`bench: unknown part ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);
  process.exit(2);
}

if (!args.includes('--no-build') && selected.length) {
  execFileSync('bash', ['scripts/setup.sh', '--browser'], { stdio: 'inherit' });
  // Only the core part needs the benchmark executables; the others need the site.
  const what = selected.includes('core') ? 'bench' : 'site';
  log(`building (scripts/build.sh ${what})`);
  execFileSync('bash', ['scripts/build.sh', what], { stdio: 'inherit', env: { ...process.env, OPTLAB_BUILD: B } });
}

const resultsDir = join(buildRoot, 'bench');
mkdirSync(resultsDir, { recursive: true });
/** @type {Record<string, any>} */
const results = {};
for (const [name, part] of Object.entries(PARTS)) {
  const file = join(resultsDir, `${name}.json`);
  if (selected.includes(name)) {
    const load = loadavg()[0];
    const result = await part.measure();
    const measured = { at: new Date().toISOString(), load: Math.max(load, loadavg()[0]), result };
    writeFileSync(file, JSON.stringify(measured));
    results[name] = measured;
  } else if (existsSync(file)) {
    results[name] = JSON.parse(readFileSync(file, 'utf8'));
  }
}

// ---------------------------------------------------------------- report
/** @type {string[]} */
const md = [];
const line = (s = '') => { md.push(s); };
/** @type {string[][]} */
const rows = [];
let chromiumVersion = '';
try { chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* none */ }
line('# Benchmarks');
line();
line(`Measured by \`npm run bench\` (bench/run.mjs) on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ` +
  `${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, node ${process.version}${chromiumVersion ? `, ${chromiumVersion}` : ''}. ` +
  'The machine is shared, so absolute numbers move by 10-30 % between runs; each comparison below was measured side by side in the same run. ' +
  'Regenerate with `npm run bench`, or one part with `npm run bench -- --only <part>` (core, chromium, page, race, engines, lighthouse).');
line();
line('When each part was last measured, with the machine\'s 1-minute load average then (2 cores: a load far above 2 means ' +
  'every figure here is slowed by other people\'s work): ' +
  Object.entries(results).map(([n, r]) => `${n} ${r.at.slice(0, 16).replace('T', ' ')} UTC (load ${r.load?.toFixed(1) ?? '?'})`).join(', ') + '.');
line();
line('## Targets');
line();
line('| target | measured | verdict |');
line('|---|---|---|');
for (const [target, measured, v] of targetRows(Object.fromEntries(Object.entries(results).map(([n, r]) => [n, r.result])))) line(`| ${target} | ${measured} | ${v} |`);
line();
line('Why a missed target is missed, with a profile: "Why the missed targets are missed" at the end.');
line();
for (const [name, part] of Object.entries(PARTS)) if (results[name]) part.report(results[name].result, line, rows);
const notesFile = join(root, 'bench', 'NOTES.md');
if (existsSync(notesFile)) { line(readFileSync(notesFile, 'utf8').trim()); line(); }

mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'benchmarks.md'), md.join('\n'));
const w = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((r) => String(r[i] ?? '').length)));
console.log(rows.map((r) => r.map((c, i) => String(c ?? '').padEnd(w[i])).join('  ')).join('\n'));
console.log(`\nwritten: ${relative(root, join(root, 'docs', 'benchmarks.md'))}`);
process.exit(0);
