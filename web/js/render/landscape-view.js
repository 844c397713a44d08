// @ts-check
// Draws a landscape (heatmap + contour lines + minima) and trajectories on a
// canvas, sharp on high-DPI screens. It receives data from the core (a sampled
// surface, trajectories as flat arrays) and never computes loss values itself.
import { VIRIDIS_LUT } from './colormap.js';

/**
 * @typedef {{xmin: number, xmax: number, ymin: number, ymax: number}} Domain
 * @typedef {ReturnType<import('../core/wrap-core.js').Race['surface']>} Surface
 */

export class LandscapeView {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    /** @type {HTMLCanvasElement | null} the heatmap and contours, redrawn only when the landscape changes */
    this.background = null;
    /** @type {Domain} */
    this.domain = { xmin: -2, xmax: 2, ymin: -1, ymax: 3 };
    this.cssWidth = 0;
    this.cssHeight = 0;
  }

  /** Matches the backing store to the element's CSS size and the device pixel ratio. */
  resize() {
    const rect = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.cssWidth = Math.max(1, Math.round(rect.width));
    this.cssHeight = Math.max(1, Math.round(rect.height));
    this.canvas.width = Math.round(this.cssWidth * dpr);
    this.canvas.height = Math.round(this.cssHeight * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  /** Domain x -> CSS pixel. @param {number} x */
  px(x) { return ((x - this.domain.xmin) / (this.domain.xmax - this.domain.xmin)) * this.cssWidth; }
  /** Domain y -> CSS pixel (y grows upwards). @param {number} y */
  py(y) { return (1 - (y - this.domain.ymin) / (this.domain.ymax - this.domain.ymin)) * this.cssHeight; }
  /** CSS pixel -> domain point. @param {number} u @param {number} v */
  toDomain(u, v) {
    return { x: this.domain.xmin + (u / this.cssWidth) * (this.domain.xmax - this.domain.xmin),
      y: this.domain.ymin + (1 - v / this.cssHeight) * (this.domain.ymax - this.domain.ymin) };
  }

  /**
   * Renders the heatmap and contours once into an offscreen canvas.
   * @param {Surface} surface
   * @param {Domain} domain
   * @param {{x: number, y: number, global: boolean}[]} minima
   */
  setSurface(surface, domain, minima) {
    this.domain = domain;
    const { nx, ny, values, min, max } = surface;
    const image = new ImageData(nx, ny);
    const span = max > min ? max - min : 1;
    for (let j = 0; j < ny; j++) {
      const row = (ny - 1 - j) * nx; // row 0 of the grid is ymin: the bottom of the image
      for (let i = 0; i < nx; i++) {
        const v = values[j * nx + i];
        const k = Number.isFinite(v) ? Math.round(((v - min) / span) * 255) * 3 : 0;
        const o = (row + i) * 4;
        image.data[o] = VIRIDIS_LUT[k];
        image.data[o + 1] = VIRIDIS_LUT[k + 1];
        image.data[o + 2] = VIRIDIS_LUT[k + 2];
        image.data[o + 3] = 255;
      }
    }
    const grid = document.createElement('canvas');
    grid.width = nx;
    grid.height = ny;
    /** @type {CanvasRenderingContext2D} */ (grid.getContext('2d')).putImageData(image, 0, 0);

    const dpr = window.devicePixelRatio || 1;
    const bg = document.createElement('canvas');
    bg.width = this.canvas.width;
    bg.height = this.canvas.height;
    const g = /** @type {CanvasRenderingContext2D} */ (bg.getContext('2d'));
    g.imageSmoothingEnabled = true;
    g.drawImage(grid, 0, 0, bg.width, bg.height);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);

    // Contours: thin, translucent white so the heatmap stays readable.
    g.strokeStyle = 'rgba(255, 255, 255, 0.35)';
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
    this.background = bg;
  }

  /** @param {CanvasRenderingContext2D} g @param {{x: number, y: number, global: boolean}} m */
  #drawMinimum(g, m) {
    const u = this.px(m.x);
    const v = this.py(m.y);
    g.beginPath();
    g.arc(u, v, m.global ? 6 : 4, 0, 2 * Math.PI);
    g.fillStyle = m.global ? '#ffe100' : 'rgba(255, 255, 255, 0.8)';
    g.fill();
    g.lineWidth = 1.5;
    g.strokeStyle = '#1a1a1a';
    g.stroke();
  }

  /**
   * Draws the background, then each trajectory with its current position.
   * @param {{points: Float64Array, color: string, x: number, y: number}[]} paths
   */
  draw(paths) {
    const { ctx } = this;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.background) ctx.drawImage(this.background, 0, 0);
    ctx.restore();
    for (const path of paths) {
      ctx.beginPath();
      const pts = path.points;
      for (let i = 0; i < pts.length; i += 3) {
        if (!Number.isFinite(pts[i]) || !Number.isFinite(pts[i + 1])) break;
        const u = this.px(pts[i]);
        const v = this.py(pts[i + 1]);
        if (i === 0) ctx.moveTo(u, v); else ctx.lineTo(u, v);
      }
      ctx.strokeStyle = path.color;
      ctx.lineWidth = 2;
      ctx.stroke();
      if (Number.isFinite(path.x) && Number.isFinite(path.y)) {
        ctx.beginPath();
        ctx.arc(this.px(path.x), this.py(path.y), 5, 0, 2 * Math.PI);
        ctx.fillStyle = path.color;
        ctx.fill();
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
    }
  }
}
