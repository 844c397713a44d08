// The page end to end: the module loads, the landscape is drawn, the optimizer moves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser, openPage, screenshotPath, screenshotDir } from './harness.mjs';

let server;
let browser;
before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Fraction of canvas pixels that are not blank (transparent or white). */
async function nonBlankFraction(page) {
  return page.evaluate(() => {
    const c = /** @type {HTMLCanvasElement} */ (document.getElementById('landscape'));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
    return n / (d.length / 4);
  });
}

test('the landscape is drawn, the trajectory moves, the console stays clean', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
  try {
    await page.waitForFunction(() => Number(document.getElementById('readout')?.dataset.step) > 20);
    assert.ok(await nonBlankFraction(page) > 0.95, 'canvas mostly blank');
    const first = await page.textContent('#readout');
    await page.waitForFunction(() => Number(document.getElementById('readout')?.dataset.step) > 100);
    const later = await page.textContent('#readout');
    assert.notEqual(first, later);
    assert.match(later, /Loss: \d+\.\d{4} \| Pos: \(-?\d+\.\d{3}, -?\d+\.\d{3}\)/);
    await page.screenshot({ path: screenshotPath('first-page') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('reduced motion: no autoplay until the student presses Play', async () => {
  const { page, errors, context } = await openPage(browser, server.url, { reducedMotion: 'reduce' });
  try {
    await page.waitForFunction(() => document.getElementById('readout')?.dataset.step === '0');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('#readout', 'data-step'), '0');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('readout')?.dataset.step) > 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
