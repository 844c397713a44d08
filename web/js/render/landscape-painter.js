// @ts-check
// The one painter of a landscape's background: the core's sampled surface as a
// viridis heatmap, its contour lines, and the minima. The race view, the quiz race
// view and the basins panel all draw through it, so a minimum or a contour looks the
// same wherever a student meets it. It paints into a context it is given and knows
// nothing of the page; `toPx` maps a domain point to the context's pixels.
import { VIRIDIS_LUT } from './colormap.js';

/**
 * @typedef {ReturnType<import('../core/wrap-core.js').Race['surface']>} Surface
 * @typedef {{x: number, y: number, global: boolean}} Minimum
 * @typedef {(x: number, y: number) => [number, number]} ToPixel
 * @typedef {{ left: number, top: number, width: number, height: number }} Rect
 */

/**
 * The surface's values as a small image (one pixel per sample, row 0 at the top is ymax).
 * @param {Surface} s @returns {HTMLCanvasElement}
 */
function heatmapImage(s) {
  const image = new ImageData(s.nx, s.ny);
  const span = s.max > s.min ? s.max - s.min : 1;
  for (let j = 0; j < s.ny; j++) {
    const row = (s.ny - 1 - j) * s.nx; // grid row 0 is ymin: the bottom of the image
    for (let i = 0; i < s.nx; i++) {
      const v = s.values[j * s.nx + i];
      const k = Number.isFinite(v) ? Math.round(((v - s.min) / span) * 255) * 3 : 765;
      const o = (row + i) * 4;
      image.data[o] = VIRIDIS_LUT[k];
      image.data[o + 1] = VIRIDIS_LUT[k + 1];
      image.data[o + 2] = VIRIDIS_LUT[k + 2];
      image.data[o + 3] = 255;
    }
  }
  const small = document.createElement('canvas');
  small.width = s.nx;
  small.height = s.ny;
  /** @type {CanvasRenderingContext2D} */ (small.getContext('2d')).putImageData(image, 0, 0);
  return small;
}

/**
 * Heatmap stretched over `rect`, then the contour lines (clipped to `rect`).
 * @param {CanvasRenderingContext2D} g @param {Surface} s @param {Rect} rect @param {ToPixel} toPx
 * @param {{ contourAlpha?: number, lineWidth?: number }} [style]
 */
export function paintSurface(g, s, rect, toPx, { contourAlpha = 0.4, lineWidth = 0.8 } = {}) {
  g.save();
  // Bilinear stretching: the sampled values vary smoothly, and the browser's 'high' (bicubic)
  // filter cost three times as much in software for no difference that shows.
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'low';
  g.drawImage(heatmapImage(s), rect.left, rect.top, rect.width, rect.height);
  g.beginPath();
  g.rect(rect.left, rect.top, rect.width, rect.height);
  g.clip();
  // At most one device pixel wide: a line up to a pixel is drawn by the rasteriser's fast thin-line
  // path, a wider one is outlined and filled, which on a high-DPI phone (0.8 CSS px = 1.4 device
  // px) made the contours the most expensive part of the page's first frame (bench/NOTES.md). A
  // thinner line is drawn more opaque, so the contours look as strong as before.
  const devicePixelsPerUnit = Math.abs(g.getTransform().a) || 1;
  const width = Math.min(lineWidth, 1 / devicePixelsPerUnit);
  g.lineWidth = width;
  g.strokeStyle = `rgba(255, 255, 255, ${Math.min(1, (contourAlpha * lineWidth) / width).toFixed(3)})`;
  g.beginPath();
  const { points, offsets } = s;
  for (let k = 0; k + 1 < offsets.length; k++) {
    for (let p = offsets[k]; p < offsets[k + 1]; p++) {
      const [u, v] = toPx(points[2 * p], points[2 * p + 1]);
      if (p === offsets[k]) g.moveTo(u, v); else g.lineTo(u, v);
    }
  }
  g.stroke();
  g.restore();
}

/**
 * The minima: the global ones large and yellow, the others small and white, or each in
 * its own colour (`colorOf`, the basins panel's categories). `scale` multiplies every size
 * (device pixels, large type).
 * @param {CanvasRenderingContext2D} g @param {Minimum[]} minima @param {ToPixel} toPx
 * @param {{ scale?: number, colorOf?: (index: number) => string }} [style]
 */
export function paintMinima(g, minima, toPx, { scale = 1, colorOf } = {}) {
  g.save();
  minima.forEach((m, k) => {
    const [u, v] = toPx(m.x, m.y);
    g.beginPath();
    g.arc(u, v, (colorOf ? 5.5 : m.global ? 7 : 4.5) * scale, 0, 2 * Math.PI);
    g.fillStyle = colorOf ? colorOf(k) : m.global ? '#ffe14d' : 'rgba(255, 255, 255, 0.85)';
    g.fill();
    g.lineWidth = (colorOf ? 2 : 1.5) * scale;
    g.strokeStyle = colorOf ? '#fff' : '#111';
    g.stroke();
  });
  g.restore();
}
