// The quick checks in Chromium (web/quiz.html mounts only the quizzes): every question
// type answered with the mouse and with the keyboard alone, feedback and score, progress
// across reloads, the predict-then-run verdict against the core's own race, and a malformed
// quiz file that shows its message while the others work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer, launchBrowser, openPage, screenshotPath, screenshotDir, textOf } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { runQuizRace, raceVerdict } from '../../web/js/quiz/race-spec.js';

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

const q = (id) => `form[data-question-id="${id}"]`;
async function open(options = {}) {
  const r = await openPage(browser, `${server.url}quiz.html`, options);
  await r.page.waitForSelector('.quiz-score[data-answered]');
  return r;
}
const scoreOf = (page) => page.$eval('.quiz-score', (e) => ({ right: Number(e.dataset.right), answered: Number(e.dataset.answered) }));

test('mouse: single and multiple choice, feedback, score, retry, progress kept across reloads, reset', async () => {
  const { page, errors, context } = await open();
  try {
    const count = await page.locator('form.quiz-question').count();
    assert.ok(count >= 12, `${count} questions`);
    assert.equal(await page.locator('.quiz-broken').count(), 0);
    assert.deepEqual(await scoreOf(page), { right: 0, answered: 0 });

    // wrong, then retry and right
    await page.click(`${q('oscillation-cause')} label:has-text("mini-batch")`);
    await page.click(`${q('oscillation-cause')} .quiz-check`);
    await page.waitForSelector(`${q('oscillation-cause')} .quiz-verdict.is-wrong`);
    const wrongText = await textOf(page, `${q('oscillation-cause')} .quiz-feedback`);
    assert.match(wrongText, /Not quite.*jitter/s);
    // a wrong answer gets feedback on the pick, but neither the explanation nor the right choice
    assert.equal(await page.locator(`${q('oscillation-cause')} .quiz-explanation`).count(), 0);
    assert.doesNotMatch(wrongText, /condition number|narrow valley/);
    assert.deepEqual(await scoreOf(page), { right: 0, answered: 1 });
    await page.click(`${q('oscillation-cause')} .quiz-retry`);
    await page.click(`${q('oscillation-cause')} label:has-text("narrow valley")`);
    await page.click(`${q('oscillation-cause')} .quiz-check`);
    await page.waitForSelector(`${q('oscillation-cause')} .quiz-verdict.is-right`);
    assert.match(await textOf(page, `${q('oscillation-cause')} .quiz-feedback`), /Correct, after 2 tries.*condition number/s);
    // right on the second try: reported, not scored; and final (no more tries)
    assert.deepEqual(await scoreOf(page), { right: 0, answered: 1 });
    assert.match(await textOf(page, `${q('oscillation-cause')} .quiz-status`), /right after 2 tries/);
    assert.equal(await page.isVisible(`${q('oscillation-cause')} .quiz-retry`), false);

    // show me: SGD on the ravine, from the core
    await page.click(`${q('oscillation-cause')} .quiz-showme`);
    await page.waitForSelector(`${q('oscillation-cause')} .quiz-race[data-state="done"]`);
    assert.match(await textOf(page, `${q('oscillation-cause')} .quiz-race-outcome`), /SGD reached the minimum at step \d+/);

    // multiple choice: a partial answer is wrong and says that right choices were missed, not which
    await page.click(`${q('plain-gd-troubles')} label:has-text("zig-zags")`);
    await page.click(`${q('plain-gd-troubles')} .quiz-check`);
    const fb = await textOf(page, `${q('plain-gd-troubles')} .quiz-feedback`);
    assert.match(fb, /Not quite/);
    assert.match(fb, /You missed 2 right choices/);
    assert.doesNotMatch(fb, /Also right|saddle|rare/);
    await page.screenshot({ path: screenshotPath('quiz-desktop-answered'), fullPage: false });
    assert.deepEqual(await scoreOf(page), { right: 0, answered: 2 });
    // giving up: the answer, every choice's feedback and the explanation; final, not right
    await page.click(`${q('plain-gd-troubles')} .quiz-reveal`);
    const shown = await textOf(page, `${q('plain-gd-troubles')} .quiz-feedback`);
    assert.match(shown, /Right: It can stall on flat stretches/);
    assert.match(shown, /Why: /);
    assert.equal(await page.getAttribute(q('plain-gd-troubles'), 'data-state'), 'revealed');
    assert.equal(await page.isVisible(`${q('plain-gd-troubles')} .quiz-retry`), false);
    assert.deepEqual(await scoreOf(page), { right: 0, answered: 2 });

    // memory question: right answer decided by the core, table read from it
    await page.click(`${q('memory-limit')} label:has-text("Lion")`);
    await page.click(`${q('memory-limit')} label:has-text("SGD with momentum")`);
    await page.click(`${q('memory-limit')} .quiz-check`);
    await page.waitForSelector(`${q('memory-limit')} .quiz-verdict.is-right`);
    assert.match(await textOf(page, `${q('memory-limit')} .quiz-feedback`), /Correct, on the first try/);
    assert.match(await textOf(page, `${q('memory-limit')} .quiz-memory`), /Adam2.*Lion1/s);
    assert.deepEqual(await scoreOf(page), { right: 1, answered: 3 });

    await page.reload();
    await page.waitForSelector('.quiz-score[data-answered]');
    assert.deepEqual(await scoreOf(page), { right: 1, answered: 3 });
    assert.equal(await page.getAttribute(q('oscillation-cause'), 'data-state'), 'right-later');
    assert.equal(await page.getAttribute(q('memory-limit'), 'data-state'), 'right');
    await page.click('.quiz-reset');
    assert.deepEqual(await scoreOf(page), { right: 0, answered: 0 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: numeric (computed answer, too low, then right) and choices', async () => {
  const { page, errors, context } = await open();
  const events = [];
  try {
    await page.exposeFunction('recordAnswer', (d) => events.push(d));
    await page.evaluate(() => /** @type {HTMLElement} */ (document.getElementById('quizzes')).addEventListener('quiz-answer', (e) => window.recordAnswer(/** @type {CustomEvent} */ (e).detail)));
    const input = page.locator(`${q('weight-ten-steps-ago')} input`);
    await input.focus();
    await page.keyboard.type('0.1');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${q('weight-ten-steps-ago')} .quiz-verdict.is-wrong`);
    assert.match(await textOf(page, `${q('weight-ten-steps-ago')} .quiz-feedback`), /too low/);
    // Tab to "Try again", press it: focus returns to the input
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => /** @type {Element} */ (document.activeElement).className), 'quiz-retry');
    assert.equal(await page.locator(`${q('weight-ten-steps-ago')} .quiz-explanation`).count(), 0, 'no explanation before the final answer');
    await page.keyboard.press('Enter');
    // a formula: the core's expression parser works it out
    await page.keyboard.type('0.9^10');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${q('weight-ten-steps-ago')} .quiz-verdict.is-right`);
    const fb = await textOf(page, `${q('weight-ten-steps-ago')} .quiz-feedback`);
    assert.match(fb, /0\.9\^10 = 0\.3487/);
    assert.match(fb, /0\.3487/); // the value the core measured, in the explanation
    assert.equal(await page.locator(`${q('weight-ten-steps-ago')} svg.quiz-weights rect`).count(), 31);
    await page.locator(`${q('weight-ten-steps-ago')} .quiz-figure`).screenshot({ path: screenshotPath('quiz-momentum-weights') });

    // single choice by keyboard: arrow keys move the radio, Tab reaches the button, Space presses it
    await page.locator(`${q('momentum-099')} input`).first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.waitForSelector(`${q('momentum-099')} .quiz-verdict.is-right`);
    // multiple choice by keyboard: Space toggles checkboxes (RMSprop and clipping, the 1st and 3rd of 5)
    await page.locator(`${q('pick-rnn')} input`).first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${q('pick-rnn')} .quiz-verdict.is-right`);
    // the hint opens from the keyboard
    await page.locator(`${q('epsilon-too-large')} .quiz-hint-toggle`).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute(`${q('epsilon-too-large')} .quiz-hint-toggle`, 'aria-expanded'), 'true');
    assert.equal(await page.isVisible(`${q('epsilon-too-large')} .quiz-hint`), true);

    assert.deepEqual(events.map((e) => [e.questionId, e.correct]),
      [['weight-ten-steps-ago', false], ['weight-ten-steps-ago', true], ['momentum-099', true], ['pick-rnn', true]]);
    // only first tries score: the numeric question was right on its second try
    assert.deepEqual(events.map((e) => e.firstTry), [true, false, true, true]);
    assert.equal(events[1].score.right, 0);
    assert.equal(events[3].score.right, 2);
    assert.equal(await page.getAttribute(`${q('weight-ten-steps-ago')} .quiz-feedback`, 'aria-live'), 'polite');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('predict-then-run: the verdict is the race the core runs at the stated lr, and follows another lr', async () => {
  const spec = JSON.parse(readFileSync(new URL('../../web/quizzes/5-adam.json', import.meta.url), 'utf8'))
    .questions.find((x) => x.id === 'rosenbrock-race').race;
  const expected = raceVerdict(spec, runQuizRace(core, spec), spec.learningRate.value);
  const at01 = raceVerdict(spec, runQuizRace(core, spec, 0.01), 0.01);
  assert.notEqual(expected.winner, at01.winner, 'the lr changes the winner');
  const { page, errors, context } = await open();
  try {
    const form = q('rosenbrock-race');
    await page.click(`${form} label:has-text("Adam")`);
    await page.click(`${form} .quiz-check`);
    await page.waitForSelector(`${form}[data-winner]`, { timeout: 20000 });
    assert.equal(await page.getAttribute(form, 'data-winner'), expected.winner);
    const fb = await textOf(page, `${form} .quiz-feedback`);
    assert.ok(fb.includes(expected.summary), fb);
    assert.match(fb, expected.winner === 'adam' ? /matches the race/ : /disagrees with your prediction/);
    await page.locator(form).screenshot({ path: screenshotPath('quiz-predict-verdict') });
    await page.selectOption(`${form} .quiz-lr select`, '0.01');
    await page.click(`${form} .quiz-lr-run`);
    await page.waitForFunction((f) => /** @type {HTMLElement | null} */ (document.querySelector(`${f} .quiz-lr-result`))?.dataset.winner, form);
    assert.equal(await page.getAttribute(`${form} .quiz-lr-result`, 'data-winner'), at01.winner);
    assert.ok((await textOf(page, `${form} .quiz-lr-result`)).includes(at01.summary));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a malformed quiz file shows a clear message in its place; the others work', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.route('**/quizzes/3-momentum.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify({ id: 'momentum', section: 3, title: 'Momentum', questions: [{ id: 'x', type: 'single', prompt: 'P?' }] }) }));
    await page.goto(`${server.url}quiz.html`);
    await page.waitForSelector('.quiz-score[data-answered]');
    const broken = page.locator('.quiz-broken');
    assert.equal(await broken.count(), 1);
    const text = await broken.textContent();
    assert.match(text, /could not be loaded \(3-momentum\.json\)/);
    assert.match(text, /must have required property 'hint'/);
    assert.equal(await broken.getAttribute('role'), 'alert');
    await broken.screenshot({ path: screenshotPath('quiz-malformed') });
    await page.click(`${q('pick-transformer')} label:has-text("AdamW")`);
    await page.click(`${q('pick-transformer')} .quiz-check`);
    await page.waitForSelector(`${q('pick-transformer')} .quiz-verdict.is-right`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('phone layout (390x844): no horizontal scrolling; screenshots', async () => {
  const { page, errors, context } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await page.click(`${q('oscillation-cause')} label:has-text("narrow valley")`);
    await page.click(`${q('oscillation-cause')} .quiz-check`);
    await page.click(`${q('oscillation-cause')} .quiz-showme`);
    await page.waitForSelector(`${q('oscillation-cause')} .quiz-race[data-state="done"]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.locator(q('oscillation-cause')).screenshot({ path: screenshotPath('quiz-phone-showme') });
    await page.screenshot({ path: screenshotPath('quiz-phone-top') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
