// Accessibility: axe-core reports zero violations on the main page, the embed views,
// the teacher panel, the labs page and every quiz state (unanswered, right, wrong, and a
// predict-then-run verdict); a keyboard-only run through a whole race and a quiz.
// axe is injected with addScriptTag, so these contexts bypass the page's CSP (TOOLCHAIN.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, screenshotPath, useSiteAndBrowser } from './harness.mjs';
import { openTool, readWholeChapter } from './page-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const site = useSiteAndBrowser();

const ready = (page) => page.waitForFunction(() => document.querySelectorAll('#runners .runner').length > 0 && document.getElementById('step-count')?.dataset.step !== undefined);
const q = (id) => `form[data-question-id="${id}"]`;

/** Runs axe (WCAG 2.x A/AA and best practices) and returns the violations, one line each. */
async function axeViolations(page, context = undefined) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.help}`);
  }, context);
  return result;
}

/** Opens a page with bypassCSP (for the axe injection) and reduced motion (stable frames). */
async function open(path, options = {}) {
  return openPage(site.browser, `${site.url}${path}`, { bypassCSP: true, reducedMotion: 'reduce', ...options });
}

test('axe: the main page (race, panels, quizzes, teacher panel with its preview) has no violations', async () => {
  const { page, context, errors } = await open('index.html');
  try {
    await ready(page);
    await readWholeChapter(page);
    // Every tool open at once: the axe audit covers all of them.
    for (const tool of await page.$$eval('.toolbar .tool-button', (b) => b.map((e) => e.id.replace(/^tool-/, '')))) await openTool(page, tool);
    await page.waitForFunction(() => document.querySelector('#rule .katex') && document.querySelector('#chart-section .uplot'));
    await page.click('#step');
    assert.deepEqual(await axeViolations(page), []);
    await page.click('#teacher-preview-button');
    await page.waitForFunction(() => /** @type {HTMLIFrameElement | null} */ (document.getElementById('teacher-preview'))?.contentDocument?.querySelector('#runners .runner'));
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('#teacher').screenshot({ path: screenshotPath('teacher-panel') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe: the embed views (race with hidden controls, one quiz) and the labs page', async () => {
  for (const path of ['index.html?embed=race&panels=runners,chart&hide=lr,start', 'index.html?embed=quiz&quiz=5-adam', 'labs.html']) {
    const { page, context, errors } = await open(path);
    try {
      if (path.includes('race')) await ready(page);
      else if (path.includes('quiz')) await page.waitForSelector('section.quiz');
      else await page.waitForFunction(() => !/Loading/.test(document.getElementById('labs-status')?.textContent ?? ''), null, { timeout: 20000 });
      await page.waitForTimeout(300);
      assert.deepEqual(await axeViolations(page), [], path);
      assert.deepEqual(errors, [], path);
    } finally {
      await context.close();
    }
  }
});

test('axe: every quiz state (unanswered, wrong, right, predict-then-run verdict)', async () => {
  const { page, context, errors } = await open('index.html?embed=quiz&quiz=5-adam', { storageState: undefined });
  try {
    await page.waitForSelector('section.quiz');
    assert.deepEqual(await axeViolations(page), [], 'unanswered');
    await page.fill(`${q('no-bias-correction-first-step')} input`, '12345');
    await page.click(`${q('no-bias-correction-first-step')} .quiz-check`);
    await page.waitForSelector(`${q('no-bias-correction-first-step')} .quiz-verdict.is-wrong`);
    assert.deepEqual(await axeViolations(page), [], 'wrong');
    const form = q('rosenbrock-race');
    await page.click(`${form} label:has-text("Adam")`);
    await page.click(`${form} .quiz-check`);
    await page.waitForSelector(`${form}[data-winner]`, { timeout: 20000 });
    assert.deepEqual(await axeViolations(page), [], 'predict-then-run verdict');
  } finally {
    await context.close();
  }
  const second = await open('index.html?embed=quiz&quiz=2-sgd-ravines');
  try {
    await second.page.waitForSelector(q('oscillation-cause'));
    await second.page.click(`${q('oscillation-cause')} label:has-text("narrow valley")`);
    await second.page.click(`${q('oscillation-cause')} .quiz-check`);
    await second.page.waitForSelector(`${q('oscillation-cause')} .quiz-verdict.is-right`);
    assert.deepEqual(await axeViolations(second.page), [], 'right');
    assert.deepEqual(errors.concat(second.errors), []);
  } finally {
    await second.context.close();
  }
});

/** Presses Tab until `selector` has focus (at most `max` times); fails if it never does. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only: a whole race (optimizer, learning rate, play, pause, step, reset) and a quiz', async () => {
  const { page, context, errors } = await open('index.html');
  try {
    await ready(page);
    const state = () => page.evaluate(() => window.optlab.store.getState());
    const steps = () => page.evaluate(() => Number(/** @type {HTMLElement} */ (document.getElementById('step-count')).dataset.step));
    // Skip link first: it leads to the controls.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    // Open the optimizers tool from the tool bar, then select an optimizer: Space toggles the RMSprop box.
    await tabTo(page, '#tool-runners');
    await page.keyboard.press('Enter');
    await tabTo(page, '#pick-rmsprop');
    await page.keyboard.press('Space');
    assert.ok((await state()).runners.some((r) => r.optimizer === 'rmsprop'));
    // Learning rate: the slider moves with the arrow keys.
    const lr0 = (await state()).lr;
    await page.focus('#landscape-select'); // a known place before the slider, reached by Tab below
    await tabTo(page, '#lr');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    assert.ok((await state()).lr > lr0, 'lr went up');
    // Play, pause, step, reset with Enter and Space.
    await page.focus('#race-title').catch(() => {});
    await page.evaluate(() => /** @type {HTMLElement} */ (document.getElementById('landscape')).focus());
    await tabTo(page, '#play');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(/** @type {HTMLElement} */ (document.getElementById('step-count')).dataset.step) > 10);
    await page.keyboard.press('Enter');
    const paused = await steps();
    await page.waitForTimeout(200);
    assert.equal(await steps(), paused);
    await tabTo(page, '#step');
    await page.keyboard.press('Space');
    assert.equal(await steps(), paused + 1);
    await tabTo(page, '#reset');
    await page.keyboard.press('Enter');
    assert.equal(await steps(), 0);
    // A quiz question: arrow keys choose the radio, Tab reaches "Check answer", Enter checks it.
    await page.evaluate(() => document.querySelector('section.lesson[data-lesson-id="sgd-ravines"]')?.scrollIntoView());
    await page.waitForSelector(q('oscillation-cause'));
    await page.evaluate((f) => document.querySelector(`${f}`)?.previousElementSibling?.setAttribute('tabindex', '-1'), q('oscillation-cause'));
    await tabTo(page, `${q('oscillation-cause')} input[type=radio]`, 400);
    const label = () => page.evaluate(() => /** @type {HTMLInputElement} */ (document.activeElement)?.labels?.[0]?.textContent ?? '');
    for (let i = 0; i < 4 && !/narrow valley/.test(await label()); i++) await page.keyboard.press('ArrowDown');
    assert.match(await label(), /narrow valley/);
    await page.keyboard.press('Space'); // Tab focuses a radio group without choosing: Space chooses
    await tabTo(page, `${q('oscillation-cause')} .quiz-check`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${q('oscillation-cause')} .quiz-verdict.is-right`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
