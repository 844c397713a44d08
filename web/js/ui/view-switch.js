// @ts-check
// The 3-D tool: shows the race on the landscape as a 3-D surface (render/surface3d.js)
// in the 2-D map's place and size. Opening the tool switches to 3-D; its button or
// closing the tool switches back. Without WebGL2 the tool says why; the 2-D map remains.
import { el } from './dom.js';
import { SurfaceView3D, webgl2Problem } from '../render/surface3d.js';

/**
 * @param {HTMLElement} root the tool's body
 * @param {{ map: ReturnType<typeof import('./race-map.js').mountRaceMap> }} app
 */
export function mountViewSwitch(root, { map }) {
  const stack = map.view.stack;
  const canvas3d = /** @type {HTMLCanvasElement} */ (el('canvas', { id: 'surface3d', tabindex: '0', role: 'img', hidden: true,
    'aria-label': '3-D surface of the landscape with the optimizers\' paths. Drag or use the arrow keys to rotate, the wheel, a pinch or + and - to zoom.' }));
  const button = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'view-3d', 'aria-pressed': 'false' }, '3-D view'));
  const note = el('span', { id: 'view-3d-note', class: 'muted small' });
  root.append(el('div', { class: 'view-switch' }, button, ' ', note));
  map.wrap.append(canvas3d);

  const problem = webgl2Problem(canvas3d);
  /** @type {SurfaceView3D | null} */
  let view = null;
  if (problem) {
    button.disabled = true;
    note.textContent = `3-D view unavailable: ${problem}. The 2-D map remains.`;
  } else {
    try {
      view = new SurfaceView3D(canvas3d);
      view.onchange = () => map.draw();
      note.textContent = 'Drag to rotate, wheel or pinch to zoom; arrow keys and + / − with the view focused.';
    } catch (e) {
      button.disabled = true;
      note.textContent = `3-D view unavailable: ${/** @type {Error} */ (e).message}. The 2-D map remains.`;
    }
  }
  let active = false;
  /** @type {null | (() => any)} */
  let pending = null;
  /** @type {any} */
  let domain = null;

  const show = (/** @type {boolean} */ on) => {
    // Take the 2-D map's size while it is still laid out.
    const width = stack.clientWidth || canvas3d.clientWidth || 600, height = stack.clientHeight || canvas3d.clientHeight || 450;
    active = on && view !== null;
    canvas3d.hidden = !active;
    stack.hidden = active;
    button.setAttribute('aria-pressed', String(active));
    button.textContent = active ? '2-D view' : '3-D view';
    if (active) {
      canvas3d.style.width = `${width}px`;
      canvas3d.style.height = `${height}px`;
      if (pending) { view?.setSurface(pending(), domain); pending = null; }
    }
    map.draw();
  };
  button.addEventListener('click', () => show(!active));

  const threeD = {
    get active() { return active; },
    canvas: canvas3d,
    /** A new landscape; sampled only when the 3-D view shows. @param {() => any} sample @param {any} d */
    setSurface(sample, d) {
      domain = d;
      pending = sample;
      if (active && view) { view.setSurface(pending(), domain); pending = null; }
    },
    /** @param {{points: Float64Array, length: number}[]} trails @param {{x: number, y: number, color: string}[]} runners */
    draw(trails, runners) { if (active && view) view.draw({ trails, runners }); },
  };
  map.attach3d(threeD);
  show(true);
  return { open: () => show(true), close: () => show(false), show, view, get active() { return active; } };
}
