// The heatmap's colour scale: drawn under the map, labelled with loss values of the
// core's contour levels, redrawn when the landscape changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, useSiteAndBrowser } from './harness.mjs';

const site = useSiteAndBrowser();

/** Distinct colours along the middle row of the bar, and its caption. */
const readBar = (page) => page.evaluate(() => {
  const c = /** @type {HTMLCanvasElement} */ (document.getElementById('colorbar'));
  const g = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
  const row = g.getImageData(0, Math.round(c.height * 0.15), c.width, 1).data;
  const colours = new Set();
  for (let i = 0; i < row.length; i += 4) colours.add(`${row[i]},${row[i + 1]},${row[i + 2]}`);
  return { colours: colours.size, caption: document.getElementById('colorbar-caption')?.textContent ?? '' };
});

test('the colour bar shows the scale and follows the landscape', async () => {
  await withPage(site.browser, `${site.url}?landscape=rosenbrock&autoplay=false`, {}, async (page) => {
    await page.waitForFunction(() => (document.getElementById('colorbar-caption')?.textContent ?? '').length > 0);
    const rosenbrock = await readBar(page);
    assert.ok(rosenbrock.colours > 50, `only ${rosenbrock.colours} colours in the bar`);
    assert.match(rosenbrock.caption, /logarithmic/);
    const before = await page.locator('#colorbar').screenshot();
    await page.selectOption('#landscape-select', 'goldstein_price');
    await page.waitForTimeout(300);
    const after = await page.locator('#colorbar').screenshot();
    assert.notDeepEqual(before, after, 'the tick labels did not change with the landscape');
  });
});
