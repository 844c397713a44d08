// @ts-check
// Draws a landscape and the race on it in two stacked canvases, sharp on high-DPI
// screens, so a frame touches only what moved:
//   background  heatmap, contours, minima, axes: painted once per landscape or size
//   top         the runners' paths and, over them, markers, the start handle and arrows.
//               Only the trail segments a frame added are stroked; the box the marks
//               covered last frame is restored from an off-screen copy of the trails
//               (never shown), then the marks are drawn again.
// One canvas changes per frame, not two: each changed canvas costs the browser a fresh
// copy of its bitmap for the compositor every frame (measured in bench/NOTES.md).
// The top canvas is the interactive one (focus, pointer, the accessible name). The
// view receives data from the core (a sampled surface, trails as flat arrays) and
// never computes a loss.
import { paintSurface, paintMinima } from './landscape-painter.js';
import { drawAxes } from './axes.js';
import { markerSprite, sprite } from './markers.js';
import { drawArrow } from './arrows.js';

/**
 * @typedef {{xmin: number, xmax: number, ymin: number, ymax: number}} Domain
 * @typedef {import('./landscape-painter.js').Surface} Surface
 * @typedef {import('./landscape-painter.js').Minimum} Minimum
 * @typedef {{ color: string, shape: string, x: number, y: number, stopped: boolean, selected: boolean }} RunnerMark
 * @typedef {{ from: {x: number, y: number}, to: {x: number, y: number}, color: string, dashed?: boolean, head?: boolean }} Arrow
 */

const MARGIN = { left: 46, right: 10, top: 10, bottom: 30 };

/** @param {HTMLCanvasElement} c */
const context = (c) => /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));

export class LandscapeView {
  /** @param {HTMLCanvasElement} top the interactive canvas; its parent (the stack) receives the two lower layers */
  constructor(top) {
    this.canvas = top;
    this.stack = /** @type {HTMLElement} */ (top.parentElement);
    const layer = (/** @type {string} */ name) => {
      const c = document.createElement('canvas');
      c.className = `map-layer map-${name}`;
      c.setAttribute('aria-hidden', 'true');
      this.stack.insertBefore(c, top);
      return c;
    };
    this.background = layer('background');
    /** the trails alone, off screen: what a mark covered is copied back from here */
    this.trailCanvas = document.createElement('canvas');
    top.classList.add('map-layer', 'map-top');
    /** @type {number[]} points of each trail already drawn */
    this.drawn = [];
    this.drawnGeneration = -1;
    /** @type {{x0: number, y0: number, x1: number, y1: number}[]} the boxes of the top layer the last frame's marks covered (device pixels), restored before the next */
    this.dirty = [];
    /** the last scene drawn (sceneKey), and whether trail segments were stroked over it since */
    this.lastScene = '';
    this.trailsGrew = true;
    /** @type {Domain} */
    this.domain = { xmin: -2, xmax: 2, ymin: -1, ymax: 3 };
    this.plot = { left: 0, top: 0, width: 1, height: 1 };
    this.cssWidth = 1;
    this.cssHeight = 1;
    this.dpr = 1;
    this.fontPx = 12;
    /** markers grow with the page's type size (large-type mode) */
    this.markScale = 1;
  }

  /**
   * Sizes the layers to fit `maxWidth` x `maxHeight` CSS pixels at the domain's aspect
   * ratio (equal units on both axes, so directions and angles are true).
   * @param {Domain} domain @param {number} maxWidth @param {number} maxHeight
   */
  resize(domain, maxWidth, maxHeight) {
    this.domain = domain;
    this.fontPx = parseFloat(getComputedStyle(this.canvas).fontSize) || 12;
    this.markScale = Math.max(1, this.fontPx / 16);
    const m = { ...MARGIN, left: MARGIN.left * this.fontPx / 12, bottom: MARGIN.bottom * this.fontPx / 12 };
    const width = Math.max(200, Math.round(maxWidth));
    const aspect = (domain.ymax - domain.ymin) / (domain.xmax - domain.xmin);
    let pw = width - m.left - m.right;
    let ph = pw * aspect;
    if (ph + m.top + m.bottom > maxHeight) {
      ph = Math.max(120, maxHeight - m.top - m.bottom);
      pw = Math.min(pw, ph / aspect);
    }
    this.cssWidth = Math.round(Math.min(width, pw + m.left + m.right));
    this.cssHeight = Math.round(ph + m.top + m.bottom);
    this.plot = { left: m.left + (this.cssWidth - m.left - m.right - pw) / 2, top: m.top, width: pw, height: ph };
    this.dpr = window.devicePixelRatio || 1;
    this.stack.style.width = `${this.cssWidth}px`;
    this.stack.style.height = `${this.cssHeight}px`;
    this.stack.style.setProperty('--map-aspect', `${this.cssWidth} / ${this.cssHeight}`);
    for (const c of [this.background, this.trailCanvas, this.canvas]) {
      c.width = Math.round(this.cssWidth * this.dpr);
      c.height = Math.round(this.cssHeight * this.dpr);
    }
    this.drawnGeneration = -1;
    this.dirty = [{ x0: 0, y0: 0, x1: this.canvas.width, y1: this.canvas.height }];
    this.trailsGrew = true;
  }

  /**
   * The grid size worth sampling for the plot: about one sample per two CSS pixels, whatever the
   * screen's pixel ratio. The heatmap is scaled up smoothly and the contours are drawn at full
   * resolution between their sample points, so a denser grid on a high-DPI phone (3 device pixels
   * per CSS pixel: 9x the samples) changed little that shows, yet it was most of the set-up of the
   * page's first frame on the slowest devices (bench/NOTES.md).
   */
  gridSize() {
    const n = (/** @type {number} */ css) => Math.max(48, Math.min(400, Math.round(css / 2)));
    return { nx: n(this.plot.width), ny: n(this.plot.height) };
  }

  /** Domain x -> CSS pixel. @param {number} x */
  px(x) { return this.plot.left + ((x - this.domain.xmin) / (this.domain.xmax - this.domain.xmin)) * this.plot.width; }
  /** Domain y -> CSS pixel (y grows upwards). @param {number} y */
  py(y) { return this.plot.top + (1 - (y - this.domain.ymin) / (this.domain.ymax - this.domain.ymin)) * this.plot.height; }
  /**
   * A pointer position -> domain point, clamped to the domain. Works however the layers
   * are scaled on screen (the phone's docked strip shows them smaller).
   * @param {number} clientX @param {number} clientY
   */
  pointerToDomain(clientX, clientY) {
    const rect = this.canvas.getBoundingClientRect();
    const u = ((clientX - rect.left) * this.cssWidth) / (rect.width || 1);
    const v = ((clientY - rect.top) * this.cssHeight) / (rect.height || 1);
    const fx = Math.min(1, Math.max(0, (u - this.plot.left) / this.plot.width));
    const fy = Math.min(1, Math.max(0, (v - this.plot.top) / this.plot.height));
    return { x: this.domain.xmin + fx * (this.domain.xmax - this.domain.xmin),
      y: this.domain.ymin + (1 - fy) * (this.domain.ymax - this.domain.ymin) };
  }

  /**
   * Paints the background layer: heatmap, contours, minima and axes (once per landscape or size).
   * @param {Surface} surface @param {Minimum[]} minima
   */
  setSurface(surface, minima) {
    const g = context(this.background);
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.background.width, this.background.height);
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const toPx = (/** @type {number} */ x, /** @type {number} */ y) => /** @type {[number, number]} */ ([this.px(x), this.py(y)]);
    paintSurface(g, surface, this.plot, toPx);
    g.save();
    g.beginPath();
    g.rect(this.plot.left, this.plot.top, this.plot.width, this.plot.height);
    g.clip();
    paintMinima(g, minima, toPx, { scale: this.markScale });
    g.restore();
    drawAxes(g, this.plot, this.domain, (x) => this.px(x), (y) => this.py(y),
      { font: `${Math.round(this.fontPx * 0.9)}px system-ui, sans-serif`, color: '#333' });
  }

  /**
   * Strokes the trail segments added since the last call (all of them after a reset), on the
   * off-screen trails and on the top canvas alike.
   * @param {import('../race/trails.js').TrailCache} trails @param {string[]} colors
   */
  drawTrails(trails, colors) {
    if (this.drawnGeneration !== trails.generation) {
      for (const c of [this.trailCanvas, this.canvas]) {
        const g = context(c);
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, c.width, c.height);
      }
      this.dirty = []; // nothing left to restore
      this.trailsGrew = true;
      this.drawn = trails.trails.map(() => 0);
      this.drawnGeneration = trails.generation;
    }
    if (trails.trails.every((t, i) => t.length === this.drawn[i])) return;
    for (const c of [this.trailCanvas, this.canvas]) this.#strokeNew(context(c), trails, colors);
    trails.trails.forEach((t, i) => { this.drawn[i] = t.length; });
    this.trailsGrew = true;
  }

  /**
   * The segments of each trail past the points already drawn.
   * @param {CanvasRenderingContext2D} g @param {import('../race/trails.js').TrailCache} trails @param {string[]} colors
   */
  #strokeNew(g, trails, colors) {
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    g.save();
    g.beginPath();
    g.rect(this.plot.left, this.plot.top, this.plot.width, this.plot.height);
    g.clip();
    g.lineJoin = 'round';
    g.lineCap = 'round';
    trails.trails.forEach((t, i) => {
      const from = Math.max(0, (this.drawn[i] ?? 0) - 1);
      if (t.length - from < 2) return;
      g.beginPath();
      let pen = false;
      for (let k = from; k < t.length; k++) {
        const x = t.points[3 * k];
        const y = t.points[3 * k + 1];
        if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e9 || Math.abs(y) > 1e9) { pen = false; continue; }
        if (pen) g.lineTo(this.px(x), this.py(y)); else g.moveTo(this.px(x), this.py(y));
        pen = true;
      }
      g.strokeStyle = 'rgba(0, 0, 0, 0.55)';
      g.lineWidth = 4;
      g.stroke();
      g.strokeStyle = colors[i];
      g.lineWidth = 2;
      g.stroke();
    });
    g.restore();
  }

  /**
   * Redraws the marks on the top layer: the start handle, the runners' markers and the arrows,
   * after putting back the trails under where they were. Each mark restores only its own small
   * box, so runners far apart do not make the frame copy everything between them; a frame whose
   * marks did not move and whose trails did not grow changes nothing.
   * @param {{ runners: RunnerMark[], start: {x: number, y: number}, arrows: Arrow[] }} scene
   */
  drawMarks(scene) {
    const key = sceneKey(scene);
    if (key === this.lastScene && !this.trailsGrew) return;
    this.lastScene = key;
    this.trailsGrew = false;
    const g = context(this.canvas);
    g.setTransform(1, 0, 0, 1, 0, 0);
    for (const d of this.dirty) {
      const [w, h] = [d.x1 - d.x0, d.y1 - d.y0];
      g.clearRect(d.x0, d.y0, w, h);
      g.drawImage(this.trailCanvas, d.x0, d.y0, w, h, d.x0, d.y0, w, h);
    }
    const k = this.dpr;
    /** @type {{x0: number, y0: number, x1: number, y1: number}[]} */
    const boxes = [];
    /** Records a box (CSS pixels) to restore next frame, in device pixels rounded outwards, inside the canvas. */
    const touch = (/** @type {number} */ u0, /** @type {number} */ v0, /** @type {number} */ u1, /** @type {number} */ v1) => {
      const box = { x0: Math.max(0, Math.floor(u0 * k)), y0: Math.max(0, Math.floor(v0 * k)),
        x1: Math.min(this.canvas.width, Math.ceil(u1 * k)), y1: Math.min(this.canvas.height, Math.ceil(v1 * k)) };
      if (box.x1 > box.x0 && box.y1 > box.y0) boxes.push(box);
    };
    /** Copies a sprite centred at (u, v) CSS pixels, on whole device pixels so it stays sharp. */
    const stamp = (/** @type {{canvas: HTMLCanvasElement, image: CanvasImageSource, half: number}} */ sp, /** @type {number} */ u, /** @type {number} */ v) => {
      const x = Math.round((u - sp.half) * k);
      const y = Math.round((v - sp.half) * k);
      g.drawImage(sp.image, x, y);
      touch(x / k, y / k, (x + sp.canvas.width) / k, (y + sp.canvas.height) / k);
    };
    const s = this.markScale;
    g.save();
    g.beginPath();
    g.rect(Math.floor((this.plot.left - 8 * s) * k), Math.floor((this.plot.top - 8 * s) * k),
      Math.ceil((this.plot.width + 16 * s) * k), Math.ceil((this.plot.height + 16 * s) * k));
    g.clip();
    stamp(startSprite(s, k), this.px(scene.start.x), this.py(scene.start.y));
    for (const r of scene.runners) {
      if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
      const u = Math.min(Math.max(this.px(r.x), this.plot.left - 6 * s), this.plot.left + this.plot.width + 6 * s);
      const v = Math.min(Math.max(this.py(r.y), this.plot.top - 6 * s), this.plot.top + this.plot.height + 6 * s);
      if (r.selected) stamp(selectionSprite(s, k), u, v);
      stamp(markerSprite(r.shape, 6.5 * s, r.stopped ? '#bbb' : r.color, k), u, v);
    }
    g.setTransform(k, 0, 0, k, 0, 0);
    for (const a of scene.arrows) {
      const [u0, v0, u1, v1] = [this.px(a.from.x), this.py(a.from.y), this.px(a.to.x), this.py(a.to.y)];
      drawArrow(g, u0, v0, u1, v1, a.color, a);
      touch(Math.min(u0, u1) - 14, Math.min(v0, v1) - 14, Math.max(u0, u1) + 14, Math.max(v0, v1) + 14);
    }
    g.restore();
    this.dirty = boxes;
  }

  /** The layers as one picture (PNG export, video frames), into `into` when given. @param {HTMLCanvasElement} [into] */
  composite(into = document.createElement('canvas')) {
    if (into.width !== this.canvas.width || into.height !== this.canvas.height) {
      into.width = this.canvas.width;
      into.height = this.canvas.height;
    }
    const g = context(into);
    g.clearRect(0, 0, into.width, into.height);
    for (const c of [this.background, this.canvas]) g.drawImage(c, 0, 0);
    return into;
  }

  /** Pixels per domain unit (equal on both axes). */
  get scale() { return this.plot.width / (this.domain.xmax - this.domain.xmin); }
}

/** What a frame's marks look like, as text: equal keys draw equal pixels. @param {{ runners: RunnerMark[], start: {x: number, y: number}, arrows: Arrow[] }} scene */
function sceneKey(scene) {
  const runners = scene.runners.map((r) => `${r.x},${r.y},${r.shape},${r.color},${r.stopped},${r.selected}`).join(';');
  const arrows = scene.arrows.map((a) => `${a.from.x},${a.from.y},${a.to.x},${a.to.y},${a.color},${a.dashed},${a.head}`).join(';');
  return `${scene.start.x},${scene.start.y}|${runners}|${arrows}`;
}

/** The start handle (a crosshair ring students drag), as a sprite. @param {number} s mark scale @param {number} dpr */
function startSprite(s, dpr) {
  return sprite(`start|${s}|${dpr}`, 14 * s, dpr, (g) => {
    g.beginPath();
    g.arc(0, 0, 8 * s, 0, 2 * Math.PI);
    g.moveTo(-12 * s, 0); g.lineTo(-4 * s, 0);
    g.moveTo(4 * s, 0); g.lineTo(12 * s, 0);
    g.moveTo(0, -12 * s); g.lineTo(0, -4 * s);
    g.moveTo(0, 4 * s); g.lineTo(0, 12 * s);
    g.strokeStyle = '#111';
    g.lineWidth = 3.5 * s;
    g.stroke();
    g.strokeStyle = '#fff';
    g.lineWidth = 1.5 * s;
    g.stroke();
  });
}

/** The dashed ring around the selected runner, as a sprite. @param {number} s mark scale @param {number} dpr */
function selectionSprite(s, dpr) {
  return sprite(`ring|${s}|${dpr}`, 12 * s + 2, dpr, (g) => {
    g.beginPath();
    g.arc(0, 0, 11 * s, 0, 2 * Math.PI);
    g.strokeStyle = '#fff';
    g.lineWidth = 2;
    g.setLineDash([3, 3]);
    g.stroke();
  });
}
