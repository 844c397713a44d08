// Beyond axe: the race in words, as sound and by voice, and every pointer action from the
// keyboard. The "Race description" region on the main page and in the race embed; the Sound
// toggle with a spy on AudioContext (created and started by the toggle, suspended on pause and
// when the page is hidden, closed by the toggle); voicing with a spy on speechSynthesis; a
// basin cell, the loss chart's readout and the sweep's point selection with keys alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, screenshotPath, useSiteAndBrowser, textOf } from './harness.mjs';
import { openTool } from './page-helpers.mjs';

const site = useSiteAndBrowser();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG A/AA and best-practice violations, one line each (the page must be opened with bypassCSP). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
}

const ready = (page) => page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0 && document.getElementById('step-count')?.dataset.step !== undefined);
const description = (page) => page.getByRole('region', { name: 'Race description' });

/** Records every AudioContext the page creates and what is done with it (the real one still plays). */
function spyOnAudio() {
  const Real = window.AudioContext;
  window.__audio = { created: 0, calls: [], oscillatorsStarted: 0 };
  window.AudioContext = class extends Real {
    constructor(...args) { super(...args); window.__audio.created++; }
    resume() { window.__audio.calls.push('resume'); return super.resume(); }
    suspend() { window.__audio.calls.push('suspend'); return super.suspend(); }
    close() { window.__audio.calls.push('close'); return super.close(); }
    createOscillator() {
      const o = super.createOscillator();
      const start = o.start.bind(o);
      o.start = (...a) => { window.__audio.oscillatorsStarted++; return start(...a); };
      return o;
    }
  };
}

/** Replaces speech synthesis with a recorder. */
function spyOnSpeech() {
  window.__spoken = [];
  const synth = { speak: (u) => window.__spoken.push(u.text), cancel: () => window.__spoken.push('<cancel>'),
    getVoices: () => [], speaking: false, pending: false, paused: false };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

test('the description region: landscape and minima, each runner in words, the order by loss; updated on a step', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}index.html?landscape=himmelblau&opt=sgd&opt=adam&lr=0.01&autoplay=false`);
  try {
    await ready(page);
    const region = description(page);
    await region.waitFor();
    assert.equal(await region.getAttribute('aria-live'), null, 'the description is browsable, not a live region');
    await page.waitForFunction(() => /Himmelblau/.test(document.getElementById('race-description-landscape')?.textContent ?? ''));
    const landscape = await textOf(page, '#race-description-landscape');
    assert.match(landscape, /Four minima, all global with loss 0, at \(3\.000, 2\.000\)/);
    let items = await page.$$eval('#race-description-runners li', (li) => li.map((l) => l.textContent));
    assert.equal(items.length, 2);
    assert.match(items[0], /^SGD: at \(-?\d+\.\d{3}, -?\d+\.\d{3}\), loss [\d.e+-]+, running, step 0\./);
    assert.match(await textOf(page, '#race-description-order'), /By loss, lowest first: /);
    await page.click('#step');
    await page.click('#step');
    await page.click('#step');
    await page.waitForFunction(() => /step 3\./.test(document.querySelector('#race-description-runners li')?.textContent ?? ''));
    items = await page.$$eval('#race-description-runners li', (li) => li.map((l) => l.textContent));
    assert.match(items[1], /^Adam: .* running, step 3\. It is (moving|oscillating|stalled|just)/);
    await region.screenshot({ path: screenshotPath('race-description') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the description is in the race embed too, and says when a runner diverged', async () => {
  const { page, context, errors } = await openPage(site.browser,
    `${site.url}index.html?embed=race&panels=runners,chart&landscape=rosenbrock&start=-1.5,2&opt=sgd(lr:0.1)&opt=adam&lr=0.01&speed=50&autoplay=false`);
  try {
    await ready(page);
    assert.equal(await description(page).isVisible(), true);
    await page.click('#play');
    await page.waitForFunction(() => /diverged at step/.test(document.getElementById('race-description-runners')?.textContent ?? ''), null, { timeout: 20000 });
    assert.match(await textOf(page, '#race-description-order'), /Out of the race \(diverged\): SGD/);
    assert.match(await textOf(page, '#live'), /diverged/, 'the status change went to the announcer');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Sound: off by default; the toggle creates and starts Web Audio; pause, a hidden page and the toggle stop it', async () => {
  const { page, context, errors } = await openPage(site.browser, 'about:blank');
  try {
    await page.addInitScript(spyOnAudio);
    await page.goto(`${site.url}index.html?landscape=rosenbrock&opt=sgd&opt=adam&lr=0.001&speed=5&autoplay=false`);
    await ready(page);
    const toggle = page.locator('#sound-toggle');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => window.__audio.created), 0, 'no audio until asked');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => window.__audio.created), 1);
    await page.click('#play');
    await page.waitForFunction(() => window.__audio.oscillatorsStarted >= 2 && window.__audio.calls.includes('resume'));
    // Pause: the hum fades and the context is suspended.
    await page.click('#play');
    await page.waitForFunction(() => window.__audio.calls.at(-1) === 'suspend');
    // Playing again resumes; a hidden page suspends.
    await page.click('#play');
    await page.waitForFunction(() => window.__audio.calls.at(-1) === 'resume');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => window.__audio.calls.at(-1) === 'suspend');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The toggle again: the context is closed.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await page.waitForFunction(() => window.__audio.calls.includes('close'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('voicing: off by default; when on, speech reads each status change', async () => {
  const { page, context, errors } = await openPage(site.browser, 'about:blank');
  try {
    await page.addInitScript(spyOnSpeech);
    await page.goto(`${site.url}index.html?landscape=rosenbrock&start=-1.5,2&opt=sgd(lr:0.1)&opt=adam&lr=0.01&speed=50&autoplay=false`);
    await ready(page);
    const toggle = page.locator('#voice-toggle');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.click('#play');
    await page.waitForFunction(() => window.__spoken.some((t) => /^SGD \(lr=0\.1\) diverged at step \d+: /.test(t)), null, { timeout: 20000 });
    assert.ok(!(await page.evaluate(() => window.__spoken)).some((t) => /running/.test(t)), 'only status changes are spoken');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: the start point, a basin cell, and the loss chart\'s readout', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}index.html?landscape=himmelblau&opt=adam&lr=0.05&autoplay=false`, { bypassCSP: true });
  try {
    await ready(page);
    const state = () => page.evaluate(() => window.optlab.store.getState());
    // Start point: arrow keys on the map.
    const start0 = (await state()).start;
    await page.focus('#landscape');
    await page.keyboard.press('ArrowRight');
    assert.ok((await state()).start.x > start0.x);
    // Basins: compute with Enter, then walk the cells and race from one with Enter.
    await openTool(page, 'basins');
    await page.focus('#basins-compute');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.optlab.basins.result !== null);
    await page.focus('#basins-canvas');
    await page.keyboard.press('ArrowRight');
    assert.match(await textOf(page, '#basins-cell'), /^Start \(-?\d+\.\d{3}, -?\d+\.\d{3}\): (reaches minimum \d+ in \d+ steps|diverges|reaches no minimum)\.$/);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowRight');
    const cell = await textOf(page, '#basins-cell');
    const picked = /Start \((-?[\d.]+), (-?[\d.]+)\)/.exec(cell);
    assert.ok(picked, cell);
    const [, cx, cy] = picked;
    await page.keyboard.press('Enter');
    const raced = await state();
    assert.ok(Math.abs(raced.start.x - Number(cx)) < 1e-3 && Math.abs(raced.start.y - Number(cy)) < 1e-3, `raced from ${JSON.stringify(raced.start)}, cell said ${cell}`);
    assert.equal(raced.playing, true);
    await page.waitForFunction(() => window.optlab.session.steps > 30);
    await page.evaluate(() => window.optlab.store.setState({ playing: false }));
    await page.locator('#basins-section').screenshot({ path: screenshotPath('basins-keyboard') });
    // The loss chart: focus, End for the last sample, Left steps back; uPlot's own legend follows.
    await openTool(page, 'chart');
    await page.waitForSelector('#loss-chart .uplot');
    await page.focus('#loss-chart');
    await page.keyboard.press('End');
    const last = await textOf(page, '#loss-chart-readout');
    assert.match(last, /^Step [\d,]+: Adam [\d.e+-]+\.$/);
    await page.keyboard.press('Home');
    assert.match(await textOf(page, '#loss-chart-readout'), /^Step 0: Adam /);
    await page.keyboard.press('ArrowRight');
    const second = await textOf(page, '#loss-chart-readout');
    assert.notEqual(second, last);
    const legend = await page.$$eval('#loss-chart .u-legend .u-value', (v) => v.map((x) => x.textContent));
    assert.ok(legend.some((v) => /\d/.test(v ?? '')), `the legend shows the values at the cursor: ${legend}`);
    await page.locator('#chart-section').screenshot({ path: screenshotPath('loss-chart-keyboard') });
    await page.click('#sound-toggle');
    assert.deepEqual(await axeViolations(page), [], 'with the keyboard cursors, the readouts and Sound on');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: the sweep\'s point selection on the labs page', async () => {
  const { page, context, errors } = await openPage(site.browser, `${site.url}labs.html`, { bypassCSP: true });
  try {
    await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('sweep-plot')?.dataset.coreMs, null, { timeout: 60000 });
    await page.focus('#sweep-plot');
    await page.keyboard.press('ArrowRight');
    assert.match(await textOf(page, '#sweep-pick'), /at learning rate [\d.e-]+: (converged|diverged|did not converge).*Press Enter/);
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const href = await page.getAttribute('#sweep-race-link', 'href');
    assert.ok(href, 'the picked point links to its race');
    assert.match(href, /^index\.html\?landscape=rosenbrock&/);
    assert.match(href, /opt=[a-z]+\([^)]*lr:[0-9.e-]+/);
    await page.locator('#sweep-plot').screenshot({ path: screenshotPath('sweep-keyboard') });
    assert.deepEqual(await axeViolations(page), [], 'the labs page with the keyboard cursor on the sweep');
    // Tab reaches the link; Enter opens the race.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.id === 'sweep-race-link')); i++) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/index\.html\?/), page.keyboard.press('Enter')]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
