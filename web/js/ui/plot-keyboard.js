// @ts-check
// What the pointer does on a uPlot chart, from the keyboard: with the chart focused, ← and →
// move uPlot's own cursor one data point (PageUp / PageDown: a tenth of the points, Home / End:
// the ends), ↑ and ↓ move between the series that have a value there, Enter or Space choose
// the point (what a click does), Escape hides the cursor. uPlot's hover readout (its live
// legend) follows the cursor as it does for the mouse; `describe` turns the point into a
// sentence for a text readout, so the values are also available as words.

/**
 * @typedef {{ idx: number, series: number }} PlotPoint  idx: index into the x data; series: index into u.series (>= 1)
 * @param {HTMLElement} target the focusable element (tabindex 0) that receives the keys
 * @param {() => any} getPlot the current uPlot instance (charts are rebuilt), or null
 * @param {{ onMove?: (p: PlotPoint, u: any) => void, onChoose?: (p: PlotPoint, u: any) => void, onLeave?: () => void }} handlers
 */
export function attachPlotKeyboard(target, getPlot, { onMove, onChoose, onLeave }) {
  /** @type {PlotPoint | null} */
  let at = null;

  /** The series (>= 1, shown) with a value at idx, in order. @param {any} u @param {number} idx */
  const seriesAt = (u, idx) => {
    const out = [];
    for (let s = 1; s < u.series.length; s++) {
      const v = u.data[s]?.[idx];
      if (u.series[s].show !== false && v != null && Number.isFinite(v)) out.push(s);
    }
    return out;
  };

  /** @param {any} u @param {PlotPoint} p */
  const show = (u, p) => {
    at = p;
    const x = u.data[0][p.idx];
    const y = u.data[p.series]?.[p.idx];
    const scale = u.series[p.series]?.scale ?? 'y';
    const top = y != null && Number.isFinite(y) ? u.valToPos(y, scale) : u.bbox.height / (2 * (globalThis.devicePixelRatio || 1));
    u.setCursor({ left: u.valToPos(x, 'x'), top });
    onMove?.(p, u);
  };

  target.addEventListener('keydown', (e) => {
    const u = getPlot();
    const n = u?.data?.[0]?.length ?? 0;
    if (!u || n === 0) return;
    const big = Math.max(1, Math.round(n / 10));
    let idx = at && at.idx < n ? at.idx : -1;
    let series = at?.series ?? 0;
    switch (e.key) {
      case 'ArrowRight': idx = idx < 0 ? 0 : Math.min(n - 1, idx + 1); break;
      case 'ArrowLeft': idx = idx < 0 ? n - 1 : Math.max(0, idx - 1); break;
      case 'PageUp': idx = Math.min(n - 1, Math.max(0, idx) + big); break;
      case 'PageDown': idx = Math.max(0, (idx < 0 ? n - 1 : idx) - big); break;
      case 'Home': idx = 0; break;
      case 'End': idx = n - 1; break;
      case 'ArrowUp':
      case 'ArrowDown': {
        if (idx < 0) idx = 0;
        const list = seriesAt(u, idx);
        if (list.length === 0) break;
        const k = list.indexOf(series);
        const step = e.key === 'ArrowUp' ? -1 : 1;
        series = list[k < 0 ? 0 : (k + step + list.length) % list.length];
        break;
      }
      case 'Enter':
      case ' ':
        if (!at) return;
        e.preventDefault();
        onChoose?.(at, u);
        return;
      case 'Escape':
        at = null;
        u.setCursor({ left: -10, top: -10 });
        onLeave?.();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (idx < 0) return;
    const list = seriesAt(u, idx);
    if (!list.includes(series)) series = list[0] ?? 1;
    show(u, { idx, series });
  });

  return {
    /** The point the keyboard is on, or null. */
    get point() { return at; },
  };
}
