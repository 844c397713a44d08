// @ts-check
// "Inside the optimizer": the named buffers of the inspected runner after its last
// step (gradient, velocity or first moment, second moment, bias-corrected values,
// the step taken), live, as the core reports them; and whether the gradient and
// velocity arrows are drawn on the map.
import { el, setText } from './dom.js';
import { compact, steps as formatSteps } from './format.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession }} app
 */
export function mountInside(root, { store, session }) {
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
  /** The inspected runner's buffers after its last step. */
  const show = () => {
    const s = store.getState();
    const sel = Math.min(s.selected, session.frame.length - 1);
    const f = session.frame[sel];
    if (!f || sel < 0) return;
    arrows.checked = s.showArrows;
    render(session.labels[sel], f.steps, session.buffers(sel));
  };
  /**
   * @param {string} label @param {number} steps
   * @param {{name: string, label: string, latex: string, persistent: boolean, values: number[]}[]} buffers
   */
  function render(label, steps, buffers) {
    setText(title, `${label}, after step ${formatSteps(steps)}`);
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
      setText(cells[i][0], compact(b.values[0]));
      setText(cells[i][1], compact(b.values[1]));
    });
  }
  return { update: show, frame: show, restart: show };
}
