// Helpers shared by the parts of `npm run bench`: statistics, formatting, the site server,
// Chromium, and the tools the bench installs for itself (Lighthouse, other engines' drivers).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteHandler } from '../scripts/serve.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const B = process.env.OPTLAB_BUILD ?? 'build';
export const buildRoot = resolve(root, B);
export const siteDir = join(buildRoot, 'site');

export const log = (/** @type {unknown[]} */ ...a) => console.error('bench:', ...a);
export const quantile = (/** @type {number[]} */ xs, /** @type {number} */ q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const median = (/** @type {number[]} */ xs) => quantile(xs, 0.5);
/**
 * The median of the runs' frame rates, the worst frame of all of them (the target is "no frame
 * over 50 ms", so one bad run counts), and the runs themselves.
 * @template {{ fps: number, worst: number }} R @param {R[]} runs
 */
export function combineRuns(runs) {
  const byFps = [...runs].sort((a, b) => a.fps - b.fps);
  const mid = byFps[Math.floor((byFps.length - 1) / 2)];
  return { ...mid, fps: mid.fps, worst: Math.max(...runs.map((r) => r.worst)), runs: runs.map((r) => r.fps) };
}

export const fmt = (/** @type {number} */ x, d = 3) => (x >= 100 ? x.toFixed(0) : x.toPrecision(d));
/** Every run's frame rate after the median one, " (58.0, 41.0, 55.0)"; "" for results without runs. @param {number[] | undefined} runs */
export const listedRuns = (runs) => (runs ? ` (${runs.map((x) => fmt(x)).join(', ')})` : '');
export const si = (/** @type {number} */ x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));
export const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KB`;
export const ms = (/** @type {number} */ x) => `${x.toFixed(2)} ms`;
/** 'met', or by how much a value above its ceiling misses it. */
export const verdict = (/** @type {number} */ v, /** @type {number} */ t, unit = ' ms') =>
  (v <= t ? 'met' : `missed by ${fmt(v - t)}${unit} (${((v / t - 1) * 100).toFixed(0)} %)`);
/** 'met', or by how much a value below its floor misses it. */
export const verdictAtLeast = (/** @type {number} */ v, /** @type {number} */ t, unit = '') =>
  (v >= t ? 'met' : `missed by ${fmt(t - v)}${unit}`);

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A page with nothing on it: each engine's frame-rate ceiling. */
const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';

/**
 * Serves build/site as scripts/serve.mjs does (precompressed files, cache headers), plus
 * /__blank.html. Resolves to { url, close }.
 */
export async function startBenchServer(dir = siteDir) {
  const site = siteHandler(dir);
  const server = http.createServer((req, res) => {
    if (req.url === '/__blank.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(BLANK); return; }
    site(req, res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Where the bench installs the tools only it needs (never part of `npm test`'s set-up). */
export const toolsDir = join(buildRoot, 'bench-tools');
/** Exact versions: Lighthouse 12.2.3 is the last one for node 20; the drivers as TOOLCHAIN.md. */
export const BENCH_TOOLS = { lighthouse: '12.2.3', 'puppeteer-core': '24.43.1', 'selenium-webdriver': '4.43.0' };

/**
 * Imports a bench-only package: from the project's node_modules when a devDependency has it,
 * else from build/bench-tools, installing it there (npm, exact version) on first use.
 * @param {keyof typeof BENCH_TOOLS} name
 */
export async function benchTool(name) {
  const fromProject = createRequire(join(root, 'package.json'));
  try { return await import(pathToFileURL(fromProject.resolve(name)).href); } catch { /* not a dependency */ }
  const fromTools = createRequire(join(toolsDir, 'package.json'));
  let path;
  try { path = fromTools.resolve(name); } catch {
    mkdirSync(toolsDir, { recursive: true });
    if (!existsSync(join(toolsDir, 'package.json'))) writeFileSync(join(toolsDir, 'package.json'), '{"private":true}\n');
    log(`installing ${name}@${BENCH_TOOLS[name]} into ${toolsDir} (first use)`);
    execFileSync('npm', ['i', '--no-save', '-E', '--no-audit', '--no-fund', `${name}@${BENCH_TOOLS[name]}`],
      { cwd: toolsDir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
    path = fromTools.resolve(name);
  }
  return import(pathToFileURL(path).href);
}

/** The path of a file inside an installed bench tool (e.g. Lighthouse's CLI). @param {string} rel */
export function benchToolFile(rel) {
  return join(toolsDir, 'node_modules', rel);
}

/**
 * In the page: counts animation frames for `seconds` and returns { frames, seconds, fps, worst, p95 }
 * (frame gaps in ms). A function to pass to page.evaluate or executeAsyncScript.
 */
export const measureFramesSource = `(seconds) => new Promise((resolve) => {
  const gaps = [];
  let last = 0;
  let t0 = 0;
  const tick = (t) => {
    if (!t0) t0 = t; else gaps.push(t - last);
    last = t;
    if (t - t0 < seconds * 1000) requestAnimationFrame(tick);
    else {
      const s = [...gaps].sort((a, b) => a - b);
      resolve({ frames: gaps.length, seconds: (t - t0) / 1000, fps: gaps.length / ((t - t0) / 1000),
        worst: s[s.length - 1] ?? 0, p95: s[Math.floor(0.95 * s.length)] ?? 0 });
    }
  };
  requestAnimationFrame(tick);
})`;
