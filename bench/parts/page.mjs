// The main page as a visitor gets it from scripts/serve.mjs (precompressed files): time from
// navigation to the first drawn landscape, and every byte it loads before the first interaction.
// Also the weight of the whole build/site folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { B, kb, launchChromium, log, median, ms, quantile, siteDir, startBenchServer, verdict } from '../lib.mjs';

/** @param {string} path */
const kindOf = (path) => {
  const ext = extname(path);
  return ext === '.js' || ext === '.mjs' ? 'js' : ext === '.wasm' ? 'wasm' : ext === '.css' ? 'css'
    : ['.woff', '.woff2', '.ttf', '.otf'].includes(ext) ? 'fonts' : 'other';
};

/** Hooks canvas drawing: the first draw onto a canvas of at least 200x200 is the landscape. */
function markFirstLandscapeDraw() {
  const mark = (/** @type {HTMLCanvasElement} */ canvas) => {
    if (!(/** @type {any} */ (globalThis)).__firstLandscapeDraw && canvas && canvas.width * canvas.height >= 200 * 200) {
      /** @type {any} */ (globalThis).__firstLandscapeDraw = performance.now();
    }
  };
  for (const name of ['putImageData', 'drawImage', 'fill', 'stroke']) {
    const proto = /** @type {any} */ (CanvasRenderingContext2D.prototype);
    const real = proto[name];
    proto[name] = function wrapped(/** @type {any[]} */ ...args) { mark(this.canvas); return real.apply(this, args); };
  }
}

/**
 * When each part of the page's start ended, ms after navigation: the HTML and the modules
 * (DOMContentLoaded), then the User Timing marks main.js sets (`optlab:core`, `optlab:panels`,
 * `optlab:layout`, `optlab:surface`, `optlab:first-frame`).
 */
function startPhases() {
  /** @type {Record<string, number>} */
  const out = { 'modules run (DOMContentLoaded)': /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).domContentLoadedEventStart };
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('optlab:')) out[m.name.slice(7)] = m.startTime;
  return out;
}

/** Records every layout shift with the elements that moved (id, else tag and classes). */
function recordLayoutShifts() {
  const shifts = /** @type {any[]} */ ([]);
  /** @type {any} */ (globalThis).__layoutShifts = shifts;
  const name = (/** @type {Node | null} */ n) => {
    const e = /** @type {Element | null} */ (n && n.nodeType === 1 ? n : n?.parentElement ?? null);
    if (!e) return '?';
    return e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}${[...e.classList].slice(0, 2).map((c) => `.${c}`).join('')}${e.parentElement?.id ? ` in #${e.parentElement.id}` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const e of /** @type {any[]} */ (list.getEntries())) {
      if (e.hadRecentInput) continue;
      shifts.push({ t: Math.round(e.startTime), value: e.value, sources: (e.sources ?? []).map((/** @type {any} */ s) => ({ node: name(s.node),
        dy: Math.round(s.currentRect.y - s.previousRect.y), dh: Math.round(s.currentRect.height - s.previousRect.height) })) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Layout shifts while the page loads at Lighthouse's two viewports, and which elements moved. @param {any} browser @param {string} url */
async function layoutShifts(browser, url) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [name, viewport, deviceScaleFactor] of /** @type {const} */ ([['desktop', { width: 1350, height: 940 }, 1], ['mobile', { width: 412, height: 823 }, 1.75]])) {
    const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile: name === 'mobile', hasTouch: name === 'mobile' });
    await context.addInitScript(recordLayoutShifts);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 0, null, { timeout: 30000 });
    await page.waitForTimeout(3000);
    const shifts = await page.evaluate(() => /** @type {any} */ (globalThis).__layoutShifts);
    out[name] = { cls: shifts.reduce((a, e) => a + e.value, 0), shifts: shifts.sort((a, b) => b.value - a.value).slice(0, 8) };
    await context.close();
  }
  return out;
}

export async function measure() {
  log('main page: first drawn landscape, bytes before the first interaction');
  const server = await startBenchServer();
  const browser = await launchChromium();
  /** @type {{ path: string, kind: string, wire: number, raw: number, gzip: number }[]} */
  const loaded = [];
  const firstDraw = [];
  /** @type {Record<string, number>[]} */
  const phases = [];
  /** @type {Record<string, any> | null} */
  let shifts = null;
  try {
    for (let run = 0; run < 6; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(markFirstLandscapeDraw);
      const page = await context.newPage();
      let lastResponse = Date.now();
      /** @type {Promise<void>[]} */
      const pending = [];
      if (run === 1) { // run 0 warms the server's file cache and the browser's compile caches are per context
        page.on('response', (res) => {
          lastResponse = Date.now();
          pending.push((async () => {
            try {
              const body = await res.body();
              const sizes = await res.request().sizes();
              const path = new URL(res.url()).pathname;
              loaded.push({ path, kind: kindOf(path === '/' ? 'index.html' : path), wire: sizes.responseBodySize + sizes.responseHeadersSize,
                raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
            } catch { /* no body (redirect) */ }
          })());
        });
      }
      await page.goto(`${server.url}index.html`);
      await page.waitForFunction(() => (/** @type {any} */ (globalThis)).__firstLandscapeDraw, null, { timeout: 30000 });
      if (run > 0) {
        firstDraw.push(await page.evaluate(() => (/** @type {any} */ (globalThis)).__firstLandscapeDraw));
        await page.waitForFunction(() => performance.getEntriesByName('optlab:first-frame').length > 0, null, { timeout: 30000 });
        phases.push(await page.evaluate(startPhases));
      }
      if (run === 1) {
        // Until nothing has arrived for 2 s: everything the page asks for without being touched.
        while (Date.now() - lastResponse < 2000) await page.waitForTimeout(250);
        await Promise.all(pending);
      }
      await context.close();
    }
    shifts = await layoutShifts(browser, `${server.url}index.html`);
  } finally {
    await browser.close();
    await server.close();
  }
  return { firstDraw, phases, loaded, shifts, site: siteWeight() };
}

/** Raw and gzip -9 bytes of every file of build/site by kind (precompressed copies left out). */
function siteWeight() {
  const walk = (/** @type {string} */ dir) => readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  /** @type {Record<string, [number, number]>} */
  const w = { js: [0, 0], wasm: [0, 0], css: [0, 0], fonts: [0, 0], other: [0, 0] };
  for (const file of walk(siteDir)) {
    if (/\.(br|gz)$/.test(file)) continue;
    const body = readFileSync(file);
    const k = kindOf(file);
    w[k][0] += body.length;
    w[k][1] += gzipSync(body, { level: 9 }).length;
  }
  return w;
}

/** What main.js's start marks stand for. */
const PHASE_NAMES = /** @type {Record<string, string>} */ ({ core: 'core compiled and started', panels: 'panels mounted',
  layout: 'first layout', surface: 'landscape sampled and painted', 'first-frame': 'first frame built' });

/** The issue's budget for the main page before the first interaction, fonts aside. */
export const PAGE_BUDGET_GZIP = 150 * 1024;
export const FIRST_DRAW_BUDGET_MS = 300;

/** @param {any} r */
export function pageTotals(r) {
  const noFonts = r.loaded.filter((/** @type {any} */ f) => f.kind !== 'fonts');
  const sum = (/** @type {any[]} */ fs, /** @type {string} */ k) => fs.reduce((a, f) => a + f[k], 0);
  return { requests: r.loaded.length, raw: sum(noFonts, 'raw'), gzip: sum(noFonts, 'gzip'), wire: sum(noFonts, 'wire'),
    fontsWire: sum(r.loaded.filter((/** @type {any} */ f) => f.kind === 'fonts'), 'wire'), firstDraw: median(r.firstDraw) };
}

/** @param {any} r @param {(s?: string) => void} line @param {string[][]} rows */
export function report(r, line, rows) {
  const t = pageTotals(r);
  line('## The main page: first drawn landscape and weight');
  line();
  line('Chromium headless at 1280x800, `index.html` from the bench\'s copy of `scripts/serve.mjs` (brotli/gzip files made at build time) on 127.0.0.1, ' +
    'a fresh browser context for each load. "Before the first interaction": every response until nothing has arrived for 2 s, nothing touched.');
  line();
  line('| measurement | value | target | verdict |');
  line('|---|---:|---|---|');
  line(`| navigation → first drawn landscape (5 loads, median; p95 ${ms(quantile(r.firstDraw, 0.95))}) | ${ms(t.firstDraw)} | ≤ ${FIRST_DRAW_BUDGET_MS} ms | ${verdict(t.firstDraw, FIRST_DRAW_BUDGET_MS)} |`);
  line(`| main page before the first interaction, fonts aside: gzip -9 of each response | ${kb(t.gzip)} (${t.requests} requests) | ≤ 150 KB gzip | ${verdict(t.gzip / 1024, 150, ' KB')} |`);
  line(`| the same, bytes on the wire as served (brotli where accepted, headers included) | ${kb(t.wire)} | | |`);
  line(`| the same, uncompressed | ${kb(t.raw)} | | |`);
  line(`| fonts on the wire (KaTeX's, as the formulas need them) | ${kb(t.fontsWire)} | not counted | |`);
  line();
  if (r.phases?.length) {
    const names = Object.keys(r.phases[0]);
    line('Where the time to the first frame goes (each part\'s end, ms after navigation, median of the same loads): ' +
      names.map((n) => `${PHASE_NAMES[n] ?? n} ${ms(median(r.phases.map((/** @type {Record<string, number>} */ p) => p[n]).filter(Number.isFinite)))}`).join(' → ') + '.');
    line();
  }
  rows.push(['first drawn landscape', ms(t.firstDraw), `p95 ${ms(quantile(r.firstDraw, 0.95))}`, '≤ 300 ms']);
  rows.push(['main page before interaction', `${kb(t.gzip)} gzip`, `${t.requests} requests, ${kb(t.wire)} wire`, '≤ 150 KB']);
  const byKind = new Map();
  for (const f of r.loaded) {
    const k = byKind.get(f.kind) ?? { n: 0, raw: 0, gzip: 0, wire: 0 };
    k.n += 1; k.raw += f.raw; k.gzip += f.gzip; k.wire += f.wire;
    byKind.set(f.kind, k);
  }
  line('| kind | requests | raw | gzip -9 | on the wire |');
  line('|---|---:|---:|---:|---:|');
  for (const [kind, k] of byKind) line(`| ${kind} | ${k.n} | ${kb(k.raw)} | ${kb(k.gzip)} | ${kb(k.wire)} |`);
  line();
  line('Largest responses (raw / gzip -9 / wire): ' + [...r.loaded].sort((a, b) => b.raw - a.raw).slice(0, 8)
    .map((f) => `\`${f.path}\` ${kb(f.raw)} / ${kb(f.gzip)} / ${kb(f.wire)}`).join(', ') + '.');
  line();
  if (r.shifts) {
    line('Layout shifts while the page loads (every shift until the race has run for 3 s; Lighthouse\'s viewports: desktop 1350x940, mobile 412x823), ' +
      'the largest with the elements that moved (dy: how far down, dh: how much taller, CSS px):');
    line();
    line('| viewport | sum of shifts | largest shifts |');
    line('|---|---:|---|');
    for (const [name, v] of Object.entries(r.shifts)) {
      line(`| ${name} | ${v.cls.toFixed(3)} | ${v.shifts.slice(0, 4).map((/** @type {any} */ e) => `${e.value.toFixed(3)} at ${e.t} ms: ` +
        e.sources.slice(0, 3).map((/** @type {any} */ x) => `\`${x.node}\` dy ${x.dy} dh ${x.dh}`).join(', ')).join('; ') || 'none'} |`);
    }
    line();
  }
  const w = r.site;
  line(`All of \`${B}/site\` (four pages, the single file, unbundled sources kept for tests, KaTeX, uPlot; raw / gzip -9): ` +
    Object.entries(w).map(([k, [raw, gz]]) => `${k} ${kb(raw)} / ${kb(gz)}`).join(', ') + '.');
  line();
}
