// @ts-check
// Export: a PNG of the map with the trajectories, and the trajectories as CSV
// (runner, step, x, y, loss: the core's recorded points, thinned the way the core
// bounds long runs).
import { el } from './dom.js';

/** @param {Blob} blob @param {string} name */
function download(blob, name) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * @param {HTMLElement} root
 * @param {{ canvas: HTMLCanvasElement, csv: () => string, name: () => string }} app
 */
export function mountExport(root, { canvas, csv, name }) {
  const png = el('button', { type: 'button', id: 'export-png',
    onclick: () => canvas.toBlob((b) => { if (b) download(b, `${name()}.png`); }, 'image/png') }, 'Download PNG');
  const table = el('button', { type: 'button', id: 'export-csv',
    onclick: () => download(new Blob([csv()], { type: 'text/csv' }), `${name()}.csv`) }, 'Download CSV');
  root.append(el('div', { class: 'row' }, png, table),
    el('p', { class: 'small muted' }, 'The CSV lists every recorded point: runner, step, x, y, loss.'));
}

/**
 * Trajectories as CSV text. Labels are quoted; numbers are written exactly.
 * @param {string[]} labels @param {{points: Float64Array, steps: Float64Array}[]} trajectories
 */
export function trajectoriesCsv(labels, trajectories) {
  const lines = ['runner,step,x,y,loss'];
  trajectories.forEach(({ points, steps }, r) => {
    const label = `"${labels[r].replaceAll('"', '""')}"`;
    for (let k = 0; k < steps.length; k++) {
      lines.push(`${label},${steps[k]},${points[3 * k]},${points[3 * k + 1]},${points[3 * k + 2]}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
