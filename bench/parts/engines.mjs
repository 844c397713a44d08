// Frame rate of the default race in the two other engines, beside each engine's ceiling on a blank
// page: WebKitGTK (MiniBrowser under Xvfb, software rendering, through WebKitWebDriver and
// selenium-webdriver) and Firefox ESR (headless, through puppeteer-core over WebDriver BiDi).
// The drivers come from the project's devDependencies or, failing that, build/bench-tools.
import { spawn } from 'node:child_process';
import { benchTool, combineRuns, fmt, listedRuns, log, measureFramesSource, startBenchServer, verdictAtLeast } from '../lib.mjs';
import { WEBKIT_CAPABILITIES, webkitDriverCommand } from '../../scripts/webkit-headless.mjs';

const SECONDS = 5;
export const WEBKIT_TARGET_FPS = 50;

/** Loads of the race per engine (BENCH_ENGINE_RUNS overrides): one 5 s window moved by 8 fps between runs in WebKit. */
const RACE_RUNS = Math.max(1, Number(process.env.BENCH_ENGINE_RUNS ?? 3));

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} base */
async function webkit(base) {
  const { Builder } = await benchTool('selenium-webdriver');
  const port = 4400 + Math.floor(Math.random() * 500);
  const driverProcess = spawn(...webkitDriverCommand(port), { stdio: 'ignore', detached: true, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  try {
    let driver = null;
    for (let i = 0; i < 40 && !driver; i += 1) {
      await sleep(250);
      try {
        driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(WEBKIT_CAPABILITIES).build();
      } catch { driver = null; }
    }
    if (!driver) throw new Error('WebKitWebDriver did not start');
    try {
      await driver.manage().setTimeouts({ script: (SECONDS + 30) * 1000 });
      await driver.manage().window().setRect({ width: 1280, height: 800 });
      const frames = async () => driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; (${measureFramesSource})(${SECONDS}).then(done);`);
      await driver.get(`${base}__blank.html`);
      const blank = await frames();
      const runs = [];
      for (let run = 0; run < RACE_RUNS; run += 1) { // a fresh load each time: a race that ran long may have ended
        await driver.get(`${base}index.html`);
        for (let i = 0; i < 120; i += 1) {
          if (await driver.executeScript('return Number(document.getElementById("step-count")?.dataset.step) > 0')) break;
          await sleep(250);
        }
        runs.push(await frames());
      }
      return { blank, race: combineRuns(runs) };
    } finally {
      await driver.quit();
    }
  } finally {
    try { process.kill(-/** @type {number} */ (driverProcess.pid), 'SIGTERM'); } catch { /* gone */ }
  }
}

/** @param {string} base */
async function firefox(base) {
  const mod = await benchTool('puppeteer-core');
  const puppeteer = mod.default ?? mod;
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${base}__blank.html`);
    const blank = await page.evaluate(`(${measureFramesSource})(${SECONDS})`);
    const runs = [];
    for (let run = 0; run < RACE_RUNS; run += 1) {
      await page.goto(`${base}index.html`);
      await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 0, { timeout: 60000 });
      runs.push(await page.evaluate(`(${measureFramesSource})(${SECONDS})`));
    }
    return { blank, race: combineRuns(runs) };
  } finally {
    await browser.close();
  }
}

export async function measure() {
  const server = await startBenchServer();
  /** @type {Record<string, any>} */
  const out = { seconds: SECONDS };
  try {
    for (const [name, run] of /** @type {const} */ ([['webkit', webkit], ['firefox', firefox]])) {
      log(`${name}: blank page, then the default race`);
      try { out[name] = await run(server.url); } catch (err) { out[name] = { error: String(/** @type {Error} */ (err).message).split('\n')[0] }; }
    }
  } finally {
    await server.close();
  }
  return out;
}

/** @param {any} r @param {(s?: string) => void} line @param {string[][]} rows */
export function report(r, line, rows) {
  line('## Other engines: frame rate beside each engine\'s ceiling');
  line();
  line(`${r.seconds} s of requestAnimationFrame on a blank page, then on \`index.html\` with its default race running, 1280x800, ` +
    'the race loaded afresh for each run: the median run (every run in brackets), and the worst frame of all runs. ' +
    'WebKitGTK: MiniBrowser under Xvfb (software rendering) via WebKitWebDriver + selenium-webdriver; Firefox ESR headless via puppeteer-core.');
  line();
  line('| engine | blank page fps | race fps | race worst frame | target | verdict |');
  line('|---|---:|---:|---:|---|---|');
  for (const name of ['webkit', 'firefox']) {
    const e = r[name];
    const label = name === 'webkit' ? 'WebKitGTK (software)' : 'Firefox ESR (headless)';
    if (!e) continue;
    if (e.error) { line(`| ${label} | not measured: ${e.error} | | | | |`); continue; }
    const target = name === 'webkit' ? `≥ ${WEBKIT_TARGET_FPS} fps` : '';
    const v = name === 'webkit' ? verdictAtLeast(e.race.fps, WEBKIT_TARGET_FPS, ' fps') : '';
    line(`| ${label} | ${fmt(e.blank.fps)} | ${fmt(e.race.fps)}${listedRuns(e.race.runs)} | ${e.race.worst.toFixed(1)} ms | ${target} | ${v} |`);
    rows.push([`${name} race fps`, `${fmt(e.race.fps)} fps`, `blank ${fmt(e.blank.fps)} fps`, target]);
  }
  line();
}
