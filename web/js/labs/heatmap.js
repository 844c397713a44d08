// @ts-check
// A decision boundary: class probabilities on a grid (row 0 at the top) drawn
// into a canvas, with the dataset's points on top.

/** Class colours (RGB): orange, blue, green — the points use darker versions. */
export const CLASS_RGB = [[230, 159, 0], [0, 114, 178], [0, 158, 115]];

/**
 * @param {HTMLCanvasElement} canvas
 * @param {Float32Array | Float64Array} probs n*n*classes, row-major from the top
 * @param {number} n @param {number} classes
 * @param {{trainX: Float64Array, trainY: Int32Array, valX: Float64Array, valY: Int32Array, extent: number} | null} points
 */
export function drawBoundary(canvas, probs, n, classes, points) {
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const img = new ImageData(n, n);
  for (let cell = 0; cell < n * n; ++cell) {
    let r = 0;
    let g = 0;
    let b = 0;
    let pmax = 0;
    let valid = true;
    for (let k = 0; k < classes; ++k) {
      const p = probs[cell * classes + k];
      if (!Number.isFinite(p)) { valid = false; break; }
      r += p * CLASS_RGB[k][0];
      g += p * CLASS_RGB[k][1];
      b += p * CLASS_RGB[k][2];
      pmax = Math.max(pmax, p);
    }
    // Confident regions keep their class colour (lightened so the points stay visible); uncertain ones fade to white.
    const conf = valid ? (pmax - 1 / classes) / (1 - 1 / classes) : 0;
    const keep = 0.25 + 0.4 * conf;
    const o = 4 * cell;
    img.data[o] = valid ? 255 - keep * (255 - r) : 200;
    img.data[o + 1] = valid ? 255 - keep * (255 - g) : 200;
    img.data[o + 2] = valid ? 255 - keep * (255 - b) : 200;
    img.data[o + 3] = 255;
  }
  const off = new OffscreenCanvas(n, n);
  /** @type {OffscreenCanvasRenderingContext2D} */ (off.getContext('2d')).putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
  if (!points) return;
  const e = points.extent;
  const sx = canvas.width / (2 * e);
  const sy = canvas.height / (2 * e);
  // Points grow with the page's type size (large-type mode), as the race's markers do.
  const typeScale = Math.max(1, (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16);
  const dot = Math.max(1.5, canvas.width / 110) * typeScale;
  const plot = (/** @type {Float64Array} */ xs, /** @type {Int32Array} */ ys, /** @type {boolean} */ hollow) => {
    for (let i = 0; i < ys.length; ++i) {
      const [cr, cg, cb] = CLASS_RGB[ys[i]];
      const px = (xs[2 * i] + e) * sx;
      const py = (e - xs[2 * i + 1]) * sy;
      ctx.beginPath();
      ctx.arc(px, py, dot, 0, 2 * Math.PI);
      const col = `rgb(${cr * 0.75},${cg * 0.75},${cb * 0.75})`;
      if (hollow) { ctx.strokeStyle = col; ctx.lineWidth = 1.2; ctx.stroke(); }
      else { ctx.fillStyle = col; ctx.fill(); ctx.strokeStyle = '#fff'; ctx.lineWidth = 0.6; ctx.stroke(); }
    }
  };
  plot(points.trainX, points.trainY, false);
  plot(points.valX, points.valY, true);
}
