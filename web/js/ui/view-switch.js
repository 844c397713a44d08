// @ts-check
// Switches the stage between the 2-D map and the 3-D surface (render/surface3d.js):
// both show the same race; the 3-D canvas takes the 2-D canvas's place and size.
// Without WebGL2 the switch is disabled and says why; the 2-D view remains.
import { el } from './dom.js';
import { SurfaceView3D, webgl2Problem } from '../render/surface3d.js';

/**
 * @param {HTMLCanvasElement} canvas2d the 2-D map
 * @param {{ redraw: () => void }} deps
 */
export function mountViewSwitch(canvas2d, { redraw }) {
  const wrap = /** @type {HTMLElement} */ (canvas2d.parentElement);
  const canvas3d = /** @type {HTMLCanvasElement} */ (el('canvas', { id: 'surface3d', tabindex: '0', role: 'img', hidden: true,
    'aria-label': '3-D surface of the landscape with the optimizers\' paths. Drag or use the arrow keys to rotate, the wheel, a pinch or + and - to zoom.' }));
  const button = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'view-3d', 'aria-pressed': 'false' }, '3-D view'));
  const note = el('span', { id: 'view-3d-note', class: 'muted small' });
  wrap.after(el('div', { class: 'view-switch' }, button, ' ', note));
  wrap.append(canvas3d);

  const problem = webgl2Problem(canvas3d);
  /** @type {SurfaceView3D | null} */
  let view = null;
  if (problem) {
    button.disabled = true;
    note.textContent = `3-D view unavailable: ${problem}. The 2-D map remains.`;
  } else {
    try {
      view = new SurfaceView3D(canvas3d);
      view.onchange = redraw;
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
    const width = canvas2d.clientWidth || canvas3d.clientWidth || 600, height = canvas2d.clientHeight || canvas3d.clientHeight || 450;
    active = on && view !== null;
    canvas3d.hidden = !active;
    canvas2d.hidden = active;
    button.setAttribute('aria-pressed', String(active));
    button.textContent = active ? '2-D view' : '3-D view';
    if (active) {
      canvas3d.style.width = `${width}px`;
      canvas3d.style.height = `${height}px`;
      if (pending) { view?.setSurface(pending(), domain); pending = null; }
      redraw();
    }
  };
  button.addEventListener('click', () => show(!active));

  return {
    get active() { return active; },
    get canvas() { return active ? canvas3d : canvas2d; },
    view,
    show,
    /** A new landscape; the surface is sampled only when the 3-D view is shown. @param {() => any} sample @param {any} d */
    setSurface(sample, d) {
      domain = d;
      pending = sample;
      if (active && view) {
          view.setSurface(pending(), domain);
        pending = null;
      }
    },
    /** @param {{points: Float64Array, length: number}[]} trails @param {{x: number, y: number, color: string}[]} runners */
    draw(trails, runners) {
      if (active && view) view.draw({ trails, runners });
    },
  };
}
