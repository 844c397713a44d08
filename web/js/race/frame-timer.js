// @ts-check
// Script time per animation frame (advance + draw), kept for the last N frames,
// with percentiles: the figure the performance test reports.

export class FrameTimer {
  constructor(size = 600) {
    this.samples = new Float64Array(size);
    this.count = 0;
    /** the last landscape sampling and painting (race-map.js drawSurface), and how many there were */
    this.surfaceMs = 0;
    this.surfaces = 0;
  }

  /** @param {number} ms */
  add(ms) {
    this.samples[this.count % this.samples.length] = ms;
    this.count++;
  }

  clear() { this.count = 0; }

  /** The p-th percentile (0-100) of the kept samples, in ms. @param {number} p */
  percentile(p) {
    const n = Math.min(this.count, this.samples.length);
    if (n === 0) return 0;
    const sorted = Array.from(this.samples.subarray(0, n)).sort((a, b) => a - b);
    return sorted[Math.min(n - 1, Math.floor((p / 100) * n))];
  }
}
