// The cross-engine runner: registers every scenario of scenarios.mjs as a node:test test for
// one engine. A driver (drivers/<engine>.mjs) only knows how to open a page, evaluate an
// expression, click, take a screenshot and report native errors; everything a scenario does
// is written once, against the tools below, so the three engines run the same checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { siteDir, screenshotDir } from '../browser/harness.mjs';
import { startSiteServer } from './site-server.mjs';
import { SCENARIOS, FAULTS } from './scenarios.mjs';
import { prepareSingleFiles } from './single-file-copies.mjs';
import { bounded, runWithOneRestart } from './bounded.mjs';

/**
 * @typedef {{ goto(url: string): Promise<void>, evaluate(expression: string): Promise<any>,
 *   click(selector: string): Promise<void>, screenshot(path: string): Promise<void>,
 *   nativeErrors(): string[], close(): Promise<void> }} EnginePage
 * @typedef {{ name: string, version: string, newPage(size: { width: number, height: number }): Promise<EnginePage>,
 *   close(): Promise<void>, diagnostics?(): string }} Engine
 */

/** An expression that calls `fn` (a function with no free variables) with JSON arguments. */
const call = (/** @type {Function} */ fn, /** @type {unknown[]} */ args) => `(${fn})(...${JSON.stringify(args)})`;

/**
 * What a scenario works with: the page, the site's URLs and the engine's name.
 * @param {EnginePage} page @param {{ url: string, files: Record<string, string> }} site @param {string} engine
 */
function tools(page, site, engine) {
  const t = {
    engine,
    /** Opens a page of the site (a path like "quiz.html?x=1") or a prepared single file ("file:name"). */
    async open(/** @type {string} */ where) {
      const url = where.startsWith('file:') ? pathToFileURL(site.files[where.slice(5)]).href : new URL(where, site.url).href;
      await bounded(`open ${where}`, page.goto(url));
    },
    /** Runs `fn(...args)` in the page and returns its (JSON) result; `fn` may be async. */
    eval: (/** @type {Function} */ fn, /** @type {unknown[]} */ ...args) => bounded(`eval ${fn}`.slice(0, 120), page.evaluate(call(fn, args))),
    /**
     * Waits until `fn(...args)` is truthy in the page and returns its value. Return plain
     * values, not DOM nodes: engines disagree on what a node turns into.
     * @param {string} what said on a timeout @param {Function} fn @param {unknown[]} args
     */
    async waitFor(what, fn, ...args) {
      const timeout = 120000; // WebKit on a busy 2-core machine can be that slow; a passing wait ends at once
      const t0 = Date.now();
      let last;
      while (Date.now() - t0 < timeout) {
        try {
          last = await bounded(`wait for ${what}`, page.evaluate(call(fn, args)));
          if (last) return last;
        } catch (err) {
          if (err instanceof EngineStuck) throw err;
          last = err; // the page may be navigating
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`${engine}: timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
    },
    click: (/** @type {string} */ selector) => bounded(`click ${selector}`, page.click(selector)),
    /** The value of a CSS selector's textContent ('' when missing). */
    text: (/** @type {string} */ selector) => bounded(`text of ${selector}`,
      page.evaluate(call((s) => document.querySelector(s)?.textContent ?? '', [selector]))),
    screenshot: (/** @type {string} */ name) => bounded(`screenshot ${name}`, page.screenshot(`${screenshotDir}/engines-${engine}-${name}.png`)),
    /** Every error the page showed so far: the engine's own reports and the page's error probe. */
    async errors() {
      const probed = await bounded('read the error probe', page.evaluate('(window.__engineProbe && window.__engineProbe.errors) || ["error probe missing"]'))
        .catch((/** @type {Error} */ err) => [`could not read the error probe: ${err.message}`]);
      return [...page.nativeErrors(), ...probed];
    },
  };
  return t;
}

/** @typedef {ReturnType<typeof tools>} Tools */

/**
 * Runs one scenario in a fresh page of `engine`: its steps, then no unexpected page errors.
 * @param {Engine} engine @param {{ url: string, files: Record<string, string> }} site
 * @param {typeof SCENARIOS[number]} scenario
 */
async function runScenario(engine, site, scenario) {
  const page = await bounded('open a new page', engine.newPage(scenario.viewport ?? { width: 1280, height: 900 }));
  try {
    const t = tools(page, site, engine.name);
    await scenario.run(t);
    const errors = await t.errors();
    const expected = scenario.expectedErrors ?? [];
    const unexpected = errors.filter((e) => !expected.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], `${engine.name}: errors on the page`);
    for (const re of expected) assert.ok(errors.some((e) => re.test(e)), `${engine.name}: expected an error matching ${re}`);
  } finally {
    await bounded('close the page', page.close(), 30000).catch(() => {});
  }
}

/**
 * Registers the scenarios for one engine.
 * @param {string} name chromium | firefox | webkit
 */
export function engineTests(name) {
  /** @type {Engine | null} */
  let engine = null;
  /** @type {{ url: string, close: () => Promise<void> } | null} */
  let server = null;
  /** @type {Record<string, string>} */
  let files = {};
  /** @type {() => Promise<Engine>} */
  let launch;
  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startSiteServer(siteDir, FAULTS);
    files = prepareSingleFiles(siteDir);
    ({ launch } = await import(`./drivers/${name}.mjs`));
    engine = await launch();
  });
  after(async () => {
    if (engine) console.log(`# ${name} ${engine.version}`);
    await engine?.close();
    await server?.close();
  });
  // SCENARIO=text runs only the scenarios whose name contains it.
  const only = process.env.SCENARIO ?? '';
  for (const scenario of SCENARIOS.filter((x) => x.name.includes(only))) {
    test(`${name}: ${scenario.name}`, { timeout: 480000 }, async () => {
      if (!engine || !server) throw new Error(`${name} did not start`);
      const site = { url: server.url, files };
      const held = { engine };
      try {
        await runWithOneRestart(held, launch, (e) => runScenario(e, site, scenario), scenario.name);
      } finally {
        engine = held.engine; // after() closes the engine in use, the restarted one too
      }
    });
  }
}
