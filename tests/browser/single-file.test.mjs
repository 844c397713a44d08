// The single-file build (scripts/build-single-file.mjs) opened straight from disk: file://,
// no server. The classic core with its inlined wasm loads, a race runs, KaTeX, uPlot and the
// quizzes (embedded JSON) work, and the console stays clean under the file's own CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, withPage, screenshotPath, siteDir } from './harness.mjs';
import { openTool, readWholeChapter } from './page-helpers.mjs';

const file = join(siteDir, 'optimizer-lab.html');
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('optimizer-lab.html from file:// loads the module, runs a race, typesets and shows the quizzes', async () => {
  assert.ok(existsSync(file), `${file} is missing: npm run build makes it`);
  const html = readFileSync(file, 'utf8');
  // Outside the inline scripts (one per part, side by side at the end): no script or stylesheet is loaded from elsewhere.
  const first = html.indexOf('<script data-part=');
  assert.ok(first > 0, 'the inline scripts');
  const markup = html.slice(0, first) + html.slice(html.lastIndexOf('</script>'));
  assert.doesNotMatch(markup, /<script\b/, 'inline scripts only, nothing else');
  assert.deepEqual([...html.matchAll(/<script data-part="(\w+)">/g)].map((m) => m[1]), ['locale', 'core', 'katex', 'uplot', 'fetch', 'page']);
  assert.ok(!/<link rel="stylesheet"(?![^>]*disabled)/.test(markup), 'stylesheets are inlined');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /script-src ('sha256-[^']+' ){6}'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  await withPage(browser, pathToFileURL(file).href, {}, async (page) => {
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 30, null, { timeout: 20000 });
    assert.equal(await page.locator('#runners .runner').count(), 3);
    await openTool(page, 'rule');
    await openTool(page, 'chart');
    await page.waitForFunction(() => document.querySelector('#rule .katex') && document.querySelector('#chart-section .uplot'));
    await readWholeChapter(page);
    assert.ok(await page.locator('section.lesson').count() >= 9, 'the lessons (embedded lessons.json)');
    assert.equal(await page.locator('.quiz-broken').count(), 0);
    // A font of KaTeX came from the file itself.
    assert.ok(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')));
    await page.click('#play'); // pause, then a step by hand
    const s = await page.evaluate(() => Number(/** @type {HTMLElement} */ (document.getElementById('step-count')).dataset.step));
    await page.click('#step');
    assert.equal(await page.evaluate(() => Number(/** @type {HTMLElement} */ (document.getElementById('step-count')).dataset.step)), s + 1);
    await page.screenshot({ path: screenshotPath('single-file') });
  });
});
