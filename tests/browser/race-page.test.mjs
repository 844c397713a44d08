// The race page end to end in Chromium: the module loads, the landscape is drawn,
// optimizers are chosen, the learning rate and start change, the race plays,
// pauses, steps and resets, a diverging runner is stopped while the others go on,
// and the console stays clean. Screenshots land in $OPTLAB_BUILD/screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, withPage, screenshotPath, useSiteAndBrowser } from './harness.mjs';

const site = useSiteAndBrowser();

const READOUT = /Step [\d,]+ · Loss: (\d+\.\d{4}|\d\.\d{3}e[+-]\d+) \| Pos: \(-?\d+\.\d{3}, -?\d+\.\d{3}\)/;
const step = (page) => page.evaluate(() => Number(document.getElementById('step-count')?.dataset.step ?? -1));
const ready = (page) => page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0 && document.getElementById('step-count')?.dataset.step !== undefined);

/** Fraction of canvas pixels that are not blank. */
async function nonBlankFraction(page) {
  return page.evaluate(() => {
    const c = /** @type {HTMLCanvasElement} */ (document.getElementById('landscape'));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
    return n / (d.length / 4);
  });
}

test('the chapter race plays: heatmap drawn, readouts in the chapter format, console clean', async () => {
  await withPage(site.browser, site.url, {}, async (page) => {
    await ready(page);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 50);
    assert.ok(await nonBlankFraction(page) > 0.6, 'canvas mostly blank');
    const names = await page.$$eval('#runners .runner .name', (n) => n.map((e) => e.textContent));
    assert.deepEqual(names, ['SGD', 'Momentum', 'Adam']);
    assert.match(await page.textContent('#runners .readout'), READOUT);
    assert.equal(await page.textContent('#lr-value'), '0.0010');
    await page.waitForFunction(() => document.querySelector('#rule .katex'));
    await page.screenshot({ path: screenshotPath('race-desktop'), fullPage: true });
  });
});

test('reduced motion: no autoplay; play, pause, step and reset on demand; start by click', async () => {
  await withPage(site.browser, site.url, { reducedMotion: 'reduce' }, async (page) => {
    await ready(page);
    await page.waitForTimeout(300);
    assert.equal(await step(page), 0);
    await page.click('#step');
    await page.click('#step');
    assert.equal(await step(page), 2);
    assert.match(await page.textContent('#runners .readout'), /^Step 2 · /);
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 20);
    await page.click('#play'); // pause
    const paused = await step(page);
    await page.waitForTimeout(250);
    assert.equal(await step(page), paused);
    await page.click('#reset');
    assert.equal(await step(page), 0);
    // Click at 75% across and 25% down the plot: the start moves there and the readouts restart from it.
    await page.evaluate(() => window.scrollTo(0, 0)); // clicking the transport may have scrolled the map out of view
    const box = await page.locator('#landscape').boundingBox();
    const before = await page.textContent('#runners .readout');
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.3);
    const start = await page.evaluate(() => window.optlab.store.getState().start);
    assert.ok(start.x > 0.5 && start.y > 1, JSON.stringify(start));
    const after = await page.textContent('#runners .readout');
    assert.notEqual(after, before);
    assert.ok(after.includes(`Pos: (${start.x.toFixed(3)}, ${start.y.toFixed(3)})`), after);
    // Arrow keys move the start for keyboard users.
    await page.focus('#landscape');
    await page.keyboard.press('ArrowLeft');
    const moved = await page.evaluate(() => window.optlab.store.getState().start);
    assert.ok(moved.x < start.x);
  });
});

test('choosing optimizers and moving the learning-rate slider', async () => {
  await withPage(site.browser, site.url, { reducedMotion: 'reduce' }, async (page) => {
    await ready(page);
    await page.check('#pick-nadam');
    await page.check('#pick-lion');
    await page.uncheck('#pick-sgd');
    const ids = await page.$$eval('#runners .runner', (n) => n.map((e) => e.dataset.optimizer));
    assert.deepEqual(ids, ['adam', 'nadam', 'lion']);
    // The log slider: set it to 10^-2 and the label reads 0.0100.
    await page.$eval('#lr', (el) => { el.value = '-2'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    assert.equal(await page.textContent('#lr-value'), '0.0100');
    await page.focus('#lr');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.textContent('#lr-value'), '0.0100'.replace('0.0100', await page.evaluate(() => window.optlab.store.getState().lr.toFixed(4))));
    assert.ok(await page.evaluate(() => window.optlab.store.getState().lr) > 0.01);
    await page.click('#step');
    assert.equal(await step(page), 1);
  });
});

test('a diverging preset: SGD is stopped and labelled diverged while Adam goes on', async () => {
  await withPage(site.browser, site.url, {}, async (page) => {
    await ready(page);
    await page.click('[data-preset="lr-robustness"]');
    await page.waitForFunction(() => document.querySelectorAll('#runners .badge[data-status="diverged"]').length === 2);
    const badges = await page.$$eval('#runners .badge', (n) => n.map((e) => e.textContent));
    assert.match(badges[0], /^diverged at step \d+/);
    assert.match(badges[1], /^diverged at step \d+/);
    const stepNow = await step(page);
    await page.waitForFunction((s) => Number(document.getElementById('step-count')?.dataset.step) > s + 50, stepNow);
    const statuses = await page.$$eval('#runners .badge', (n) => n.map((e) => e.dataset.status));
    assert.ok(statuses.slice(2).every((s) => s !== 'diverged'), statuses.join());
    const text = await page.textContent('#summary');
    assert.match(text, /SGD diverged at step \d+ and was stopped/);
    const shown = await page.evaluate(() => document.body.innerText);
    assert.ok(!/\bNaN\b|Infinity/.test(shown), 'NaN or Infinity reached the screen');
    assert.match(await page.textContent('#live'), /diverged at step/);
    await page.screenshot({ path: screenshotPath('race-diverged'), fullPage: false });
  });
});

test('an invalid hyperparameter shows the core message and the last valid race keeps running', async () => {
  await withPage(site.browser, site.url, {}, async (page) => {
    await ready(page);
    await page.click('#runners .runner:nth-child(3) summary');
    await page.fill('#hp-2-eps', '-1');
    await page.press('#hp-2-eps', 'Enter');
    await page.waitForFunction(() => /Invalid epsilon value: -1/.test(document.getElementById('hp-2-error')?.textContent ?? ''));
    const s = await step(page);
    await page.waitForFunction((n) => Number(document.getElementById('step-count')?.dataset.step) > n + 20, s);
    assert.equal(await page.evaluate(() => window.optlab.store.getState().runners[2].params.eps), undefined);
  });
});

test('a link with malformed settings loads the rest and says what it ignored', async () => {
  await withPage(site.browser, `${site.url}?landscape=ravine&opt=adam(eps:oops)&opt=lion&lr=banana`, { reducedMotion: 'reduce' }, async (page) => {
    await ready(page);
    assert.equal(await page.isVisible('#notices'), true);
    const notice = await page.textContent('#notices');
    assert.match(notice, /eps/);
    assert.match(notice, /lr=/);
    const ids = await page.$$eval('#runners .runner', (n) => n.map((e) => e.dataset.optimizer));
    assert.deepEqual(ids, ['adam', 'lion']);
    assert.equal(await page.inputValue('#landscape-select'), 'ravine');
  });
});

test('phone and large type layouts', async () => {
  const phone = await openPage(site.browser, site.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  try {
    await ready(phone.page);
    await phone.page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 30);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await phone.page.screenshot({ path: screenshotPath('race-phone'), fullPage: false });
    const box = await phone.page.locator('#landscape').boundingBox();
    await phone.page.tap('#landscape', { position: { x: box.width * 0.3, y: box.height * 0.5 } });
    assert.deepEqual(phone.errors, []);
  } finally {
    await phone.context.close();
  }
  const big = await openPage(site.browser, site.url, { viewport: { width: 1920, height: 1080 } });
  try {
    await ready(big.page);
    await big.page.check('#large-type');
    await big.page.waitForTimeout(400);
    await big.page.screenshot({ path: screenshotPath('race-large-type'), fullPage: false });
    assert.deepEqual(big.errors, []);
  } finally {
    await big.context.close();
  }
});

test('frame time with every optimizer racing and long trails', async () => {
  const ids = (await (async () => {
    const { page, context } = await openPage(site.browser, site.url, { reducedMotion: 'reduce' });
    await ready(page);
    const list = await page.$$eval('#picker input', (n) => n.map((e) => e.value));
    await context.close();
    return list;
  })());
  const query = `?opt=${ids.join('&opt=')}&speed=50&lr=0.001&start=-1.9,2.9`;
  await withPage(site.browser, site.url + query, {}, async (page) => {
    await ready(page);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 5000, null, { timeout: 20000 });
    await page.evaluate(() => window.optlab.timer.clear());
    await page.waitForTimeout(3000);
    const r = await page.evaluate(() => ({ p50: window.optlab.timer.percentile(50), p95: window.optlab.timer.percentile(95),
      frames: window.optlab.timer.count, surfaceMs: window.optlab.timer.surfaceMs, steps: window.optlab.session.steps }));
    console.log(`# frame script time, ${ids.length} runners, 50 steps/frame, up to step ${r.steps}: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms over ${r.frames} frames; surface ${r.surfaceMs.toFixed(1)} ms`);
    assert.ok(r.p95 < 16, `p95 ${r.p95} ms`);
  });
});
