// @ts-check
// uPlot charts of the labs (uPlot is loaded as a classic script: window.uPlot).

/** @returns {any} */
function uPlotLib() {
  const u = /** @type {any} */ (window).uPlot;
  if (!u) throw new Error('uPlot did not load (vendor/uplot/uPlot.iife.min.js)');
  return u;
}

/** Width of a container for a plot, with a floor so a hidden container still gets a usable chart. @param {HTMLElement} el */
function widthOf(el) {
  return Math.max(260, Math.floor(el.clientWidth || 600));
}

/** Log-axis tick labels: 1e-3 style below 0.01 and above 1e4. @param {any} _u @param {number[]} ticks */
function logTicks(_u, ticks) {
  const decades = ticks.filter((v) => v != null && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9).length;
  // Less than two powers of ten in view: label every tick (1 significant digit) instead.
  if (decades < 2) return ticks.map((v) => (v == null ? '' : String(Number(v.toPrecision(1)))));
  // At most about 8 labelled powers of ten: label every `every`-th one.
  const every = Math.max(1, Math.ceil(decades / 8));
  return ticks.map((v) => {
    if (v == null) return '';
    const e = Math.round(Math.log10(v));
    if (Math.abs(Math.log10(v) - e) > 1e-9 || e % every !== 0) return '';
    return e >= -2 && e <= 4 ? String(Number(v.toPrecision(1))) : `1e${e}`;
  });
}

/**
 * A chart whose size follows its container.
 * @param {HTMLElement} container @param {any} opts uPlot options without width @param {any[]} data
 */
export function createPlot(container, opts, data) {
  const U = uPlotLib();
  container.replaceChildren();
  const plot = new U({ width: widthOf(container), ...opts }, data, container);
  const ro = new ResizeObserver(() => {
    const w = widthOf(container);
    if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: plot.height });
  });
  ro.observe(container);
  return { plot, dispose() { ro.disconnect(); plot.destroy(); } };
}

/** Axes of a log-log plot. @param {string} xLabel @param {string} yLabel */
export function logLogAxes(xLabel, yLabel) {
  return [
    { label: xLabel, values: logTicks, stroke: '#333', grid: { stroke: '#e4e4e4' } },
    { label: yLabel, values: logTicks, stroke: '#333', grid: { stroke: '#e4e4e4' }, size: 60 },
  ];
}

export { logTicks };
