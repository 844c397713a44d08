// @ts-check
// Draws a landscape (heatmap, contour lines, minima, axes) and the race on it
// (trails, runner markers, the start point, arrows), sharp on high-DPI screens.
// It receives data from the core (a sampled surface, trails as flat arrays) and
// never computes a loss. Layers: the background is drawn once per landscape or
// size; trails are drawn incrementally into their own layer (only the segments a
// frame added), so a frame costs two image copies plus the markers.
import { VIRIDIS_LUT } from './colormap.js';
import { drawAxes } from './axes.js';
import { drawMarker } from './markers.js';
import { drawArrow } from './arrows.js';

/**
 * @typedef {{xmin: number, xmax: number, ymin: number, ymax: number}} Domain
 * @typedef {ReturnType<import('../core/wrap-core.js').Race['surface']>} Surface
 * @typedef {{x: number, y: number, value: number, global: boolean}} Minimum
 * @typedef {{ color: string, shape: string, x: number, y: number, stopped: boolean, selected: boolean }} RunnerMark
 * @typedef {{ from: {x: number, y: number}, to: {x: number, y: number}, color: string, dashed?: boolean, head?: boolean }} Arrow
 */

const MARGIN = { left: 46, right: 10, top: 10, bottom: 30 };

/** @param {number} w @param {number} h */
function layer(w, h) {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

export class LandscapeView {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    /** @type {HTMLCanvasElement | null} */
    this.background = null;
    this.trailLayer = layer(1, 1);
    /** @type {number[]} points of each trail already drawn into trailLayer */
    this.drawn = [];
    this.drawnGeneration = -1;
    /** @type {Domain} */
    this.domain = { xmin: -2, xmax: 2, ymin: -1, ymax: 3 };
    this.plot = { left: 0, top: 0, width: 1, height: 1 };
    this.cssWidth = 1;
    this.cssHeight = 1;
    this.dpr = 1;
    this.fontPx = 12;
  }

  /**
   * Sizes the canvas to its container's width and the domain's aspect ratio (equal
   * units on both axes, so directions and angles are true), at the device pixel ratio.
   * @param {Domain} domain @param {number} maxHeight CSS pixels
   */
  resize(domain, maxHeight) {
    this.domain = domain;
    this.fontPx = parseFloat(getComputedStyle(this.canvas).fontSize) || 12;
    const m = { ...MARGIN, left: MARGIN.left * this.fontPx / 12, bottom: MARGIN.bottom * this.fontPx / 12 };
    const width = Math.max(200, Math.round(/** @type {HTMLElement} */ (this.canvas.parentElement).clientWidth));
    const aspect = (domain.ymax - domain.ymin) / (domain.xmax - domain.xmin);
    let pw = width - m.left - m.right;
    let ph = pw * aspect;
    if (ph + m.top + m.bottom > maxHeight) {
      ph = Math.max(120, maxHeight - m.top - m.bottom);
      pw = ph / aspect;
    }
    this.cssWidth = width;
    this.cssHeight = Math.round(ph + m.top + m.bottom);
    this.plot = { left: m.left + Math.floor((width - m.left - m.right - pw) / 2), top: m.top, width: pw, height: ph };
    this.dpr = window.devicePixelRatio || 1;
    this.canvas.style.height = `${this.cssHeight}px`;
    this.canvas.width = Math.round(this.cssWidth * this.dpr);
    this.canvas.height = Math.round(this.cssHeight * this.dpr);
    this.trailLayer = layer(this.canvas.width, this.canvas.height);
    this.drawnGeneration = -1;
  }

  /** The grid size worth sampling for the plot: about one sample per two device pixels. */
  gridSize() {
    const n = (/** @type {number} */ css) => Math.max(48, Math.min(400, Math.round((css * this.dpr) / 2)));
    return { nx: n(this.plot.width), ny: n(this.plot.height) };
  }

  /** Domain x -> CSS pixel. @param {number} x */
  px(x) { return this.plot.left + ((x - this.domain.xmin) / (this.domain.xmax - this.domain.xmin)) * this.plot.width; }
  /** Domain y -> CSS pixel (y grows upwards). @param {number} y */
  py(y) { return this.plot.top + (1 - (y - this.domain.ymin) / (this.domain.ymax - this.domain.ymin)) * this.plot.height; }
  /** CSS pixel -> domain point, clamped to the domain. @param {number} u @param {number} v */
  toDomain(u, v) {
    const fx = Math.min(1, Math.max(0, (u - this.plot.left) / this.plot.width));
    const fy = Math.min(1, Math.max(0, (v - this.plot.top) / this.plot.height));
    return { x: this.domain.xmin + fx * (this.domain.xmax - this.domain.xmin),
      y: this.domain.ymin + (1 - fy) * (this.domain.ymax - this.domain.ymin) };
  }

  /**
   * Renders heatmap, contours, minima and axes once into the background layer.
   * @param {Surface} surface @param {Minimum[]} minima
   */
  setSurface(surface, minima) {
    const { nx, ny, values, min, max } = surface;
    const image = new ImageData(nx, ny);
    const span = max > min ? max - min : 1;
    for (let j = 0; j < ny; j++) {
      const row = (ny - 1 - j) * nx; // row 0 of the grid is ymin: the bottom of the image
      for (let i = 0; i < nx; i++) {
        const v = values[j * nx + i];
        const k = Number.isFinite(v) ? Math.round(((v - min) / span) * 255) * 3 : 765;
        const o = (row + i) * 4;
        image.data[o] = VIRIDIS_LUT[k];
        image.data[o + 1] = VIRIDIS_LUT[k + 1];
        image.data[o + 2] = VIRIDIS_LUT[k + 2];
        image.data[o + 3] = 255;
      }
    }
    const grid = layer(nx, ny);
    /** @type {CanvasRenderingContext2D} */ (grid.getContext('2d')).putImageData(image, 0, 0);

    const bg = layer(this.canvas.width, this.canvas.height);
    const g = /** @type {CanvasRenderingContext2D} */ (bg.getContext('2d'));
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const { left, top, width, height } = this.plot;
    g.imageSmoothingEnabled = true;
    g.imageSmoothingQuality = 'high';
    g.drawImage(grid, left, top, width, height);

    g.save();
    g.beginPath();
    g.rect(left, top, width, height);
    g.clip();
    g.strokeStyle = 'rgba(255, 255, 255, 0.4)';
    g.lineWidth = 0.8;
    g.beginPath();
    const { points, offsets } = surface;
    for (let k = 0; k + 1 < offsets.length; k++) {
      for (let p = offsets[k]; p < offsets[k + 1]; p++) {
        const u = this.px(points[2 * p]);
        const v = this.py(points[2 * p + 1]);
        if (p === offsets[k]) g.moveTo(u, v); else g.lineTo(u, v);
      }
    }
    g.stroke();
    for (const m of minima) this.#drawMinimum(g, m);
    g.restore();
    drawAxes(g, this.plot, this.domain, (x) => this.px(x), (y) => this.py(y),
      { font: `${Math.round(this.fontPx * 0.9)}px system-ui, sans-serif`, color: '#333' });
    this.background = bg;
  }

  /** @param {CanvasRenderingContext2D} g @param {Minimum} m */
  #drawMinimum(g, m) {
    g.beginPath();
    g.arc(this.px(m.x), this.py(m.y), m.global ? 7 : 4.5, 0, 2 * Math.PI);
    g.fillStyle = m.global ? '#ffe14d' : 'rgba(255, 255, 255, 0.85)';
    g.fill();
    g.lineWidth = 1.5;
    g.strokeStyle = '#111';
    g.stroke();
  }

  /**
   * Draws the new trail segments into the trail layer (all of them after a reset).
   * @param {import('../race/trails.js').TrailCache} trails @param {string[]} colors
   */
  #updateTrails(trails, colors) {
    const g = /** @type {CanvasRenderingContext2D} */ (this.trailLayer.getContext('2d'));
    if (this.drawnGeneration !== trails.generation) {
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.clearRect(0, 0, this.trailLayer.width, this.trailLayer.height);
      this.drawn = trails.trails.map(() => 0);
      this.drawnGeneration = trails.generation;
    }
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    g.save();
    g.beginPath();
    g.rect(this.plot.left, this.plot.top, this.plot.width, this.plot.height);
    g.clip();
    g.lineJoin = 'round';
    g.lineCap = 'round';
    trails.trails.forEach((t, i) => {
      const from = Math.max(0, this.drawn[i] - 1);
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
      this.drawn[i] = t.length;
    });
    g.restore();
  }

  /**
   * Draws one frame.
   * @param {{ trails: import('../race/trails.js').TrailCache, runners: RunnerMark[], start: {x: number, y: number},
   *   arrows: Arrow[] }} scene
   */
  draw(scene) {
    const { ctx } = this;
    this.#updateTrails(scene.trails, scene.runners.map((r) => r.color));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.background) ctx.drawImage(this.background, 0, 0);
    ctx.drawImage(this.trailLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.plot.left - 8, this.plot.top - 8, this.plot.width + 16, this.plot.height + 16);
    ctx.clip();
    this.#drawStart(scene.start);
    for (const r of scene.runners) {
      if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
      const u = Math.min(Math.max(this.px(r.x), this.plot.left - 6), this.plot.left + this.plot.width + 6);
      const v = Math.min(Math.max(this.py(r.y), this.plot.top - 6), this.plot.top + this.plot.height + 6);
      if (r.selected) {
        ctx.beginPath();
        ctx.arc(u, v, 11, 0, 2 * Math.PI);
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 2;
        ctx.setLineDash([3, 3]);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      drawMarker(ctx, r.shape, u, v, 6.5, r.stopped ? '#bbb' : r.color);
    }
    for (const a of scene.arrows) {
      drawArrow(ctx, this.px(a.from.x), this.py(a.from.y), this.px(a.to.x), this.py(a.to.y), a.color, a);
    }
    ctx.restore();
  }

  /** A crosshair ring at the start point (the handle students drag). @param {{x: number, y: number}} s */
  #drawStart(s) {
    const { ctx } = this;
    const u = this.px(s.x);
    const v = this.py(s.y);
    ctx.beginPath();
    ctx.arc(u, v, 8, 0, 2 * Math.PI);
    ctx.moveTo(u - 12, v); ctx.lineTo(u - 4, v);
    ctx.moveTo(u + 4, v); ctx.lineTo(u + 12, v);
    ctx.moveTo(u, v - 12); ctx.lineTo(u, v - 4);
    ctx.moveTo(u, v + 4); ctx.lineTo(u, v + 12);
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 3.5;
    ctx.stroke();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }

  /** Pixels per domain unit (equal on both axes). */
  get scale() { return this.plot.width / (this.domain.xmax - this.domain.xmin); }
}
