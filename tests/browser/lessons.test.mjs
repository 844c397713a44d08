// The lessons page in Chromium (web/lessons.html mounts only the lessons): every section of
// the chapter in order with typeset equations and inline math, a "try it" button that opens
// the race page with the section's race in the link, a quick check answered in place,
// keyboard use, a malformed section that shows its message while the others work, and
// screenshots at desktop and phone sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, withPage, screenshotPath, screenshotDir, textOf } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { parseRaceQuery } from '../../web/js/state/url.js';
import { raceFromPatch } from '../../web/js/lessons/lessons-check.js';

const lessons = JSON.parse(readFileSync(new URL('../../web/lessons/lessons.json', import.meta.url), 'utf8'));
let server;
let browser;
let core;
before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  ({ core } = await loadNodeCore());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ready = (page) => page.waitForSelector('.lesson-quiz .quiz form.quiz-question');
const allQuizzes = (page) => page.waitForFunction((n) => document.querySelectorAll('.lesson-quiz .quiz').length === n, lessons.sections.length);

test('every section in the chapter order, with typeset equations, inline math, a try-it button and its quick check', async () => {
  await withPage(browser, `${server.url}lessons.html`, {}, async (page) => {
    await ready(page);
    await allQuizzes(page);
    const titles = await page.$$eval('section.lesson > h2', (hs) => hs.map((x) => x.textContent));
    assert.deepEqual(titles, lessons.sections.map((s, i) => `${i + 1}. ${s.title}`));
    assert.equal(await page.locator('.lesson-broken, .lesson-try-broken, .quiz-broken').count(), 0);
    for (const s of lessons.sections) {
      const sec = page.locator(`section.lesson[data-lesson-id="${s.id}"]`);
      assert.equal(await sec.locator('.lesson-equation .katex-display').count(), s.equations.length, `${s.id}: display equations`);
      assert.equal(await sec.locator('.lesson-equation .katex-error').count(), 0, `${s.id}: no KaTeX errors`);
      const inline = s.paragraphs.concat(s.torch ?? []).join(' ').split('$').length >> 1;
      assert.equal(await sec.locator('p .lesson-math .katex').count(), inline, `${s.id}: inline formulas`);
      assert.equal(await sec.locator('.lesson-try-button').textContent(), `▶ Try it: ${s.tryIt.label}`);
      assert.equal(await sec.locator(`.lesson-quiz[data-quiz-file="${s.quiz}"] .quiz`).count(), 1, `${s.id}: quick check`);
      assert.equal(await sec.locator('.lesson-quiz .quiz > h3').textContent(), `Quick check: ${s.title}`);
    }
    // headings in order: h1, then h2 per section, h3 inside
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((x) => Number(x.tagName[1])));
    assert.equal(levels[0], 1);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `heading level jumps at ${i}: ${levels.slice(0, i + 1)}`);
    // the table of contents links to every section
    const hrefs = await page.$$eval('.lessons-toc a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, lessons.sections.map((s) => `#lesson-${s.id}`));
    await page.screenshot({ path: screenshotPath('lessons-desktop'), fullPage: false });
    await page.locator('section.lesson[data-lesson-id="adam"]').scrollIntoViewIfNeeded();
    await page.locator('section.lesson[data-lesson-id="adam"]').screenshot({ path: screenshotPath('lessons-desktop-adam') });
  });
});

test('a quick check answered in place, then kept across a reload (shared progress)', async () => {
  await withPage(browser, `${server.url}lessons.html`, {}, async (page) => {
    await ready(page);
    await allQuizzes(page);
    const form = page.locator('section[data-lesson-id="adagrad-rmsprop"] form[data-question-id="rmsprop-fixes"]');
    await form.locator('.quiz-check').click();
    await form.locator('.quiz-verdict.is-wrong').waitFor(); // nothing picked yet
    const labels = await form.locator('.quiz-choice label').allTextContents();
    const right = labels.findIndex((t) => /only grow|never shrink|keeps growing|dies|shrink/i.test(t));
    assert.ok(right >= 0, `a choice about the growing sum: ${labels.join(' | ')}`);
    await form.locator('.quiz-choice label').nth(right).click();
    await form.locator('.quiz-check').click();
    await form.locator('.quiz-verdict.is-right').waitFor();
    assert.equal(await form.getAttribute('data-state'), 'right');
    await page.reload();
    await ready(page);
    await page.locator('section[data-lesson-id="adagrad-rmsprop"] form[data-question-id="rmsprop-fixes"][data-state="right"]').waitFor();
  });
});

test('the keyboard alone reaches a try-it button and opens the race page with that section\'s race', async () => {
  await withPage(browser, `${server.url}lessons.html`, {}, async (page) => {
    await ready(page);
    const button = page.locator('section[data-lesson-id="momentum"] .lesson-try-button');
    // Tab until the momentum section's button has focus
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await button.evaluate((b) => b === document.activeElement)) break;
    }
    assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus reached the button');
    const watch = await page.locator('#' + await button.getAttribute('aria-describedby')).textContent();
    assert.ok(watch !== null, 'the button is described');
    assert.match(watch, /What to watch for/);
    await Promise.all([page.waitForURL(/index\.html\?/), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    const { state, notices } = parseRaceQuery(url.search, core);
    assert.deepEqual(notices, []);
    assert.deepEqual(state, raceFromPatch(lessons.sections.find((s) => s.id === 'momentum').tryIt.patch, core));
    await page.waitForSelector('#landscape');
  });
});

test('a malformed section shows its message in place; a malformed quiz and a refused race too; the rest works', async () => {
  const bad = structuredClone(lessons);
  bad.sections[2].equations = [];
  bad.sections[4].quiz = 'broken-quiz.json';
  bad.sections[5].tryIt.patch.lr = 7;
  await withPage(browser, `${server.url}lessons.html`, {}, async (page) => {
    await page.route('**/lessons/lessons.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bad) }));
    await page.route('**/quizzes/broken-quiz.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"id": 3}' }));
    await page.reload();
    await page.waitForSelector('section.lesson-broken');
    await page.waitForSelector('.quiz-broken');
    assert.match(await textOf(page, 'section.lesson-broken'), /Section 3 could not be shown.*equations must be a non-empty array/s);
    assert.match(await textOf(page, 'section[data-lesson-id="adam"] .quiz-broken'), /broken-quiz\.json/);
    assert.match(await textOf(page, 'section[data-lesson-id="adamw-nadam-lion"] .lesson-try-broken'), /learning rate/);
    assert.equal(await page.locator('section.lesson:not(.lesson-broken)').count(), lessons.sections.length - 1);
    assert.equal(await page.locator('.lesson-try-button').count(), lessons.sections.length - 2);
    assert.equal(await page.locator('.lesson-quiz .quiz:not(.quiz-broken)').count(), lessons.sections.length - 2);
  });
});

test('axe finds no WCAG 2 A/AA violations (contrast, names, structure)', async () => {
  await withPage(browser, `${server.url}lessons.html`, { bypassCSP: true }, async (page) => {
    await ready(page);
    await allQuizzes(page);
    await page.addScriptTag({ path: fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)) });
    // Sections out of view are not laid out (content-visibility: auto, lessons.css), and axe reads
    // colours and overlaps from the layout: every section is laid out for the check, so every one is checked.
    await page.addStyleTag({ content: '.lesson { content-visibility: visible !important; }' });
    const violations = await page.evaluate(async () => {
      const r = await /** @type {any} */ (window).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(violations, []);
  });
});

test('phone (390x844): no sideways scrolling except inside wide equations; screenshots', async () => {
  await withPage(browser, `${server.url}lessons.html`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
    await ready(page);
    await allQuizzes(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: screenshotPath('lessons-phone'), fullPage: false });
    await page.locator('section.lesson[data-lesson-id="adam"] .lesson-equations').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('lessons-phone-adam'), fullPage: false });
    await page.locator('section.lesson[data-lesson-id="momentum"] .lesson-try').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('lessons-phone-try'), fullPage: false });
  });
});
