// @ts-check
// "Inside the optimizer": the named buffers of the inspected runner after its last
// step (gradient, velocity or first moment, second moment, bias-corrected values,
// the step taken), live, as the core reports them; and whether the gradient and
// velocity arrows are drawn on the map.
import { el } from './dom.js';
import { compact } from './format.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store }} app
 */
export function mountInside(root, { store }) {
  const title = el('p', { class: 'muted', id: 'inside-runner' });
  const arrows = el('input', { type: 'checkbox', id: 'show-arrows', checked: true,
    onchange: () => store.setState({ showArrows: arrows.checked }) });
  const table = el('table', { class: 'buffers', id: 'buffers' });
  root.append(title,
    el('label', { class: 'inline' }, arrows, ' Draw the gradient (−g, dashed) and velocity / first moment (solid) arrows on the map'),
    table,
    el('p', { class: 'small muted' }, 'Think of a ball with inertia: the gradient is the push at the current point, the velocity is where the ball is already heading. Momentum lets the velocity lag behind the push and smooth its zig-zags.'));
  let layout = '';
  /** @type {HTMLElement[][]} */
  let cells = [];
  return {
    /**
     * @param {string} label @param {number} steps
     * @param {{name: string, label: string, latex: string, persistent: boolean, values: number[]}[]} buffers
     */
    frame(label, steps, buffers) {
      title.textContent = `${label}, after step ${steps.toLocaleString('en-US')}`;
      const key = buffers.map((b) => b.name).join('|');
      if (key !== layout) {
        layout = key;
        cells = [];
        table.replaceChildren(
          el('caption', { class: 'sr-only' }, 'Optimizer buffers, x and y components'),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Buffer'), el('th', { scope: 'col' }, 'x'), el('th', { scope: 'col' }, 'y'))),
          el('tbody', {}, ...buffers.map((b) => {
            const x = el('td', {});
            const y = el('td', {});
            cells.push([x, y]);
            return el('tr', { dataset: { buffer: b.name } },
              el('th', { scope: 'row' }, b.label, b.persistent ? el('span', { class: 'tag' }, 'state') : null), x, y);
          })));
      }
      buffers.forEach((b, i) => {
        cells[i][0].textContent = compact(b.values[0]);
        cells[i][1].textContent = compact(b.values[1]);
      });
    },
  };
}
