// Embedding in Chromium: the embed views, hidden controls, a host page on another
// origin that embeds the app with web/embed/host.js and receives resize, score and race
// events, a sample of the 1,000 hostile links, and the page under the shipped CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, withPage, screenshotPath, siteDir, useSiteAndBrowser } from './harness.mjs';
import { hostileQueries } from '../js/hostile-queries.mjs';
import { openTool, readWholeChapter } from './page-helpers.mjs';

const site = useSiteAndBrowser();

const ready = (page) => page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0 && document.getElementById('step-count')?.dataset.step !== undefined);
const step = (page) => page.evaluate(() => Number(document.getElementById('step-count')?.dataset.step ?? -1));
const visible = (page, sel) => page.locator(sel).first().isVisible();

/** A host page on its own origin (another port): an iframe of the app plus the shipped host script. */
async function startHost(appUrl, iframeQuery) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${appUrl.replace(/\/$/, '')} 'self'; frame-src ${appUrl.replace(/\/$/, '')}; style-src 'unsafe-inline'">
<script src="/record.js"></script></head><body><h1>Week 3: optimizers</h1>
<iframe id="lab" src="${appUrl}index.html?${iframeQuery}" title="Optimizer Lab" width="100%" height="300" style="border:0" data-optimizer-lab></iframe>
<p>After the frame.</p>
<script src="${appUrl}embed/host.js" defer></script></body></html>`;
  // Records what reaches the host page, as a course site's own script would.
  const record = `window.events = []; ['optimizer-lab:resize','optimizer-lab:score','optimizer-lab:quiz-answer','optimizer-lab:race-result','optimizer-lab:ready','optimizer-lab:state']
    .forEach(function (t) { document.addEventListener(t, function (e) { window.events.push(e.detail); }); });`;
  const srv = http.createServer((req, res) => {
    if (req.url === '/record.js') { res.setHeader('content-type', 'text/javascript'); res.end(record); return; }
    res.setHeader('content-type', 'text/html'); res.end(html);
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', () => r(undefined)));
  return { url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (srv.address()).port}/`, close: () => new Promise((r) => srv.close(r)) };
}

test('race embed: minimal chrome, chosen panels, hidden controls are gone and inactive', async () => {
  const q = 'embed=race&panels=runners,chart&hide=lr,start,landscape,copy-link&autoplay=false&landscape=ravine&opt=sgd&opt=adam&lr=0.01';
  await withPage(site.browser, `${site.url}index.html?${q}`, { viewport: { width: 900, height: 800 } }, async (page) => {
    await ready(page);
    assert.equal(await visible(page, '.labs-link'), false);
    assert.equal(await visible(page, '#landscape'), true);
    for (const id of ['#settings', '#presets', '#quizzes', '#teacher', '#inside', '#export']) assert.equal(await visible(page, id), false, id);
    for (const id of ['#runners-section', '#chart-section', '#play', '#step']) assert.equal(await visible(page, id), true, id);
    assert.equal(await visible(page, '#copy-link'), false);
    assert.equal(await step(page), 0, 'autoplay=false');
    const before = await page.evaluate(() => window.optlab.store.getState().start);
    const box = await page.locator('#landscape').boundingBox();
    assert.ok(box, 'the map is laid out');
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.2);
    await page.focus('#landscape');
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await page.evaluate(() => window.optlab.store.getState().start), before, 'start is locked');
    await page.click('#step');
    assert.equal(await step(page), 1);
    await page.screenshot({ path: screenshotPath('embed-race'), fullPage: true });
  });
});

test('quiz embed: one quick check alone', async () => {
  await withPage(site.browser, `${site.url}index.html?embed=quiz&quiz=2-sgd-ravines`, {}, async (page) => {
    await page.waitForSelector('form[data-question-id="oscillation-cause"]');
    assert.equal(await visible(page, '#landscape'), false);
    assert.equal(await visible(page, '.labs-link'), false);
    assert.equal(await page.locator('section.quiz').count(), 1);
    await page.screenshot({ path: screenshotPath('embed-quiz'), fullPage: true });
  });
});

test('section embed: one chapter section with its equations and quick check, no race, no other panel', async () => {
  await withPage(site.browser, `${site.url}index.html?embed=section&section=momentum`, {}, async (page) => {
    await page.locator('h2', { hasText: 'Momentum and Nesterov' }).waitFor();
    assert.ok(await page.locator('section:has(h2:has-text("Momentum and Nesterov")) .katex').count() > 0, 'no typeset equations');
    assert.equal(await visible(page, '#landscape'), false);
    for (const id of ['#settings', '#runners-section', '#chart-section', '#basins-section', '#inside', '#teacher']) {
      assert.equal(await visible(page, id), false, `${id} shows in a section embed`);
    }
    assert.ok(await page.locator('section.quiz').count() >= 1, 'the section has no quick check');
    await page.screenshot({ path: screenshotPath('embed-section'), fullPage: true });
  });
});

test('a host page on another origin: the iframe resizes, and quiz and race events arrive', async () => {
  const host = await startHost(site.url, 'embed=quiz&quiz=2-sgd-ravines');
  try {
    await withPage(site.browser, host.url, {}, async (page) => {
      const frame = page.frameLocator('#lab');
      await frame.locator('form[data-question-id="oscillation-cause"]').waitFor();
      await page.waitForFunction(() => window.events.some((e) => e.type === 'optimizer-lab:resize'));
      await page.waitForFunction(() => Math.abs(/** @type {HTMLElement} */ (document.getElementById('lab')).getBoundingClientRect().height
        - (/** @type {EmbedEventDetail} */ ([...window.events].reverse().find((e) => e.type === 'optimizer-lab:resize'))).height) < 2);
      const h = await page.evaluate(() => /** @type {HTMLElement} */ (document.getElementById('lab')).getBoundingClientRect().height);
      assert.ok(h > 300, `iframe height ${h}`);
      // Inside the frame the content is not cut: no scrolling needed.
      await frame.locator('form[data-question-id="oscillation-cause"] label:has-text("narrow valley")').click();
      await frame.locator('form[data-question-id="oscillation-cause"] .quiz-check').click();
      await page.waitForFunction(() => window.events.some((e) => e.type === 'optimizer-lab:score'));
      const { answer, score } = await page.evaluate(() => ({
        answer: window.events.find((e) => e.type === 'optimizer-lab:quiz-answer'),
        score: window.events.find((e) => e.type === 'optimizer-lab:score') }));
      assert.ok(answer && score, 'the host got the answer and the score');
      assert.equal(answer.questionId, 'oscillation-cause');
      assert.equal(answer.correct, true);
      assert.equal(answer.version, 1);
      assert.equal(score.right, 1);
      assert.ok(score.total >= 2 && score.scaled === score.right / score.total, JSON.stringify(score));
      // get-state from the host, the documented way; a malformed message is ignored.
      await page.evaluate(() => {
        const w = /** @type {Window} */ (/** @type {HTMLIFrameElement} */ (document.getElementById('lab')).contentWindow);
        w.postMessage({ type: 'optimizer-lab:set-state', query: 'embed=<img src=x onerror=alert(1)>', extra: 1 }, '*');
        w.postMessage('optimizer-lab:get-state', '*');
        w.postMessage({ type: 'optimizer-lab:get-state' }, '*');
      });
      await page.waitForFunction(() => window.events.some((e) => e.type === 'optimizer-lab:state'));
      const state = await page.evaluate(() => window.events.find((e) => e.type === 'optimizer-lab:state'));
      assert.ok(state, 'the host got the state');
      assert.match(state.query, /embed=quiz&quiz=2-sgd-ravines/);
      await page.screenshot({ path: screenshotPath('embed-host-quiz'), fullPage: true });
    });
  } finally {
    await host.close();
  }
});

test('a host page gets the race result when an embedded race ends', async () => {
  const host = await startHost(site.url, 'embed=race&panels=runners&landscape=booth&opt=adam&opt=sgd&lr=0.05&speed=1000');
  try {
    await withPage(site.browser, host.url, {}, async (page) => {
      await page.waitForFunction(() => window.events.some((e) => e.type === 'optimizer-lab:race-result'), null, { timeout: 20000 });
      const r = await page.evaluate(() => window.events.find((e) => e.type === 'optimizer-lab:race-result'));
      assert.ok(r, 'the host got the race result');
      assert.equal(r.landscape, 'booth');
      assert.deepEqual(r.runners.map((x) => x.optimizer), ['adam', 'sgd']);
      assert.ok(r.runners.every((x) => typeof x.status === 'string' && Number.isFinite(x.steps)), JSON.stringify(r));
      await page.screenshot({ path: screenshotPath('embed-host-race'), fullPage: true });
    });
  } finally {
    await host.close();
  }
});

test('hostile links (a sample of the 1,000): no injection, a notice at most, and a working race', async () => {
  const sample = hostileQueries().filter((_, i) => i % 50 === 0); // 20 links
  const { page, errors, context } = await openPage(site.browser, `${site.url}index.html`, { reducedMotion: 'reduce' });
  try {
    for (const q of sample) {
      await page.goto(`${site.url}index.html${q.startsWith('?') ? q : `?${q}`}`);
      await ready(page);
      const bad = await page.evaluate(() => ({
        pwned: Boolean(window.__pwned),
        injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), [onerror]').length,
      }));
      assert.deepEqual(bad, { pwned: false, injected: 0 }, q);
      const s0 = await step(page);
      if (await visible(page, '#step')) {
        await page.click('#step');
        assert.equal(await step(page), s0 + 1, q);
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the shipped CSP is in every page and the page runs under it with a clean console', async () => {
  for (const name of ['index.html', 'labs.html']) {
    const html = readFileSync(join(siteDir, name), 'utf8');
    const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(m, name);
    assert.doesNotMatch(m[1], /'unsafe-eval'|'unsafe-inline'/);
    assert.match(m[1], /script-src 'self' 'wasm-unsafe-eval'/);
  }
  const { page, errors, context } = await openPage(site.browser, 'about:blank');
  try {
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${site.url}index.html`);
    await ready(page);
    await openTool(page, 'rule');
    await openTool(page, 'chart');
    await page.waitForFunction(() => document.querySelector('#rule .katex') && document.querySelector('#chart-section .uplot'));
    await readWholeChapter(page);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 20);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
