// Lighthouse 12.2.3 (installed by the bench into build/bench-tools on first use) on the main page
// in Debian's Chromium, mobile and desktop presets, 3 runs each; each figure is the median of its 3.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchTool, benchToolFile, buildRoot, CHROMIUM, log, median, startBenchServer, verdict, verdictAtLeast } from '../lib.mjs';

/** Runs per preset (BENCH_LH_RUNS overrides, e.g. 1 for a quick look). */
const RUNS = Math.max(1, Number(process.env.BENCH_LH_RUNS ?? 3));
export const PRESETS = ['mobile', 'desktop'];
export const TARGETS = { mobile: 95, desktop: 100, cls: 0.02, tbt: 150 };
const AUDITS = /** @type {const} */ ([
  ['largest-contentful-paint', 'LCP', 'ms'], ['first-contentful-paint', 'FCP', 'ms'], ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''], ['interactive', 'TTI', 'ms'], ['speed-index', 'Speed Index', 'ms'],
  ['dom-size', 'DOM elements', ''], ['mainthread-work-breakdown', 'main-thread work', 'ms'],
  ['total-byte-weight', 'bytes', 'B'], ['network-requests', 'requests', 'n'],
]);

/** The figures the report uses, from one Lighthouse JSON report. @param {string} file */
export function parseReport(file) {
  const lhr = JSON.parse(readFileSync(file, 'utf8'));
  /** @type {Record<string, any>} */
  const run = {};
  for (const [id, c] of Object.entries(lhr.categories)) run[id] = Math.round(/** @type {any} */ (c).score * 100);
  for (const [audit] of AUDITS) {
    const a = lhr.audits[audit];
    run[audit] = audit === 'network-requests' ? (a?.details?.items?.length ?? NaN) : (a?.numericValue ?? NaN);
  }
  // The elements that moved most, to say why CLS is what it is.
  run.shiftElements = /** @type {any} */ ((lhr.audits['layout-shifts'] ?? lhr.audits['layout-shift-elements'])?.details?.items ?? [])
    .slice(0, 4).map((/** @type {any} */ it) => `${it.node?.selector ?? it.node?.snippet ?? '?'} (${(it.score ?? it.cumulativeLayoutShiftMainFrame ?? 0).toFixed(3)})`);
  run.warnings = lhr.runWarnings ?? [];
  return run;
}

export async function measure() {
  await benchTool('lighthouse'); // installs it on first use
  const cli = benchToolFile('lighthouse/cli/index.js');
  const dir = join(buildRoot, 'bench', 'lighthouse');
  mkdirSync(dir, { recursive: true });
  const server = await startBenchServer();
  /** @type {Record<string, any[]>} */
  const runs = { mobile: [], desktop: [] };
  try {
    for (let i = 0; i < RUNS; i += 1) {
      for (const preset of PRESETS) { // alternating, so other people's load spreads over both
        log(`Lighthouse ${preset}, run ${i + 1} of ${RUNS}`);
        const file = join(dir, `${preset}-${i + 1}.json`);
        // Asynchronously: the site is served from this very process, so it must keep answering.
        let failure = '';
        try {
          await promisify(execFile)(process.execPath, [cli, `${server.url}index.html`, '--quiet', '--output=json', `--output-path=${file}`,
            '--only-categories=performance,accessibility,best-practices,seo',
            '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
            ...(preset === 'desktop' ? ['--preset=desktop'] : [])], { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 });
        } catch (err) {
          // Lighthouse exits 1 on a late runtime error (e.g. its final screenshot timing out on a
          // loaded machine) after writing a complete report: keep the report, note the error.
          failure = String(/** @type {any} */ (err).stderr ?? err).trim().split('\n')[0];
          if (!existsSync(file)) throw err;
        }
        const run = parseReport(file);
        if (failure) run.error = failure;
        runs[preset].push(run);
      }
    }
  } finally {
    await server.close();
  }
  return { version: '12.2.3', runs };
}

/** Median of one figure over the runs of a preset. @param {any[]} runs @param {string} key */
export const med = (runs, key) => median(runs.map((r) => r[key]));

/** @param {any} r @param {(s?: string) => void} line @param {string[][]} rows */
export function report(r, line, rows) {
  line('## Lighthouse');
  line();
  line(`Lighthouse ${r.version} on \`index.html\` (served as by \`scripts/serve.mjs\`), Debian's Chromium headless, ${r.runs.mobile.length} runs per preset, alternating; ` +
    'every figure is the median of its runs (scores move by about ±10 between runs on this shared 2-core machine). Per-run performance scores in brackets.');
  line();
  line('| figure | mobile | desktop | target | verdict |');
  line('|---|---:|---:|---|---|');
  const m = r.runs.mobile;
  const d = r.runs.desktop;
  const runsOf = (/** @type {any[]} */ rs, /** @type {string} */ k) => rs.map((x) => x[k]).join(', ');
  line(`| performance | ${med(m, 'performance')} [${runsOf(m, 'performance')}] | ${med(d, 'performance')} [${runsOf(d, 'performance')}] | ≥ 95 mobile, 100 desktop | ` +
    `mobile ${verdictAtLeast(med(m, 'performance'), TARGETS.mobile)}; desktop ${verdictAtLeast(med(d, 'performance'), TARGETS.desktop)} |`);
  for (const cat of ['accessibility', 'best-practices', 'seo']) line(`| ${cat} | ${med(m, cat)} | ${med(d, cat)} | | |`);
  for (const [audit, label, unit] of AUDITS) {
    const show = (/** @type {number} */ v) => (unit === 'ms' ? `${(v / 1000).toFixed(2)} s` : unit === 'B' ? `${(v / 1024).toFixed(0)} KB` : audit === 'cumulative-layout-shift' ? v.toFixed(3) : v.toFixed(0));
    const target = audit === 'cumulative-layout-shift' ? `≤ ${TARGETS.cls}` : audit === 'total-blocking-time' ? `≤ ${TARGETS.tbt} ms (mobile)` : '';
    const v = audit === 'cumulative-layout-shift'
      ? `mobile ${verdict(med(m, audit), TARGETS.cls, '')}; desktop ${verdict(med(d, audit), TARGETS.cls, '')}`
      : audit === 'total-blocking-time' ? verdict(med(m, audit), TARGETS.tbt) : '';
    line(`| ${label} | ${show(med(m, audit))} | ${show(med(d, audit))} | ${target} | ${v} |`);
  }
  line();
  const notes = [...new Set([...m, ...d].flatMap((x) => [...(x.warnings ?? []), ...(x.error ? [x.error] : [])]))];
  if (notes.length) { line(`Lighthouse's own warnings: ${notes.map((w) => w.replace(/\s+/g, ' ').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')).join(' / ')}`); line(); }
  const shifts = [...m, ...d].flatMap((x) => x.shiftElements ?? []);
  if (shifts.length) line(`Largest layout shifts Lighthouse names (all runs): ${[...new Set(shifts)].slice(0, 6).map((s) => `\`${s}\``).join(', ')}.`);
  line();
  rows.push(['Lighthouse performance', `mobile ${med(m, 'performance')}`, `desktop ${med(d, 'performance')}`, '≥ 95 / 100']);
  rows.push(['Lighthouse CLS / TBT', `CLS ${med(m, 'cumulative-layout-shift').toFixed(3)} / ${med(d, 'cumulative-layout-shift').toFixed(3)}`, `TBT ${med(m, 'total-blocking-time').toFixed(0)} ms`, '≤ 0.02, ≤ 150 ms']);
}
