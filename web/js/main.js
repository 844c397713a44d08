// @ts-check
// Entry point, wiring only: loads the core, reads the race from the URL, creates the
// store, the race session and the map, hands every panel of the registry (ui/panels.js)
// to the panel host, and runs the animation loop. The loop asks the core for `speed`
// steps in one call per frame (fewer when that many would overrun the frame's budget on
// this machine: race/step-budget.js), draws what moved on the map every frame, and
// refreshes the text of the panels at most ~10 times a second.
import { loadCore, markPageReady } from './core/load-core.js';
import { createStore } from './state/store.js';
import { parseQuery, serializeQuery } from './state/url.js';
import { RACE_PROPERTIES, VIEW_PROPERTIES, raceFromPatch } from './state/properties.js';
import { RaceSession } from './race/session.js';
import { FrameTimer } from './race/frame-timer.js';
import { StepBudget } from './race/step-budget.js';
import { byId } from './ui/dom.js';
import { createAnnouncer } from './ui/announcer.js';
import { showNotices } from './ui/notices.js';
import { mountQuizzes, listQuizzes, listSections } from './ui/quizzes.js';
import { applyView } from './ui/view-mode.js';
import { startEmbedBridge } from './ui/embed-messages.js';
import { steps as formatSteps } from './ui/format.js';
import { mountRaceMap } from './ui/race-map.js';
import { createPanelHost } from './ui/panel-host.js';
import { dockStage } from './ui/stage-dock.js';

const RACE_KEYS = new Set(RACE_PROPERTIES.map((p) => p.key));
/** Race keys whose change puts the runners back at the start (not the speed, for one). @type {ReadonlySet<string>} */
const RESTART_KEYS = new Set(RACE_PROPERTIES.filter((p) => p.restarts !== false).map((p) => p.key));
/** @type {ReadonlySet<string>} */
const VIEW_KEYS = new Set(VIEW_PROPERTIES.map((p) => p.key));
/** Panel text (readouts, step counter, inside table, chart) refreshes at most this often while playing. */
const TEXT_MS = 100;
/**
 * ...and at most once every this many frames: on a slow machine (a few frames a second) a
 * time limit alone would rewrite the text, and lay the page out again, on every frame.
 */
const TEXT_FRAMES = 4;

/**
 * Lets the browser run other tasks (input, network, rendering) between the parts of the first
 * frame's set-up. The page stays hidden until that frame is built (markPageReady), so nothing
 * half-built shows; what changes is that a slow phone never spends one long task on it all:
 * total blocking time counts each task's time beyond 50 ms, so parts of ~50 ms at CPU 4x
 * block far less than their sum in one piece (bench/NOTES.md).
 * @returns {Promise<void>}
 */
const yieldToBrowser = () => {
  const scheduler = /** @type {{ yield?: () => Promise<void> } | undefined} */ (/** @type {any} */ (globalThis).scheduler);
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => { setTimeout(resolve, 0); });
};

/**
 * Marks a phase of the page's start in the browser's User Timing (`optlab:<name>`), so a
 * profiler's timeline, or the bench, shows where the first frame's time goes.
 * @param {string} name
 */
const phase = (name) => { performance.mark?.(`optlab:${name}`); };

async function main() {
  const core = await loadCore({ marksReady: true });
  phase('core');
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const { state: pageState, notices } = parseQuery(window.location.search, core);
  const store = createStore({ ...pageState, playing: pageState.autoplay && !reducedMotion, selected: 0, largeType: false, showArrows: true });
  const ALL_KEYS = new Set(Object.keys(store.getState()));
  showNotices(byId('notices'), notices);
  applyView(pageState);
  /** A host page's new query: applied at once once the race is set up, kept until then (the set-up yields). */
  let started = false;
  /** @type {string | null} */
  let queuedQuery = null;
  const setQuery = (/** @type {string} */ query) => {
    if (!started) { queuedQuery = query; return; }
    const parsed = parseQuery(query, core);
    showNotices(byId('notices'), parsed.notices);
    store.setState({ ...parsed.state, playing: parsed.state.autoplay && !reducedMotion });
  };
  const bridge = startEmbedBridge({ getQuery: () => serializeQuery(store.getState()), setQuery });
  const session = new RaceSession(core);
  const announcer = createAnnouncer(byId('live'));
  const timer = new FrameTimer();
  const budget = new StepBudget();
  session.apply(store.getState(), new Set(RACE_KEYS));
  const map = mountRaceMap({ store, session, framed: bridge.framed, announcer, timer });
  await yieldToBrowser();

  let lastText = 0;
  let framesSinceText = 0;
  /** Panel text now (after a step, a reset, a state change). */
  const refresh = () => { lastText = performance.now(); framesSinceText = 0; host.frame(); };
  /**
   * The playing race's periodic text refresh, between frames rather than inside one: the text is
   * rewritten and the page laid out while the main thread is idle (the layout is forced there),
   * so the next frame only paints it. In a frame, the rewrite's layout, paint and commit came on
   * top of the race's own work and made that frame miss its slot on a slow machine.
   */
  let textQueued = false;
  const refreshBetweenFrames = () => {
    if (textQueued) return;
    textQueued = true;
    lastText = performance.now();
    framesSinceText = 0;
    const run = () => {
      textQueued = false;
      if (!store.getState().playing) return; // a pause, step or reset refreshed already
      refresh();
      void byId('summary').offsetHeight; // lay out now, not in the next frame
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: TEXT_MS });
    else setTimeout(run, 0);
  };
  const restart = () => { session.restart(); host.restart(); map.draw(); refresh(); };
  const app = {
    store, core, session, map, announcer, bridge, reducedMotion, refresh,
    race: { step: () => { store.setState({ playing: false }); advance(1); map.draw(); refresh(); }, reset: restart },
    currentLink: () => new URL(`${location.pathname}?${serializeQuery(store.getState())}`, location.href).href,
    listQuizzes: () => listQuizzes(), listSections: () => listSections(),
  };
  const host = createPanelHost({ app, toolbar: byId('toolbar'), tray: byId('tools'), stageExtras: byId('stage-extras'), allKeys: ALL_KEYS });
  host.applyView(pageState);
  await host.ready;
  phase('panels');
  await yieldToBrowser();

  /** @param {number} k */
  function advance(k) {
    for (const e of session.advance(k)) {
      announcer.say(`${e.label} ${e.text}`);
    }
    if (session.finished && store.getState().playing) {
      store.setState({ playing: false });
      announcer.say(`The race is over after ${formatSteps(session.steps)} steps.`);
      const s = store.getState();
      bridge.post('race-result', { landscape: s.landscape, steps: session.steps,
        runners: session.frame.map((f, i) => ({ label: session.labels[i], optimizer: s.runners[i]?.optimizer ?? '',
          status: String(f.status), steps: f.steps, loss: f.loss, x: f.x, y: f.y })) });
    }
  }

  let urlTimer = 0;
  store.subscribe((s, changed) => {
    const raceChanged = [...changed].some((k) => RESTART_KEYS.has(k));
    if (raceChanged) {
      const landscapeId = session.landscape?.id;
      try {
        const { landscapeChanged, problems } = session.apply(s, changed);
        if (problems.length) showNotices(byId('notices'), problems);
        if (landscapeChanged) map.drawSurface(true);
        if (landscapeChanged && session.landscape.id !== landscapeId && !changed.has('start')) {
          store.setState({ start: session.landscape.start }); // a new landscape starts at its suggested start
          return;
        }
      } catch (err) {
        showNotices(byId('notices'), [String(/** @type {Error} */ (err).message)]);
      }
      host.restart();
    }
    if (changed.has('largeType')) {
      document.documentElement.classList.toggle('large-type', s.largeType);
      map.drawSurface(true);
    }
    const viewChanged = [...changed].some((k) => VIEW_KEYS.has(k));
    if (viewChanged) { applyView(s); host.applyView(s); }
    host.update(s, changed);
    map.draw();
    refresh();
    if (raceChanged || viewChanged || changed.has('speed')) {
      clearTimeout(urlTimer);
      urlTimer = window.setTimeout(() => {
        history.replaceState(null, '', `${location.pathname}?${serializeQuery(store.getState())}${location.hash}`);
      }, 300);
    }
  });

  const largeType = /** @type {HTMLInputElement} */ (byId('large-type'));
  largeType.addEventListener('change', () => store.setState({ largeType: largeType.checked }));

  // First frame: the page's first layout, the map, then every panel gets every key.
  map.measure();
  await yieldToBrowser();
  phase('layout');
  map.drawSurface(true);
  phase('surface');
  await yieldToBrowser();
  host.update(store.getState(), ALL_KEYS);
  refresh();
  // The handle scripts and tests use: there as soon as the race shows (set-up yields between its
  // parts, so a race on screen must not mean a handle still missing).
  Object.assign(window, { optlab: { store, timer, session, map, panels: host,
    get basins() { return host.instance('basins'); }, get video() { return host.instance('export')?.video; },
    get threeD() { return host.instance('3d'); } } });
  phase('first-frame');
  markPageReady(); // the race and the reading column appear now, complete
  started = true;
  if (queuedQuery !== null) setQuery(queuedQuery);

  // The race asks for animation frames only while it plays: a paused or finished race leaves
  // the browser nothing to do (a page that keeps a frame loop running costs every frame's
  // rendering work, which in WebKit is most of a frame even when nothing changed).
  let looping = false;
  const tick = () => {
    if (!store.getState().playing) { looping = false; return; }
    const t0 = performance.now();
    const k = budget.steps(store.getState().speed);
    advance(k);
    budget.record(k, performance.now() - t0); // the part that grows with k; drawing the marks does not
    map.draw();
    if (++framesSinceText >= TEXT_FRAMES && t0 - lastText >= TEXT_MS) refreshBetweenFrames();
    timer.add(performance.now() - t0);
    requestAnimationFrame(tick);
  };
  const loop = () => {
    if (looping || !store.getState().playing) return;
    looping = true;
    requestAnimationFrame(tick);
  };
  store.subscribe((s, changed) => { if (changed.has('playing')) loop(); });
  loop();
  const stage = byId('stage');
  const dock = dockStage(stage);

  const quizRoot = byId('quizzes');
  bridge.forwardQuizAnswers(quizRoot);
  /** A section's "Try it" (or a preset race): set up through the store; the race changes where it stands. */
  const tryIt = (/** @type {Partial<import('./state/properties.js').RaceState>} */ patch) => {
    store.setState({ ...raceFromPatch(patch, core), selected: 0, playing: !reducedMotion });
    if (stage.hidden) { // a section embed shows its race once asked for
      stage.hidden = false;
      map.drawSurface(true);
      stage.scrollIntoView({ behavior: reducedMotion ? 'auto' : 'smooth', block: 'start' });
    }
    dock.flash();
  };
  const chapterMounted = mountQuizzes(quizRoot, core, { only: pageState.embed === 'quiz' ? pageState.quiz : '',
    section: pageState.embed === 'section' ? pageState.section : '', tryIt, lazy: !pageState.embed }).then((chapter) => {
    if (!pageState.embed && pageState.section) chapter?.open(pageState.section);
    else if (!pageState.embed && pageState.quiz) quizRoot.scrollIntoView();
  });
  chapterMounted.finally(() => bridge.post('ready', { query: serializeQuery(store.getState()) }));
}

main().catch((err) => {
  markPageReady();
  byId('summary').textContent = `The simulation could not start: ${err.message}`;
  console.error(err);
});
