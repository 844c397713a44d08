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
 * @param {{ canvas: HTMLCanvasElement, csv: () => string, name: () => string,
 *   python?: (fromScratch: boolean) => string }} app python: the race as a PyTorch script (export/pytorch-script.js)
 */
export function mountExport(root, { canvas, csv, name, python }) {
  const png = el('button', { type: 'button', id: 'export-png',
    onclick: () => canvas.toBlob((b) => { if (b) download(b, `${name()}.png`); }, 'image/png') }, 'Download PNG');
  const table = el('button', { type: 'button', id: 'export-csv',
    onclick: () => download(new Blob([csv()], { type: 'text/csv' }), `${name()}.csv`) }, 'Download CSV');
  const pyButton = (/** @type {boolean} */ fromScratch, /** @type {string} */ id, /** @type {string} */ label) => el('button', { type: 'button', id,
    onclick: () => {
      try {
        download(new Blob([python?.(fromScratch) ?? ''], { type: 'text/x-python' }), `${name()}${fromScratch ? '-sgd-from-scratch' : ''}.py`);
      } catch (e) {
        note.textContent = `No PyTorch script for this race: ${/** @type {Error} */ (e).message}.`;
      }
    } }, label);
  const note = el('p', { class: 'small muted', 'aria-live': 'polite' },
    python ? 'The CSV lists every recorded point: runner, step, x, y, loss. The PyTorch script rebuilds this race with torch.optim and prints the same CSV; "SGD from scratch" is coding exercise 1\'s answer key.'
      : 'The CSV lists every recorded point: runner, step, x, y, loss.');
  root.append(el('div', { class: 'row' }, png, table,
    ...(python ? [pyButton(false, 'export-python', 'PyTorch script'), pyButton(true, 'export-python-scratch', 'SGD from scratch (.py)')] : [])), note);
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
