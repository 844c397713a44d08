// @ts-check
// Entry point: loads the core, reads the race from the URL, creates the store and
// the race session, mounts the panels and runs the animation loop. The loop asks
// the core for `speed` steps in one call per frame and draws what it returns.
import { loadCore } from './core/load-core.js';
import { LandscapeView } from './render/landscape-view.js';
import { drawColorbar, colorbarCaption } from './render/colorbar.js';
import { runnerStyle } from './render/palette.js';
import { createStore } from './state/store.js';
import { parseQuery, serializeQuery } from './state/url.js';
import { RACE_PROPERTIES, VIEW_PROPERTIES, MAX_COORDINATE, defaultState, defaultLandscapeParams } from './state/properties.js';
import { RaceSession } from './race/session.js';
import { byId } from './ui/dom.js';
import { mountTransport } from './ui/transport.js';
import { mountSettings } from './ui/settings-panel.js';
import { mountRunnerList } from './ui/runner-list.js';
import { mountInside } from './ui/inside-panel.js';
import { mountUpdateRule } from './ui/update-rule.js';
import { mountCurvature } from './ui/curvature-panel.js';
import { mountPresets } from './ui/presets.js';
import { mountLossChart } from './ui/loss-chart.js';
import { mountExport, trajectoriesCsv } from './ui/export.js';
import { summarize } from './ui/summary.js';
import { createAnnouncer } from './ui/announcer.js';
import { showNotices } from './ui/notices.js';
import { mountQuizzes, listQuizzes, listSections } from './ui/quizzes.js';
import { applyView, isHidden } from './ui/view-mode.js';
import { startEmbedBridge } from './ui/embed-messages.js';
import { mountTeacherPanel } from './ui/teacher-panel.js';
import { copyText } from './ui/copy-text.js';
import { el } from './ui/dom.js';
import { steps as formatSteps } from './ui/format.js';
import { FrameTimer } from './race/frame-timer.js';
import { mountCustomFunction } from './ui/custom-function.js';
import { mountBasinsPanel } from './ui/basins-panel.js';
import { mountViewSwitch } from './ui/view-switch.js';
import { mountVideoExport } from './ui/video-export.js';

const RACE_KEYS = new Set(RACE_PROPERTIES.map((p) => p.key));
const VIEW_KEYS = new Set(VIEW_PROPERTIES.map((p) => p.key));
const ARROW_PX = 56;

async function main() {
  const core = await loadCore();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const { state: pageState, notices } = parseQuery(window.location.search, core);
  const store = createStore({ ...pageState, playing: pageState.autoplay && !reducedMotion, selected: 0, largeType: false, showArrows: true });
  showNotices(byId('notices'), notices);
  applyView(pageState);
  /** The link of the current state (race and view). */
  const currentLink = () => new URL(`${location.pathname}?${serializeQuery(store.getState())}`, location.href).href;
  const bridge = startEmbedBridge({
    getQuery: () => serializeQuery(store.getState()),
    setQuery: (query) => {
      const parsed = parseQuery(query, core);
      showNotices(byId('notices'), parsed.notices);
      store.setState({ ...parsed.state, playing: parsed.state.autoplay && !reducedMotion });
    },
  });

  const session = new RaceSession(core);
  const canvas = /** @type {HTMLCanvasElement} */ (byId('landscape'));
  const view = new LandscapeView(canvas);
  const announcer = createAnnouncer(byId('live'));
  const timer = new FrameTimer();
  /** @type {{ from: {x: number, y: number}, to: {x: number, y: number}, color: string, dashed?: boolean, head?: boolean }[]} */
  let eigenArrows = [];

  const stepOnce = () => { store.setState({ playing: false }); advance(1); render(true); };
  const reset = () => { session.restart(); resetChart(); render(true); };
  const transport = mountTransport(byId('transport'), { store, step: stepOnce, reset });
  const linkField = el('input', { type: 'text', readonly: true, hidden: true, class: 'code-field', id: 'copy-link-field', 'aria-label': 'Link to this race' });
  byId('transport').append(el('button', { type: 'button', id: 'copy-link', title: 'Copy a link to this race, with every setting',
    onclick: async () => announcer.say(await copyText(currentLink(), linkField) ? 'Link copied.' : 'Copying was refused: the link is selected, copy it with Ctrl+C.'),
  }, 'Copy link'), linkField);
  const settings = mountSettings(byId('settings'), { store, core });
  const customFunction = mountCustomFunction(byId('settings'), { store, core });
  const threeD = mountViewSwitch(canvas, { redraw: () => render(true) });
  const basins = mountBasinsPanel(byId('chart-section'), { store, session, say: (t) => announcer.say(t) });
  applyView(pageState); // again: the basins panel is created here, after the first pass
  const video = mountVideoExport(byId('export'), {
    source: () => ({ canvas: threeD.canvas, title: `Optimizer race: ${session.landscape.displayName}`, steps: session.steps,
      legend: session.labels.map((label, i) => ({ label, color: runnerStyle(i).color })) }),
    play: () => store.setState({ playing: true }),
    name: () => `optimizer-race-${store.getState().landscape}`,
  });
  const runnerList = mountRunnerList(byId('runners-section'), { store, core });
  const inside = mountInside(byId('inside'), { store });
  const rule = mountUpdateRule(byId('rule'), { core });
  const chart = mountLossChart(byId('chart-section'));
  mountCurvature(byId('curvature'), {
    analyse: () => {
      const s = store.getState();
      const f = session.frame[s.selected];
      if (!f || !Number.isFinite(f.x) || !Number.isFinite(f.y)) return null;
      const c = session.curvature(f.x, f.y);
      const len = (ARROW_PX * 1.2) / view.scale;
      const line = (/** @type {{x: number, y: number}} */ v, /** @type {boolean} */ dashed) => ({
        from: { x: f.x - v.x * len, y: f.y - v.y * len }, to: { x: f.x + v.x * len, y: f.y + v.y * len }, color: '#ffffff', dashed, head: false });
      eigenArrows = [line(c.vMax, false), line(c.vMin, true)];
      render(true);
      return { at: { x: f.x, y: f.y }, c, label: session.labels[s.selected] };
    },
    clear: () => { eigenArrows = []; render(true); },
  });
  mountPresets(byId('presets'), {
    apply: (p) => store.setState({ ...structuredClone(p.state), selected: 0, playing: !reducedMotion }),
  });
  mountExport(byId('export'), {
    canvas,
    name: () => `optimizer-race-${store.getState().landscape}-step-${session.steps}`,
    csv: () => trajectoriesCsv(session.labels, session.labels.map((_, i) => session.race?.trajectorySince(i, -1) ?? { points: new Float64Array(), steps: new Float64Array() })),
  });

  function resetChart() {
    chart.reset(session.labels.map((label, i) => ({ label, color: runnerStyle(i).color })));
    chart.push(0, session.frame.map((f) => f.loss));
  }

  /** Re-samples the landscape for the current size (once per landscape or resize). */
  function drawSurface() {
    const s = store.getState();
    // In an iframe that grows with its content, the window height follows the page: size from the width.
    const maxHeight = bridge.framed ? canvas.parentElement?.clientWidth ?? 600 : window.innerHeight * 0.72;
    view.resize(session.landscape.domain, Math.max(260, maxHeight));
    const t0 = performance.now();
    const surface = session.surface({ ...view.gridSize(), logScale: true, levels: 24 });
    view.setSurface(surface, session.landscape.minima);
    drawColorbar(/** @type {HTMLCanvasElement} */ (byId('colorbar')), surface);
    byId('colorbar-caption').textContent = colorbarCaption(surface);
    byId('colorbar').setAttribute('aria-label', colorbarCaption(surface));
    threeD.setSurface(() => session.surface({ nx: 128, ny: 128, logScale: true, levels: 1 }), session.landscape.domain);
    timer.surfaceMs = performance.now() - t0;
    byId('race-title').textContent = `The race on the ${session.landscape.displayName} landscape`;
    byId('landscape-formula').textContent = `f(x, y) = ${session.landscape.latex}`;
    typesetFormula(session.landscape.latex);
    canvas.setAttribute('aria-label', `Heatmap of the ${session.landscape.displayName} landscape (log colour scale, darker is lower) with the paths of ${s.runners.length} optimizers. Click or drag to set the start point; arrow keys move it.`);
  }

  /** @param {string} latex */
  function typesetFormula(latex) {
    import('./ui/katex-loader.js').then(({ typeset }) => typeset(byId('landscape-formula'), `f(x,y) = ${latex}`));
  }

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

  /** Draws the map, readouts, inside view and chart from the session's current frame. */
  function render(forceChart = false) {
    const s = store.getState();
    const frame = session.frame;
    const sel = Math.min(s.selected, frame.length - 1);
    /** @type {typeof eigenArrows} */
    const arrows = [...eigenArrows];
    const f = frame[sel];
    if (f && sel >= 0) {
      const buffers = session.buffers(sel);
      inside.frame(session.labels[sel], f.steps, buffers);
      if (s.showArrows && Number.isFinite(f.x) && Number.isFinite(f.y) && f.steps > 0) {
        const g = buffers.find((b) => b.name === 'grad')?.values;
        const v = buffers.find((b) => b.name === 'momentum_buffer' || b.name === 'exp_avg')?.values;
        const norm = (/** @type {number[] | undefined} */ a) => (a && a.every(Number.isFinite) ? Math.hypot(a[0], a[1]) : 0);
        const big = Math.max(norm(g), norm(v));
        const arrow = (/** @type {number[] | undefined} */ a, /** @type {string} */ color, /** @type {boolean} */ dashed) => {
          const n = norm(a);
          if (!a || !(n > 0) || !(big > 0)) return;
          const len = (Math.max(0.25, n / big) * ARROW_PX) / view.scale;
          arrows.push({ from: { x: f.x, y: f.y }, to: { x: f.x - (a[0] / n) * len, y: f.y - (a[1] / n) * len }, color, dashed });
        };
        arrow(g, '#ff7f50', true);
        arrow(v, '#7fffd4', false);
      }
      rule.show(s.runners[sel]?.optimizer);
    }
    view.draw({
      trails: session.trails,
      start: s.start,
      arrows,
      runners: frame.map((r, i) => ({ ...runnerStyle(i), shape: runnerStyle(i).shape.d, x: r.x, y: r.y,
        stopped: r.status === 'diverged', selected: i === sel })),
    });
    threeD.draw(session.trails.trails, frame.map((r, i) => ({ x: r.x, y: r.y, color: runnerStyle(i).color })));
    runnerList.frame(frame, (i) => session.info(i));
    transport.showSteps(session.steps);
    byId('summary').textContent = summarize(frame, session.labels, (i) => session.info(i));
    chart.push(session.steps, frame.map((r) => r.loss));
    chart.draw(forceChart);
  }

  let urlTimer = 0;
  store.subscribe((s, changed) => {
    const raceChanged = [...changed].some((k) => RACE_KEYS.has(/** @type {any} */ (k)));
    if (raceChanged && !(changed.size === 1 && changed.has('speed'))) {
      const landscapeId = session.landscape?.id;
      try {
        const { landscapeChanged } = session.apply(s, changed);
        if (landscapeChanged) drawSurface();
        if (landscapeChanged && session.landscape.id !== landscapeId && !changed.has('start')) {
          store.setState({ start: session.landscape.start }); // a new landscape starts at its suggested start
          return;
        }
      } catch (err) {
        showNotices(byId('notices'), [String(/** @type {Error} */ (err).message)]);
      }
      eigenArrows = [];
      resetChart();
    }
    if (changed.has('largeType')) {
      document.documentElement.classList.toggle('large-type', s.largeType);
      drawSurface();
      chart.resize();
    }
    settings.update(s, changed);
    customFunction.update(s);
    basins.update(s, changed, session.labels);
    transport.update(s);
    runnerList.update(s, session.labels);
    render(true);
    const viewChanged = [...changed].some((k) => VIEW_KEYS.has(/** @type {any} */ (k)));
    if (viewChanged) applyView(s);
    if (raceChanged || viewChanged) {
      clearTimeout(urlTimer);
      urlTimer = window.setTimeout(() => {
        history.replaceState(null, '', `${location.pathname}?${serializeQuery(store.getState())}${location.hash}`);
      }, 300);
    }
  });

  // Start point: click, tap or drag on the map; arrow keys when the map has focus.
  /** @param {PointerEvent} e */
  const pointerStart = (e) => {
    if (isHidden(store.getState(), 'start')) return;
    const rect = canvas.getBoundingClientRect();
    const p = view.toDomain(e.clientX - rect.left, e.clientY - rect.top);
    store.setState({ start: { x: Number(p.x.toPrecision(4)), y: Number(p.y.toPrecision(4)) } });
  };
  canvas.addEventListener('pointerdown', (e) => { canvas.setPointerCapture(e.pointerId); pointerStart(e); });
  canvas.addEventListener('pointermove', (e) => { if (canvas.hasPointerCapture(e.pointerId)) pointerStart(e); });
  canvas.addEventListener('keydown', (e) => {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
    if (!d || isHidden(store.getState(), 'start')) return;
    e.preventDefault();
    const { domain } = session.landscape;
    const stepSize = ((domain.xmax - domain.xmin) / 100) * (e.shiftKey ? 10 : 1);
    const { start } = store.getState();
    const clamp = (/** @type {number} */ v) => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v));
    const next = { x: clamp(Number((start.x + d[0] * stepSize).toPrecision(6))), y: clamp(Number((start.y + d[1] * stepSize).toPrecision(6))) };
    store.setState({ start: next });
    announcer.say(`Start at (${next.x.toFixed(3)}, ${next.y.toFixed(3)})`);
  });

  const largeType = /** @type {HTMLInputElement} */ (byId('large-type'));
  largeType.addEventListener('change', () => store.setState({ largeType: largeType.checked }));
  let resizeTimer = 0;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => { drawSurface(); chart.resize(); render(true); }, 100);
  }).observe(/** @type {HTMLElement} */ (canvas.parentElement));

  // First build: everything "changed".
  const first = store.getState();
  session.apply(first, new Set(RACE_KEYS));
  drawSurface();
  settings.update(first, new Set());
  customFunction.update(first);
  basins.update(first, new Set(), session.labels);
  transport.update(first);
  runnerList.update(first, session.labels);
  resetChart();
  render(true);

  const tick = () => {
    const s = store.getState();
    if (s.playing) {
      const t0 = performance.now();
      advance(s.speed);
      render();
      timer.add(performance.now() - t0);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const quizRoot = byId('quizzes');
  bridge.forwardQuizAnswers(quizRoot);
  /** A lesson's "Try it": its race (defaults + the section's patch) through the store, then the race in view. */
  const tryIt = (/** @type {Record<string, unknown>} */ patch) => {
    const race = { ...defaultState(core), ...structuredClone(patch) };
    if (patch.landscape && !patch.landscapeParams) race.landscapeParams = defaultLandscapeParams(core, String(patch.landscape));
    store.setState({ ...race, selected: 0, playing: !reducedMotion });
    const stage = /** @type {HTMLElement} */ (document.querySelector('.stage'));
    stage.hidden = false; // a section embed shows its race once asked for
    stage.scrollIntoView({ behavior: reducedMotion ? 'auto' : 'smooth', block: 'start' });
    canvas.focus({ preventScroll: true });
  };
  const quizzesMounted = mountQuizzes(quizRoot, core, { only: pageState.embed === 'quiz' ? pageState.quiz : '',
    section: pageState.embed === 'section' ? pageState.section : '', tryIt }).then(() => {
    if (!pageState.embed && pageState.section) document.getElementById(`lesson-${pageState.section}`)?.scrollIntoView();
    else if (!pageState.embed && pageState.quiz) quizRoot.scrollIntoView();
  });
  mountTeacherPanel(byId('teacher'), { store, quizzes: () => listQuizzes(), sections: () => listSections() });
  quizzesMounted.finally(() => bridge.post('ready', { query: serializeQuery(store.getState()) }));
  /** @type {any} */ (window).optlab = { store, timer, session, basins, threeD, video };
}

main().catch((err) => {
  byId('summary').textContent = `The simulation could not start: ${err.message}`;
  console.error(err);
});
