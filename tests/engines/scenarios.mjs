// The scenarios every engine runs (Chromium, Firefox, WebKit): few, short, and written
// against the page's stable hooks (ids, data attributes, roles, window.optlab), not its
// layout or wording, so a redesign changes little here. They wait for states, never for a
// time or a frame rate: WebKit draws in software and may show only a few frames a second. After each scenario the runner also
// checks that the page raised no error and logged none (engine.mjs). What only Chromium can
// do (CDP throttling, request interception, emulated media, soak) and the axe audits of
// every view stay in tests/browser/; here axe audits two small views in every engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeCore } from '../js/load-core.mjs';
import { runQuizRace, raceVerdict } from '../../web/js/quiz/race-spec.js';

const web = new URL('../../web/', import.meta.url);
const quiz = (/** @type {string} */ file) => JSON.parse(readFileSync(new URL(`quizzes/${file}`, web), 'utf8'));
const lessons = JSON.parse(readFileSync(new URL('lessons/lessons.json', web), 'utf8'));

/** @typedef {import('./engine.mjs').Tools} Tools */
/**
 * @typedef {{ name: string, run: (t: Tools) => Promise<void>, viewport?: { width: number, height: number },
 *   expectedErrors?: RegExp[] }} Scenario
 */

/** Panels broken on purpose by the test server under /fault/<name>/ (site-server.mjs). */
// In the bundled site the module lives in a chunk of assets/: the server finds it by a text only
// that module carries (`marker`) and serves a chunk that throws instead.
export const FAULTS = { presets: { module: 'js/ui/presets.js', export: 'mountPresets', marker: 'Each button sets up one of the chapter' } };

// In-page helpers: plain functions, sent to the page as source (no closures).
const stepOf = () => Number(document.getElementById('step-count')?.dataset.step ?? -1);
/** The race is on screen and set up (the page marks itself ready after its first frame). */
const raceReady = () => document.documentElement.classList.contains('core-ready')
  && document.querySelectorAll('#runners .runner').length > 0 && document.getElementById('step-count')?.dataset.step !== undefined;
const stepAbove = (/** @type {number} */ n) => Number(document.getElementById('step-count')?.dataset.step ?? -1) > n;
const runnerIds = () => [...document.querySelectorAll('#runners .runner')].map((r) => /** @type {HTMLElement} */ (r).dataset.optimizer);
const shown = (/** @type {string} */ sel) => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; };
/** Fraction of the map's pixels that are drawn (not blank or white). */
const mapInk = () => {
  // The map is drawn in stacked layers (background, trails, markers): compose them as the eye does.
  const top = /** @type {HTMLCanvasElement} */ (document.getElementById('landscape'));
  const c = document.createElement('canvas');
  c.width = top.width;
  c.height = top.height;
  const g = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
  for (const layer of /** @type {HTMLElement} */ (top.parentElement).querySelectorAll('canvas')) g.drawImage(layer, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
  return n / (d.length / 4);
};
/**
 * Every typeset formula's MathML: elements whose child count MathML forbids (Firefox logs
 * "Invalid markup: Incorrect number of children" for them), and how many formulas there are.
 */
const mathmlReport = () => {
  const arity = { msub: 2, msup: 2, msubsup: 3, mfrac: 2, mroot: 2, munder: 2, mover: 2, munderover: 3 };
  const maths = [...document.querySelectorAll('.katex-mathml math')];
  const bad = [];
  for (const m of maths) {
    for (const [name, n] of Object.entries(arity)) {
      for (const e of m.getElementsByTagName(name)) {
        if (e.children.length !== n) bad.push(`${name} with ${e.children.length} children in ${m.querySelector('annotation')?.textContent}`);
      }
    }
  }
  return { formulas: maths.length, errors: document.querySelectorAll('.katex-error').length, bad };
};
/** Animation frames and race steps per second over `ms` (the page keeps playing meanwhile). */
const framesPerSecond = (/** @type {number} */ ms) => new Promise((resolve) => {
  const step = () => Number(document.getElementById('step-count')?.dataset.step ?? 0);
  let frames = 0;
  const t0 = performance.now();
  const s0 = step();
  const tick = () => {
    frames++;
    const dt = performance.now() - t0;
    if (dt < ms) requestAnimationFrame(tick);
    else resolve({ fps: (frames * 1000) / dt, stepsPerSecond: ((step() - s0) * 1000) / dt, ms: dt });
  };
  requestAnimationFrame(tick);
});
/** The quick checks' score element, as numbers. */
const score = () => {
  const e = /** @type {HTMLElement | null} */ (document.querySelector('.quiz-score[data-answered]'));
  return e ? { right: Number(e.dataset.right), answered: Number(e.dataset.answered) } : null;
};
/** The race part of the store's state (what a link carries). */
const raceState = () => {
  const s = /** @type {any} */ (window).optlab.store.getState();
  return JSON.stringify({ landscape: s.landscape, landscapeParams: s.landscapeParams, runners: s.runners, start: s.start, lr: s.lr, noise: s.noise, seed: s.seed, speed: s.speed });
};

/** axe-core's WCAG violations on the page, one line each (axe is served by the test server, same origin). */
const axeViolations = async () => {
  const w = /** @type {any} */ (window);
  if (!w.axe) {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/__axe.js';
      s.onload = resolve;
      s.onerror = () => reject(new Error('axe-core did not load'));
      document.head.append(s);
    });
  }
  const r = await w.axe.run(document, { resultTypes: ['violations'] });
  return r.violations.map((/** @type {any} */ v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((/** @type {any} */ n) => n.target.join(' ')).join(' | ')}`);
};

/** Picks a choice of a quick check and submits it. */
async function answer(/** @type {Tools} */ t, /** @type {string} */ questionId, /** @type {string} */ choiceId) {
  const form = `form[data-question-id="${questionId}"]`;
  await t.click(`${form} .quiz-choice[data-choice-id="${choiceId}"] input`);
  await t.click(`${form} .quiz-check`);
  return t.waitFor(`the verdict on ${questionId}`, (f) => {
    const s = document.querySelector(f)?.getAttribute('data-state');
    return s === 'right' || s === 'right-later' || s === 'wrong' ? s : null;
  }, form);
}

/**
 * Brings every chapter section near the screen in turn, so each fills in (text, formulas, its
 * quick check) as it does for a reader scrolling through; then back to the top.
 * @param {any} t
 */
async function readChapter(t) {
  const ids = await t.eval(() => [...document.querySelectorAll('section.lesson[data-lesson-id]')].map((s) => /** @type {HTMLElement} */ (s).dataset.lessonId));
  for (const id of ids) {
    // As a reader does: scroll to the section, and again if what filled in above pushed it away.
    await t.waitFor(`section ${id} filled in`, (/** @type {string} */ i) => {
      const s = document.querySelector(`section.lesson[data-lesson-id="${i}"]`);
      if (!s?.classList.contains('lesson-pending')) return true;
      s.scrollIntoView();
      return false;
    }, id);
  }
  await t.eval(() => { window.scrollTo(0, 0); });
}

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: 'main page: the chapter race plays, the map is drawn, every formula is typeset with valid MathML',
    async run(t) {
      await t.open('index.html');
      await t.waitFor('the race', raceReady);
      await t.waitFor('the race to run', stepAbove, 10);
      assert.equal(await t.eval(() => document.querySelectorAll('#runners .runner').length), 3);
      assert.ok(await t.eval(mapInk) > 0.5, 'the map is mostly blank');
      await t.click('#tool-rule');
      await t.click('#tool-chart');
      await t.waitFor('the update rule typeset', () => !!document.querySelector('#rule .katex'));
      await t.waitFor('the loss chart', () => !!document.querySelector('#chart-section canvas'));
      const r = await t.eval(framesPerSecond, 3000);
      console.log(`# ${t.engine}: the default race at ${r.fps.toFixed(1)} frames/s, ${r.stepsPerSecond.toFixed(0)} steps/s (over ${r.ms.toFixed(0)} ms; a figure, not a test)`);
      await t.screenshot('race');
      // Every formula of the page (update rule, landscape, sections, quick checks): Firefox rejects bad MathML.
      await t.waitFor('the sections', (n) => document.querySelectorAll('section.lesson').length >= n, lessons.sections.length);
      await readChapter(t);
      const m = await t.eval(mathmlReport);
      assert.ok(m.formulas > 50, `${m.formulas} formulas`);
      assert.equal(m.errors, 0, 'KaTeX errors');
      assert.deepEqual(m.bad, []);
    },
  },
  {
    name: 'main page: pause, single steps, reset; optimizers added and removed',
    async run(t) {
      await t.open('index.html?autoplay=false');
      await t.waitFor('the race', raceReady);
      assert.equal(await t.eval(stepOf), 0, 'autoplay=false starts paused');
      await t.click('#step');
      await t.click('#step');
      assert.equal(await t.eval(stepOf), 2);
      await t.click('#play');
      await t.waitFor('the race to run', stepAbove, 10);
      await t.click('#play');
      const paused = await t.eval(stepOf);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await t.eval(stepOf), paused, 'paused');
      await t.click('#reset');
      assert.equal(await t.eval(stepOf), 0);
      await t.click('#tool-runners'); // the optimizers' checkboxes live in the Optimizers tool
      await t.waitFor('the optimizers tool', () => !!document.getElementById('pick-nadam'));
      await t.click('#pick-nadam');
      await t.waitFor('NAdam in the race', () => [...document.querySelectorAll('#runners .runner')].some((r) => /** @type {HTMLElement} */ (r).dataset.optimizer === 'nadam'));
      await t.click('#pick-sgd');
      const ids = await t.eval(runnerIds);
      assert.ok(!ids.includes('sgd') && ids.includes('adam') && ids.includes('nadam'), ids.join());
      await t.click('#step');
      assert.equal(await t.eval(stepOf), 1);
    },
  },
  {
    name: 'race embed: the race alone, hidden controls gone, steps on demand, no axe violations',
    viewport: { width: 900, height: 800 },
    async run(t) {
      await t.open('index.html?embed=race&panels=runners,chart&hide=lr,landscape&autoplay=false&landscape=ravine&opt=sgd&opt=adam&lr=0.01');
      await t.waitFor('the race', raceReady);
      assert.deepEqual(await t.eval(runnerIds), ['sgd', 'adam']);
      for (const id of ['#settings', '#presets', '#quizzes', '#teacher']) assert.equal(await t.eval(shown, id), false, `${id} shows`);
      for (const id of ['#landscape', '#runners-section', '#chart-section', '#step']) assert.equal(await t.eval(shown, id), true, `${id} is hidden`);
      await t.click('#step');
      assert.equal(await t.eval(stepOf), 1);
      await t.screenshot('embed-race');
      await t.waitFor('the loss chart', () => !!document.querySelector('#chart-section .uplot'));
      assert.deepEqual(await t.eval(axeViolations), [], 'axe on the race embed');
    },
  },
  {
    name: 'quick checks: wrong then right, predict-then-run, the score, no axe violations',
    async run(t) {
      const q = quiz('2-sgd-ravines.json').questions.find((/** @type {any} */ x) => x.id === 'oscillation-cause');
      const right = q.choices.find((/** @type {any} */ c) => c.correct).id;
      const wrong = q.choices.find((/** @type {any} */ c) => !c.correct).id;
      await t.open('quiz.html');
      await t.waitFor('the quick checks', score);
      assert.deepEqual(await t.eval(score), { right: 0, answered: 0 });
      assert.equal(await answer(t, q.id, wrong), 'wrong');
      assert.equal(await t.eval(() => document.querySelectorAll('form[data-question-id="oscillation-cause"] .quiz-verdict.is-wrong').length), 1);
      await t.click(`form[data-question-id="${q.id}"] .quiz-retry`);
      // Only a first try scores: right after a wrong try is answered, not scored.
      assert.equal(await answer(t, q.id, right), 'right-later');
      const before = await t.eval(score);
      assert.ok(before.answered >= 1 && before.right === 0, `the score counts the answer, not as a first-try right: ${JSON.stringify(before)}`);
      // predict-then-run: the page runs the race in the core and judges the prediction by it
      const p = quiz('5-adam.json').questions.find((/** @type {any} */ x) => x.id === 'rosenbrock-race');
      const form = `form[data-question-id="${p.id}"]`;
      await t.click(`${form} .quiz-choice[data-choice-id="adam"] input`);
      await t.click(`${form} .quiz-check`);
      const winner = await t.waitFor('the race verdict', (f) => document.querySelector(f)?.getAttribute('data-winner'), form);
      const { core } = await loadNodeCore(); // the same race in node's WebAssembly: every engine must agree with it
      assert.equal(winner, raceVerdict(p.race, runQuizRace(core, p.race)).winner);
      const state = await t.eval((f) => document.querySelector(f)?.getAttribute('data-state'), form);
      assert.equal(state, winner === 'adam' ? 'right' : 'wrong');
      assert.ok((await t.text(`${form} .quiz-feedback`)).length > 20, 'feedback shown');
      const after = await t.eval(score);
      assert.ok(after.answered > before.answered, `the score counts the prediction: ${JSON.stringify([before, after])}`);
      await t.screenshot('quiz');
      assert.deepEqual(await t.eval(axeViolations), [], 'axe on the answered quick checks');
    },
  },
  {
    name: 'lessons page: every section, equations typeset, valid MathML, a quick check answered',
    async run(t) {
      await t.open('lessons.html');
      await t.waitFor('every section with its quick check', (n) => document.querySelectorAll('.lesson-quiz .quiz').length === n, lessons.sections.length);
      assert.equal(await t.eval(() => document.querySelectorAll('section.lesson').length), lessons.sections.length);
      const equations = lessons.sections.reduce((/** @type {number} */ n, /** @type {any} */ s) => n + s.equations.length, 0);
      assert.equal(await t.eval(() => document.querySelectorAll('.lesson-equation .katex-display').length), equations);
      const m = await t.eval(mathmlReport);
      assert.ok(m.formulas > equations, `${m.formulas} formulas`);
      assert.equal(m.errors, 0, 'KaTeX errors');
      assert.deepEqual(m.bad, []);
      const q = quiz('4-adagrad-rmsprop.json').questions.find((/** @type {any} */ x) => x.type === 'single');
      assert.equal(await answer(t, q.id, q.choices.find((/** @type {any} */ c) => c.correct).id), 'right');
      await t.screenshot('lessons');
    },
  },
  {
    name: 'labs: the learning-rate sweep runs in a worker and plots',
    async run(t) {
      await t.open('labs.html');
      await t.waitFor('the labs page', () => document.body.dataset.ready === 'true');
      const coreMs = await t.waitFor('the sweep result', () => /** @type {HTMLElement | null} */ (document.querySelector('#sweep-plot'))?.dataset.coreMs);
      assert.ok(Number(coreMs) > 0, `core ${coreMs} ms`);
      const ink = await t.eval(() => {
        const c = /** @type {HTMLCanvasElement} */ (document.querySelector('#sweep-plot canvas'));
        const d = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d')).getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++;
        return n;
      });
      assert.ok(ink > 2000, `the sweep plot has ${ink} inked pixels`);
      assert.ok((await t.text('#sweep-summary')).length > 10, 'the summary');
      await t.screenshot('labs');
    },
  },
  {
    name: 'a link with state: the race in the link is the race on the page, and its own link round-trips',
    async run(t) {
      await t.open('index.html?landscape=ravine&opt=adam(lr:0.01)&opt=lion&start=-3,1.5&seed=7&autoplay=false');
      await t.waitFor('the race', raceReady);
      assert.deepEqual(await t.eval(runnerIds), ['adam', 'lion']);
      assert.equal(await t.eval(() => /** @type {HTMLSelectElement} */ (document.getElementById('landscape-select')).value), 'ravine');
      await t.click('#tool-runners');
      await t.waitFor('the optimizers tool', () => !!document.getElementById('pick-sgd'));
      await t.click('#pick-sgd');
      await t.waitFor('the link to follow the change', () => /opt=sgd/.test(location.search));
      const before = await t.eval(raceState);
      const link = await t.eval(() => location.href);
      await t.open(link);
      await t.waitFor('the race', raceReady);
      assert.equal(await t.eval(raceState), before);
      assert.deepEqual(await t.eval(runnerIds), JSON.parse(before).runners.map((/** @type {any} */ r) => r.optimizer));
    },
  },
  {
    name: 'single file from file://: the race runs, formulas and quick checks show, a step by hand',
    async run(t) {
      await t.open('file:single');
      await t.waitFor('the race to run', stepAbove, 10);
      assert.equal(await t.eval(() => document.querySelectorAll('#runners .runner').length), 3);
      await t.click('#tool-rule');
      await t.click('#tool-chart');
      await t.waitFor('typeset rule and loss chart', () => !!(document.querySelector('#rule .katex') && document.querySelector('#chart-section .uplot')));
      await readChapter(t);
      await t.waitFor('the quick checks', () => document.querySelectorAll('section.quiz').length >= 9);
      assert.equal(await t.eval(() => document.querySelectorAll('.quiz-broken, .panel-broken').length), 0);
      await t.click('#play');
      const s = await t.eval(stepOf);
      await t.click('#step');
      assert.equal(await t.eval(stepOf), s + 1);
      await t.screenshot('single-file');
    },
  },
  {
    name: 'single file: when a library fails to load, the race still starts without it',
    // WebKit reports an error of a file:// page's inline script only as "Script error." (opaque origin).
    expectedErrors: [/injected fault: the chart library failed to load|^uncaught Script error\.$/],
    async run(t) {
      await t.open('file:single-broken-chart');
      await t.waitFor('the race to run', stepAbove, 10);
      await t.click('#tool-chart');
      await t.waitFor('the chart says it is missing', () => /could not be loaded/.test(document.getElementById('chart-section')?.textContent ?? ''));
      await readChapter(t);
      await t.waitFor('the quick checks', () => document.querySelectorAll('section.quiz').length >= 9);
    },
  },
  {
    name: 'a panel that fails to start shows its own message; the race and the other panels go on',
    // The tool's module fails to load; the panel host catches it and says so in the panel, so no
    // error may reach the console or the window (expectedErrors stays empty: the probe checks that).
    async run(t) {
      await t.open('fault/presets/index.html');
      await t.waitFor('the race to run', stepAbove, 10);
      await t.click('#tool-presets');
      const message = await t.waitFor('the message in the presets panel', () => document.querySelector('#presets [role="alert"]')?.textContent);
      assert.match(message, /could not be shown: .*injected fault in mountPresets/);
      await t.click('#tool-rule');
      await t.waitFor('the update rule typeset', () => !!document.querySelector('#rule .katex'));
      await readChapter(t);
      await t.waitFor('the quick checks', () => document.querySelectorAll('section.quiz').length >= 9);
    },
  },
  {
    name: 'phone size: the race runs and the page does not scroll sideways',
    viewport: { width: 390, height: 844 },
    async run(t) {
      await t.open('index.html');
      await t.waitFor('the race', raceReady);
      await t.waitFor('the race to run', stepAbove, 10);
      const overflow = await t.eval(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
      await t.screenshot('phone');
    },
  },
];
