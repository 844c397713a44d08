// @ts-check
// Axis ticks at "nice" values (1, 2, 5 x 10^k) and their drawing around a plot area.

/**
 * About `count` round tick values covering [min, max].
 * @param {number} min @param {number} max @param {number} [count]
 */
export function niceTicks(min, max, count = 5) {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min];
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

/** Tick label without float noise (0.30000000000000004 -> "0.3"). @param {number} t */
export function tickLabel(t) {
  return String(Number(t.toPrecision(6)));
}

/**
 * Draws x and y axes with ticks and labels along the plot rectangle.
 * @param {CanvasRenderingContext2D} g
 * @param {{left: number, top: number, width: number, height: number}} plot
 * @param {{xmin: number, xmax: number, ymin: number, ymax: number}} domain
 * @param {(x: number) => number} px @param {(y: number) => number} py
 * @param {{font: string, color: string}} style
 */
export function drawAxes(g, plot, domain, px, py, style) {
  g.save();
  g.strokeStyle = style.color;
  g.fillStyle = style.color;
  g.font = style.font;
  g.lineWidth = 1;
  g.strokeRect(plot.left + 0.5, plot.top + 0.5, plot.width - 1, plot.height - 1);
  const bottom = plot.top + plot.height;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const t of niceTicks(domain.xmin, domain.xmax, Math.max(2, Math.round(plot.width / 80)))) {
    const u = Math.round(px(t)) + 0.5;
    g.beginPath(); g.moveTo(u, bottom); g.lineTo(u, bottom + 5); g.stroke();
    g.fillText(tickLabel(t), u, bottom + 7);
  }
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const t of niceTicks(domain.ymin, domain.ymax, Math.max(2, Math.round(plot.height / 60)))) {
    const v = Math.round(py(t)) + 0.5;
    g.beginPath(); g.moveTo(plot.left, v); g.lineTo(plot.left - 5, v); g.stroke();
    g.fillText(tickLabel(t), plot.left - 7, v);
  }
  g.restore();
}
