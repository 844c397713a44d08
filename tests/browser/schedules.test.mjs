// Learning-rate schedules and clipping on the race page: a link's schedule races with its lr in
// the readout and as a dashed line on the loss chart's second axis; the per-runner controls
// show torch's defaults, put torch's error next to the control for a bad argument (the runner
// keeps racing with its last valid schedule) and a valid change reaches the link; the
// schedule presets load. Screenshot: build/screenshots/schedule-race-1280x800.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshotPath, useSiteAndBrowser, textOf } from './harness.mjs';
import { openTool } from './page-helpers.mjs';

const site = useSiteAndBrowser();

const COSINE = 'landscape=ravine&lp=kappa:50,angle:0&opt=sgd&opt=sgd~CosineAnnealingLR(T_max=400)&start=-4,1&lr=0.03&noise=2&seed=1&speed=2';
/** The readout's lr ("| lr: 0.02881") of runner `i`, or NaN. */
const readoutLr = (page, i) => page.$eval(`#runners .readout[data-runner="${i}"]`, (e) => Number(/\| lr: ([0-9.e+-]+)/.exec(e.textContent ?? '')?.[1]));

test('a scheduled race: lr in the readout and on the loss chart, controls with torch\'s errors, the link follows', async () => {
  await withPage(site.browser, `${site.url}?${COSINE}`, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.waitForSelector('#runners .readout');
    await openTool(page, 'chart');
    await page.click('#reset'); // the chart then has the lr line from step 0
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 300);
    // Only the scheduled runner shows an lr, and it has decayed from 0.03 (cosine over 400 steps).
    assert.doesNotMatch(await textOf(page, '#runners .readout[data-runner="0"]'), /lr:/);
    const lr = await readoutLr(page, 1);
    assert.ok(lr > 0 && lr < 0.03, String(lr));
    // The chart has a second scale and a series "<runner> lr" for the scheduled runner, whose name says its schedule.
    // (uPlot draws its axes on the canvas; the legend is in the page.)
    const labels = await page.$$eval('#loss-chart .u-legend .u-series .u-label', (n) => n.map((e) => e.textContent));
    assert.deepEqual(labels, ['step', 'SGD', 'SGD + CosineAnnealingLR', 'SGD + CosineAnnealingLR lr']);
    // Every readout shows whole, the scheduled one's lr included (none is cut by its row).
    const cut = await page.$$eval('#runners .readout', (n) => n.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    assert.deepEqual(cut, []);
    await page.evaluate(() => document.getElementById('chart-section')?.scrollIntoView());
    await page.screenshot({ path: screenshotPath('schedule-race-1280x800') });

    // The controls of the scheduled runner show its scheduler and arguments, torch's defaults as placeholders.
    await openTool(page, 'runners');
    const card = '#runner-settings .runner-config[data-index="1"]';
    assert.equal(await page.inputValue(`${card} #sched-1-scheduler`), 'CosineAnnealingLR');
    assert.equal(await page.inputValue(`${card} #sched-1-T_max`), '400');
    assert.equal(await page.getAttribute(`${card} #sched-1-eta_min`, 'placeholder'), '0.0');
    // A scheduler without its required argument: torch's message next to the control; the runner keeps its cosine.
    await page.selectOption(`${card} #sched-1-scheduler`, 'StepLR');
    await page.waitForFunction(() => document.getElementById('sched-1-error')?.textContent?.includes('StepLR'));
    assert.match(await textOf(page, '#sched-1-error'),
      /StepLR\.__init__\(\) missing 1 required positional argument: 'step_size' — the runner keeps racing with its last valid schedule\./);
    await page.waitForTimeout(400);
    assert.match(page.url(), /opt=sgd~CosineAnnealingLR\(T_max=400\)/, 'the link keeps the valid schedule');
    assert.ok((await readoutLr(page, 1)) > 0, 'the runner still races with an lr');
    // Torch's argument filled in: the schedule applies and the link carries it.
    await page.fill(`${card} #sched-1-step_size`, '50');
    await page.press(`${card} #sched-1-step_size`, 'Enter');
    await page.waitForFunction(() => location.search.includes('StepLR(step_size=50)'));
    assert.match(page.url(), /opt=sgd~StepLR\(step_size=50\)&/);
    // Clipping on the first runner.
    await page.click('#runner-settings .runner-config[data-index="0"] .schedule-controls summary');
    await page.fill('#sched-0-clip_grad_norm', '1');
    await page.press('#sched-0-clip_grad_norm', 'Enter');
    await page.waitForFunction(() => location.search.includes('opt=sgd~clip_grad_norm:1'));
    assert.equal(await textOf(page, '#sched-0-error'), '');
  });
});

test('a link with a bad schedule: a notice in torch\'s words, and the race runs without it', async () => {
  const url = `${site.url}?opt=adam~StepLR(gamma=0.5)&opt=sgd(momentum:0.9)~OneCycleLR(max_lr=0.01,total_steps=1000)`;
  await withPage(site.browser, url, {}, async (page) => {
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 20);
    assert.match(await textOf(page, '#notices'), /the schedule "StepLR\(gamma=0\.5\)" was left out \(StepLR\.__init__\(\) missing 1 required positional argument: 'step_size'\)/);
    assert.equal(await page.locator('#runners .readout').count(), 2);
    assert.doesNotMatch(await textOf(page, '#runners .readout[data-runner="0"]'), /lr:/);
    assert.ok((await readoutLr(page, 1)) > 0, 'the valid OneCycleLR races');
  });
});

test('the schedule presets load their schedules and clipping', async () => {
  await withPage(site.browser, site.url, {}, async (page) => {
    await page.waitForSelector('#runners .readout');
    await openTool(page, 'presets');
    for (const [id, search] of [['cosine-settle', 'opt=sgd~CosineAnnealingLR(T_max=400)'],
      ['warmup-adam', 'opt=adam~LinearLR(start_factor=0.1,total_iters=20)'],
      ['clip-momentum', 'opt=sgd(momentum:0.9)~clip_grad_norm:10']]) {
      await page.click(`button[data-preset="${id}"]`);
      await page.waitForFunction((s) => location.search.includes(s), search);
    }
  });
});
