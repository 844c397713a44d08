// The page's extra tools in Chromium: the custom-function field (examples, the core's error
// with its column, the URL), the basins panel (Himmelblau's four basins, click a cell to race
// from it), the 3-D surface (non-blank WebGL pixels under SwiftShader, following the race)
// and the WebM video export. Screenshots land in $OPTLAB_BUILD/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath, useSiteAndBrowser, withPage, textOf } from './harness.mjs';
import { openTool } from './page-helpers.mjs';

/** @typedef {NonNullable<Window['optlab']['basins']['result']>} Basins the basins tool's last result, read once it has one */

const site = useSiteAndBrowser({ webgl: true });

const ready = (page) => page.waitForFunction(() => window.optlab?.session?.landscape);

test('custom function: the core error with its column next to the field, then a race on it, carried by the URL', async () => {
  await withPage(site.browser, `${site.url}index.html?autoplay=false`, {}, async (page) => {
    await ready(page);
    await openTool(page, 'custom');
    await page.fill('#custom-expr', 'x + (y');
    await page.waitForFunction(() => String(/** @type {HTMLElement} */ (document.getElementById('custom-expr-error')).textContent).includes('column'));
    const message = await textOf(page, '#custom-expr-error');
    assert.match(message, /at column 7: expected '\)'/);
    assert.equal(await page.getAttribute('#custom-expr', 'aria-invalid'), 'true');
    await page.fill('#custom-expr', '(x^2 - 1)^2 + 0.5*y^2');
    await page.fill('#custom-domain', '-2, 2, -1.5, 1.5');
    await page.press('#custom-expr', 'Enter');
    await page.waitForFunction(() => window.optlab.session.landscape.id === 'custom');
    const d = await page.evaluate(() => window.optlab.session.landscape);
    assert.equal(d.minima.length, 2);
    assert.deepEqual(d.domain, { xmin: -2, xmax: 2, ymin: -1.5, ymax: 1.5 });
    await page.waitForFunction(() => location.search.includes('f='));
    const search = await page.evaluate(() => location.search);
    assert.match(search, /landscape=custom/);
    assert.match(search, /domain=-2,2,-1.5,1.5/);
    await page.locator('.stage').screenshot({ path: screenshotPath('custom-function') });
    await page.locator('#custom-function').screenshot({ path: screenshotPath('custom-function-field') });
    // The link opens the same function in a fresh page.
    const page2 = await page.context().newPage();
    await page2.goto(`${site.url}index.html${search}`);
    await ready(page2);
    assert.equal(await page2.evaluate(() => window.optlab.store.getState().expr), '(x^2 - 1)^2 + 0.5*y^2');
    await openTool(page2, 'custom');
    assert.equal(await page2.inputValue('#custom-expr'), '(x^2 - 1)^2 + 0.5*y^2');
    // An example from the list races at once.
    await page2.selectOption('#custom-examples', { label: 'Himmelblau' });
    await page2.waitForFunction(() => window.optlab.session.landscape.minima.length === 4);
    await page2.close();
  });
});

test('basins: Himmelblau under plain GD shows four basins; a click races from that cell', async () => {
  await withPage(site.browser, `${site.url}index.html?landscape=himmelblau&opt=sgd&lr=0.01&autoplay=false`, {}, async (page) => {
    await ready(page);
    await openTool(page, 'basins');
    await page.click('#basins-compute');
    await page.waitForFunction(() => window.optlab.basins.result);
    const r = await page.evaluate(() => { const b = /** @type {Basins} */ (window.optlab.basins.result); return { counts: b.counts, ms: b.milliseconds, n: b.minimum.length }; });
    assert.equal(r.n, 64 * 64);
    assert.equal(r.counts.length, 4);
    for (const c of r.counts) assert.ok(c > 300, String(r.counts));
    console.log(`# basins 64x64 in Chromium (wasm): ${r.ms.toFixed(1)} ms in the core`);
    assert.match(await textOf(page, '#basins-info'), /ms in the core/);
    await page.locator('#basins-section').screenshot({ path: screenshotPath('basins-himmelblau') });
    // Click near the top-right corner (x ~ 4.5, y ~ 4.5): the start moves there.
    const box = await page.locator('#basins-canvas').boundingBox();
    assert.ok(box, 'the basins are drawn');
    await page.mouse.click(box.x + box.width * 0.95, box.y + box.height * 0.05);
    const start = await page.evaluate(() => window.optlab.store.getState().start);
    assert.ok(start.x > 4 && start.y > 4, JSON.stringify(start));
    // A hyperparameter change recomputes (momentum changes the basins).
    const before = await page.evaluate(() => Array.from(/** @type {Basins} */ (window.optlab.basins.result).minimum));
    await page.evaluate(() => window.optlab.store.setState({ runners: [{ optimizer: 'sgd', params: { momentum: 0.9 } }] }));
    await page.waitForFunction((b) => {
      const m = /** @type {Basins} */ (window.optlab.basins.result).minimum;
      return m.some((v, i) => v !== b[i]);
    }, before);
    await page.locator('#basins-section').screenshot({ path: screenshotPath('basins-himmelblau-momentum') });
  });
});

test('3-D surface: WebGL renders non-blank pixels (SwiftShader) and follows the race', async () => {
  await withPage(site.browser, `${site.url}index.html?landscape=himmelblau&autoplay=false`, {}, async (page) => {
    await ready(page);
    await openTool(page, '3d'); // opening the tool switches the map to 3-D
    const disabled = await page.getAttribute('#view-3d', 'disabled');
    assert.equal(disabled, null, await textOf(page, '#view-3d-note'));
    assert.equal(await page.isVisible('#surface3d'), true);
    assert.equal(await page.isVisible('#landscape'), false);
    const sample = () => page.evaluate(() => {
      const c = /** @type {HTMLCanvasElement} */ (document.getElementById('surface3d'));
      const off = document.createElement('canvas');
      off.width = c.width; off.height = c.height;
      const ctx = /** @type {CanvasRenderingContext2D} */ (off.getContext('2d'));
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let nonBlank = 0, hash = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - 247) + Math.abs(d[i + 1] - 247) + Math.abs(d[i + 2] - 250) > 30) nonBlank++;
        hash = (hash * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) | 0;
      }
      return { nonBlank, total: d.length / 4, hash };
    });
    const a = await sample();
    assert.ok(a.nonBlank > a.total * 0.2, `${a.nonBlank} of ${a.total} pixels drawn`);
    await page.locator('.stage').screenshot({ path: screenshotPath('surface3d-start') });
    // The race advances: the trails and markers move on the 3-D surface.
    await page.evaluate(() => window.optlab.store.setState({ playing: true }));
    await page.waitForFunction(() => window.optlab.session.steps > 150);
    await page.evaluate(() => window.optlab.store.setState({ playing: false }));
    const b = await sample();
    assert.notEqual(a.hash, b.hash);
    // Keys rotate the view.
    await page.focus('#surface3d');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const c = await sample();
    assert.notEqual(b.hash, c.hash);
    await page.locator('.stage').screenshot({ path: screenshotPath('surface3d-race') });
    await page.click('#view-3d');
    assert.equal(await page.isVisible('#landscape'), true);
  });
});

test('video for slides: a short recording is a non-empty WebM file', async () => {
  await withPage(site.browser, `${site.url}index.html?landscape=rosenbrock&autoplay=false`, {}, async (page) => {
    await ready(page);
    await openTool(page, 'export');
    const r = await page.evaluate(async () => {
      const blob = await window.optlab.video.record(2, 320, 180);
      const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      return { size: blob.size, type: blob.type, head: Array.from(head) };
    });
    assert.ok(r.size > 1000, `size ${r.size}`);
    assert.equal(r.type, 'video/webm');
    assert.deepEqual(r.head, [0x1a, 0x45, 0xdf, 0xa3]); // EBML magic
    assert.equal(await page.isVisible('#video-download'), true);
    assert.match(String(await page.getAttribute('#video-download', 'download')), /\.webm$/);
    await page.locator('#export').screenshot({ path: screenshotPath('video-export') });
  });
});
