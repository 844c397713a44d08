// A long soak of the race page in Chromium: every optimizer racing at high speed, many
// landscape changes, resets, presets and restarts from new start points, driven through the
// page's own controls. After each round the garbage is collected (CDP HeapProfiler) and the JS
// heap is read (CDP Runtime.getHeapUsage): once warmed up it must stay flat. The page's
// WebAssembly memory must not grow either, and the console must stay clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './harness.mjs';
import { openTool } from './page-helpers.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'];
const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 3);

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const OPTIMIZERS = ['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'lion', 'adamax', 'adadelta', 'radam'];

test('soak: many races, resets and landscape changes keep the JS heap and the wasm memory flat', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Count WebAssembly memory growth in the page.
  await context.addInitScript(() => {
    const real = WebAssembly.Memory.prototype.grow;
    globalThis.__wasmGrows = 0;
    WebAssembly.Memory.prototype.grow = function grow(pages) { globalThis.__wasmGrows += 1; return real.call(this, pages); };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  const cdp = await context.newCDPSession(page);
  try {
    const opts = OPTIMIZERS.map((o) => `opt=${o}`).join('&');
    await page.goto(`${server.url}index.html?speed=200&${opts}`);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 0);
    const landscapes = await page.$$eval('#landscape-select option', (os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
    assert.ok(landscapes.length >= 5, `landscapes: ${landscapes}`);
    await openTool(page, 'presets');
    const presets = await page.$$eval('[data-preset]', (ps) => ps.map((p) => p.getAttribute('data-preset')));
    const box = await page.locator('#landscape').boundingBox();

    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const isPlaying = () => page.evaluate(() => document.getElementById('play')?.getAttribute('aria-pressed') === 'true');

    /** One round: every landscape, a reset, a new start point, a preset; the race plays meanwhile. */
    const round = async (r) => {
      for (const [i, id] of landscapes.entries()) {
        await page.selectOption('#landscape-select', id);
        await page.waitForTimeout(40);
        await page.click('#reset');
        if (!(await isPlaying())) await page.click('#play');
        await page.waitForTimeout(40);
        if (box && i % 3 === r % 3) {
          await page.mouse.click(box.x + box.width * (0.2 + 0.06 * (i % 10)), box.y + box.height * (0.3 + 0.04 * (i % 10)));
          await page.waitForTimeout(40);
        }
      }
      if (presets.length) {
        await page.click(`[data-preset="${presets[r % presets.length]}"]`);
        await page.waitForTimeout(100);
      }
    };

    await cdp.send('Performance.enable');
    const dom = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
      .filter((m) => m.name === 'Nodes' || m.name === 'JSEventListeners').map((m) => [m.name, m.value]));

    await round(0); // warm-up: every landscape and code path once
    const warm = await heap();
    const domWarm = await dom();
    const growsWarm = await page.evaluate(() => globalThis.__wasmGrows);
    const samples = [warm];
    for (let r = 1; r < ROUNDS + 1; r += 1) {
      await round(r);
      samples.push(await heap());
    }
    const steps = await page.evaluate(() => Number(document.getElementById('step-count')?.dataset.step));
    const last = samples[samples.length - 1];
    const growth = last - warm;
    const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MB`;
    const domLast = await dom();
    console.log(`# soak: ${ROUNDS} rounds x ${landscapes.length} landscapes, heap after gc ${samples.map(mb).join(' -> ')}; ` +
      `DOM nodes ${domWarm.Nodes} -> ${domLast.Nodes}, listeners ${domWarm.JSEventListeners} -> ${domLast.JSEventListeners}; last race at step ${steps}`);
    assert.ok(domLast.JSEventListeners <= domWarm.JSEventListeners + 20, `event listeners grew: ${domWarm.JSEventListeners} -> ${domLast.JSEventListeners}`);
    assert.ok(growth < Math.max(1 * 2 ** 20, 0.1 * warm),
      `JS heap grew by ${mb(growth)} over ${ROUNDS} rounds (${samples.map(mb).join(', ')})`);
    assert.equal(await page.evaluate(() => globalThis.__wasmGrows), growsWarm, 'WebAssembly memory grew after warm-up');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
