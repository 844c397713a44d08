// The labs page in Chromium: a learning-rate sweep and a training session run in
// workers, the plots and boundaries render (canvas pixels), the page keeps
// painting frames meanwhile, a plot point links to its race, the console stays clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshotPath, useSiteAndBrowser, textOf } from './harness.mjs';

const site = useSiteAndBrowser();

/** Counts animation frames on the page (a responsiveness probe). */
async function startFrameCounter(page) {
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => { window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
}

/**
 * Clicks the sweep plot at a fraction of its width, half-way down, and returns the link the
 * picked point offers to its race (asserting there is one).
 * @param {import('playwright-core').Page} page @param {number} across
 */
async function pickSweepPoint(page, across) {
  const box = await page.locator('#sweep-plot .u-over').boundingBox();
  assert.ok(box, 'the plot is laid out');
  await page.mouse.move(box.x + box.width * across, box.y + box.height * 0.5);
  await page.mouse.click(box.x + box.width * across, box.y + box.height * 0.5);
  const href = await page.getAttribute('#sweep-race-link', 'href');
  assert.ok(href, 'the picked point links to its race');
  return href;
}

/** Non-white pixels of a canvas. */
async function inkedPixels(page, selector) {
  return page.$eval(selector, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++;
    return n;
  });
}

test('labs: the full sweep runs in a worker, plots, stays responsive, links to its race', async () => {
  await withPage(site.browser, `${site.url}labs.html`, {}, async (page) => {
    await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('sweep-plot')?.dataset.coreMs, null, { timeout: 60000 });
    await page.screenshot({ path: screenshotPath('labs-sweep-default'), fullPage: false });
    await page.evaluate(() => { delete /** @type {HTMLElement} */ (document.getElementById('sweep-plot')).dataset.coreMs; });
    // every optimizer of the page, 60 lrs, 2000 steps
    await page.$$eval('#sweep-optimizers input[type=checkbox]', (boxes) => boxes.forEach((b) => { /** @type {HTMLInputElement} */ (b).checked = true; }));
    await startFrameCounter(page);
    const frames0 = await page.evaluate(() => window.__frames);
    await page.click('#sweep-run');
    await page.waitForFunction(() => document.getElementById('sweep-plot')?.dataset.coreMs, null, { timeout: 60000 });
    const { coreMs, wallMs, frames } = await page.evaluate(() => ({
      coreMs: Number(/** @type {HTMLElement} */ (document.getElementById('sweep-plot')).dataset.coreMs),
      wallMs: Number(/** @type {HTMLElement} */ (document.getElementById('sweep-plot')).dataset.wallMs), frames: window.__frames }));
    const configs = await page.$$eval('#sweep-optimizers input[type=checkbox]', (b) => b.length);
    console.log(`# full sweep in Chromium: ${configs} configs x 60 lrs x 2000 steps: core ${coreMs.toFixed(0)} ms, click-to-result ${wallMs.toFixed(0)} ms, ${frames - frames0} frames painted meanwhile`);
    assert.ok(frames - frames0 >= 3, 'the page kept painting during the sweep');
    assert.ok(coreMs < 5000);
    assert.ok(await inkedPixels(page, '#sweep-plot canvas') > 2000, 'the sweep plot has curves');
    assert.match(await textOf(page, '#sweep-summary'), /SGD: converged at (none of the|\d+ of) 60 rates/);
    // Click a point of SGD's curve: the nearest drawn point at that lr becomes a link to its race.
    const href = await pickSweepPoint(page, 0.35);
    assert.match(href, /^index\.html\?landscape=rosenbrock&/);
    assert.match(href, /opt=[a-z]+\([^)]*lr:[0-9.e-]+/);
    assert.match(href, /start=-1\.5,2/);
    await page.click('input[name=sweep-view][value=steps]');
    assert.ok(await inkedPixels(page, '#sweep-plot canvas') > 500, 'the steps view draws');
    await page.screenshot({ path: screenshotPath('labs-sweep'), fullPage: false });
    // The race page opens that race.
    await page.click('#sweep-race-link');
    await page.waitForURL(/index\.html\?/);
  });
});

test('labs: a training session draws curves, accuracy and decision boundaries; fairness is computed', async () => {
  await withPage(site.browser, `${site.url}labs.html`, {}, async (page) => {
    await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
    await page.fill('#net-steps', '600');
    await startFrameCounter(page);
    const frames0 = await page.evaluate(() => window.__frames);
    await page.click('#net-run');
    await page.waitForFunction(() => /Done/.test(document.querySelector('#net-info')?.textContent ?? ''), null, { timeout: 60000 });
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames - frames0 >= 3);
    const rows = await page.$$eval('#net-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
    assert.equal(rows.length, 4);
    assert.match(rows[3], /Adam/);
    assert.match(rows[3], /%/);
    assert.equal(await page.locator('#net-boundaries canvas').count(), 4);
    for (let i = 1; i <= 4; ++i) assert.ok(await inkedPixels(page, `#net-boundaries figure:nth-child(${i}) canvas`) > 20000);
    assert.ok(await inkedPixels(page, '#net-loss-plot canvas') > 1000);
    assert.match(await textOf(page, '#net-budget'), /600 steps for every optimizer/);
    assert.match(await textOf(page, '#net-fairness'), /one learning rate \(0\.01\)/);
    const rate = Number(await page.getAttribute('#net-loss-plot', 'data-steps-per-second'));
    console.log(`# training in Chromium: ${rate} optimizer-steps/s (2-16-16-2, batch 32, with evaluation and grids)`);
    await page.screenshot({ path: screenshotPath('labs-desktop'), fullPage: true });
    // Tuned learning rates (a short budget keeps the test quick).
    await page.fill('#net-steps', '100');
    await page.check('input[name=lr-mode][value=tuned]');
    await page.click('#net-run');
    await page.waitForFunction(() => /Done/.test(document.querySelector('#net-info')?.textContent ?? ''), null, { timeout: 60000 });
    assert.match(await textOf(page, '#net-fairness'), /own best of 9 learning rates/);
    assert.match(await textOf(page, '#net-budget'), /tuned per optimizer \(SGD /);
  });
});

test('labs: phone layout', async () => {
  await withPage(site.browser, `${site.url}labs.html`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
    await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('sweep-plot')?.dataset.coreMs, null, { timeout: 60000 });
    await page.fill('#net-steps', '300');
    await page.click('#net-run');
    await page.waitForFunction(() => /Done/.test(document.querySelector('#net-info')?.textContent ?? ''), null, { timeout: 60000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling (${overflow}px)`);
    await page.screenshot({ path: screenshotPath('labs-phone'), fullPage: true });
  });
});

test('labs: the sweep sweeps a schedule\'s peak lr; a point\'s link replays its schedule; a bad schedule gets torch\'s words', async () => {
  await withPage(site.browser, `${site.url}labs.html`, {}, async (page) => {
    await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('sweep-plot')?.dataset.coreMs, null, { timeout: 60000 });
    await page.fill('#sweep-scheduler', 'StepLR(gamma=0.5)');
    await page.click('#sweep-run');
    await page.waitForFunction(() => /The sweep failed/.test(document.getElementById('sweep-info')?.textContent ?? ''));
    assert.match(await textOf(page, '#sweep-info'), /StepLR\.__init__\(\) missing 1 required positional argument: 'step_size'/);
    await page.evaluate(() => { delete /** @type {HTMLElement} */ (document.getElementById('sweep-plot')).dataset.coreMs; });
    await page.fill('#sweep-scheduler', 'OneCycleLR(max_lr=1,total_steps=600,cycle_momentum=false)');
    await page.fill('#sweep-clip', '10');
    await page.fill('#sweep-steps', '500');
    await page.fill('#sweep-count', '12');
    await page.click('#sweep-run');
    await page.waitForFunction(() => document.getElementById('sweep-plot')?.dataset.coreMs, null, { timeout: 60000 });
    assert.match(await textOf(page, '#sweep-summary'), /^Every run follows OneCycleLR\(max_lr=1,total_steps=600,cycle_momentum=false\) from its peak rate with clip_grad_norm 10\./);
    const href = await pickSweepPoint(page, 0.5);
    // The point's own peak: OneCycleLR's max_lr is the point's lr (also the runner's lr in the link).
    const lr = /opt=[a-z]+\([^)]*lr:([0-9.e-]+)/.exec(href)?.[1];
    assert.ok(lr, href);
    assert.ok(href.includes(`~OneCycleLR(max_lr=${lr},total_steps=600,cycle_momentum=false)~clip_grad_norm:10`), href);
  });
});
