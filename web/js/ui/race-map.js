// @ts-check
// The race's map: the layered landscape view sized to the room the race column leaves
// it, the colour bar and formula of the landscape, the start point set by pointer or
// arrow keys, the arrows at the inspected runner, and the 3-D view when it is open.
import { LandscapeView } from '../render/landscape-view.js';
import { drawColorbar, colorbarCaption } from '../render/colorbar.js';
import { runnerStyle } from '../render/palette.js';
import { motionArrows } from '../render/motion-arrows.js';
import { MAX_COORDINATE } from '../state/properties.js';
import { byId, setText } from './dom.js';
import { isHidden } from './view-mode.js';

/**
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession,
 *   framed: boolean, announcer: { say: (t: string) => void }, timer: { surfaceMs: number, surfaces: number } }} deps
 */
export function mountRaceMap({ store, session, framed, announcer, timer }) {
  const canvas = /** @type {HTMLCanvasElement} */ (byId('landscape'));
  const wrap = /** @type {HTMLElement} */ (canvas.closest('.landscape-wrap'));
  const view = new LandscapeView(canvas);
  /** @type {import('../render/motion-arrows.js').Arrow[]} arrows a tool adds (the curvature's eigen-directions) */
  let extraArrows = [];
  /**
   * The 3-D view, once view-switch.js has attached it.
   * @typedef {{ active: boolean, canvas: HTMLCanvasElement, setSurface: (sample: () => any, domain: any) => void,
   *   draw: (trails: any, runners: any) => void }} ThreeDView
   */
  /** @type {ThreeDView | null} */
  let threeD = null;
  let sizedFor = '';

  /** On a wide page the map fills what the race column leaves; elsewhere it follows the width. */
  const fillsColumn = () => !framed && !document.documentElement.dataset.embed && window.matchMedia('(min-width: 960px)').matches;

  /** Samples and paints the landscape for the current size: once per landscape, size or type size. @param {boolean} [force] */
  function drawSurface(force = false) {
    const s = store.getState();
    const width = wrap.clientWidth;
    const height = fillsColumn() ? wrap.clientHeight : framed ? width : Math.min(window.innerHeight * 0.5, width);
    // What the painted map depends on: its size and the type size (large type: bigger labels and
    // marks). Not the page's other classes: the one that marks the page ready arrives after the
    // first frame, and keying on it made every page load sample and paint the landscape twice.
    const key = `${width}x${Math.round(height)}|${document.documentElement.classList.contains('large-type')}`;
    if (!force && key === sizedFor) return;
    sizedFor = key;
    view.resize(session.landscape.domain, width, Math.max(220, height));
    const t0 = performance.now();
    const surface = session.surface({ ...view.gridSize(), logScale: true, levels: 24 });
    view.setSurface(surface, session.landscape.minima);
    const bar = /** @type {HTMLCanvasElement} */ (byId('colorbar'));
    drawColorbar(bar, surface);
    setText(byId('colorbar-caption'), colorbarCaption(surface));
    bar.setAttribute('aria-label', colorbarCaption(surface));
    threeD?.setSurface(() => session.surface({ nx: 128, ny: 128, logScale: true, levels: 1 }), session.landscape.domain);
    timer.surfaceMs = performance.now() - t0;
    timer.surfaces += 1;
    setText(byId('race-title'), `The race on the ${session.landscape.displayName} landscape`);
    const formula = byId('landscape-formula');
    if (formula.dataset.latex !== session.landscape.latex) {
      formula.dataset.latex = session.landscape.latex;
      formula.textContent = `f(x, y) = ${session.landscape.latex}`;
      import('./katex-loader.js').then(({ typeset }) => typeset(formula, `f(x,y) = ${session.landscape.latex}`));
    }
    canvas.setAttribute('aria-label', `Heatmap of the ${session.landscape.displayName} landscape (log colour scale, darker is lower) with the paths of ${s.runners.length} optimizers. Click or drag to set the start point; arrow keys move it.`);
    draw();
  }

  /** Draws what moved: new trail segments, then the markers and arrows. */
  function draw() {
    const s = store.getState();
    const frame = session.frame;
    const sel = Math.min(s.selected, frame.length - 1);
    const f = frame[sel];
    const arrows = [...extraArrows];
    if (f && s.showArrows && Number.isFinite(f.x) && Number.isFinite(f.y) && f.steps > 0) {
      arrows.push(...motionArrows(f, session.buffers(sel), view.scale));
    }
    view.drawTrails(session.trails, frame.map((_, i) => runnerStyle(i).color));
    view.drawMarks({ start: s.start, arrows,
      runners: frame.map((r, i) => ({ ...runnerStyle(i), shape: runnerStyle(i).shape.d, x: r.x, y: r.y, stopped: r.status === 'diverged', selected: i === sel })) });
    threeD?.draw(session.trails.trails, frame.map((r, i) => ({ x: r.x, y: r.y, color: runnerStyle(i).color })));
  }

  // Start point: click, tap or drag on the map; arrow keys when the map has focus.
  /** @param {PointerEvent} e */
  const pointerStart = (e) => {
    if (isHidden(store.getState(), 'start')) return;
    const p = view.pointerToDomain(e.clientX, e.clientY);
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
  let resizeTimer = 0;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    // Before the page's first frame has painted the map, that frame will size it (the set-up yields
    // to the browser, and the observer's first report can come in between).
    resizeTimer = window.setTimeout(() => { if (sizedFor) drawSurface(); }, 100);
  }).observe(wrap);

  return {
    view,
    canvas,
    wrap,
    /** Lays the page out now (the map takes its size from the layout), so that a later drawSurface finds it done. */
    measure: () => { wrap.getBoundingClientRect(); },
    drawSurface,
    draw,
    /** Arrows a tool draws on the map until it clears them. @param {import('../render/motion-arrows.js').Arrow[]} arrows */
    setExtraArrows(arrows) { extraArrows = arrows; draw(); },
    /** The 3-D view (view-switch.js) registers itself here. @param {ThreeDView | null} v */
    attach3d(v) {
      threeD = v;
      v?.setSurface(() => session.surface({ nx: 128, ny: 128, logScale: true, levels: 1 }), session.landscape.domain);
    },
    /** The picture on screen: the 3-D canvas, or the map's layers composed into one. */
    picture: (() => {
      const out = document.createElement('canvas');
      return () => (threeD?.active ? threeD.canvas : view.composite(out));
    })(),
  };
}
