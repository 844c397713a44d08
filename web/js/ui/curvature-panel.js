// @ts-check
// The Hessian at the inspected runner's current point, on demand: its eigenvalues,
// the condition number κ = λmax/λmin when both are positive (the chapter's ravine
// explanation), and the eigen-directions, drawn on the map. At a saddle it says
// "negative eigenvalue" instead of a κ.
import { el } from './dom.js';
import { compact, fixed } from './format.js';
import { eigenLines } from '../render/motion-arrows.js';

/**
 * @typedef {{lambdaMin: number, lambdaMax: number, vMin: {x: number, y: number}, vMax: {x: number, y: number},
 *   kind: string, conditionNumber: number, description: string}} Curvature
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession,
 *   map: ReturnType<typeof import('./race-map.js').mountRaceMap> }} app
 */
export function mountCurvature(root, { store, session, map }) {
  /** The Hessian at the inspected runner, its eigen-directions drawn on the map. @returns {{ at: {x: number, y: number}, c: Curvature, label: string } | null} */
  const analyse = () => {
    const s = store.getState();
    const f = session.frame[s.selected];
    if (!f || !Number.isFinite(f.x) || !Number.isFinite(f.y)) return null;
    const c = session.curvature(f.x, f.y);
    map.setExtraArrows(eigenLines(f, c, map.view.scale));
    return { at: { x: f.x, y: f.y }, c, label: session.labels[s.selected] };
  };
  const clear = () => map.setExtraArrows([]);
  const out = el('div', { id: 'curvature-result', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', id: 'curvature-button', onclick: () => show(analyse()) }, 'Analyse the curvature at the inspected runner');
  const hide = el('button', { type: 'button', class: 'small', onclick: () => { clear(); out.replaceChildren(); } }, 'Clear');
  root.append(el('div', { class: 'row' }, button, hide), out);

  /** @param {ReturnType<typeof analyse>} r */
  function show(r) {
    if (!r) { out.replaceChildren(el('p', {}, 'No runner to analyse.')); return; }
    const { c, at, label } = r;
    const finite = Number.isFinite(c.lambdaMin) && Number.isFinite(c.lambdaMax);
    let verdict;
    if (!finite) verdict = 'The Hessian is not finite here.';
    else if (c.lambdaMin < 0 && c.lambdaMax > 0) verdict = 'Negative eigenvalue: this is a saddle region — downhill along one direction, uphill along the other. A condition number does not apply.';
    else if (c.lambdaMax < 0) verdict = 'Both eigenvalues are negative: the surface curves down in every direction (a local maximum region).';
    else if (c.lambdaMin <= 0) verdict = 'An eigenvalue is zero or negative: the surface is flat or curves down along one direction, so a condition number does not apply.';
    else verdict = `Condition number κ = λmax / λmin = ${compact(c.conditionNumber)}. The steepest direction curves ${compact(c.conditionNumber)} times more than the flattest one, so a learning rate small enough for the steep direction crawls along the flat one.`;
    out.replaceChildren(
      el('p', {}, `${label} at (${fixed(at.x, 3)}, ${fixed(at.y, 3)}): ${c.kind}.`),
      el('ul', {},
        el('li', {}, `λmax = ${compact(c.lambdaMax)} along (${fixed(c.vMax.x, 3)}, ${fixed(c.vMax.y, 3)}) — solid white line`),
        el('li', {}, `λmin = ${compact(c.lambdaMin)} along (${fixed(c.vMin.x, 3)}, ${fixed(c.vMin.y, 3)}) — dashed white line`)),
      el('p', { id: 'curvature-verdict' }, verdict));
  }
  // The lines belong to a point of a race: a restart or a closed tool takes them away.
  return { restart: clear, close: clear };
}
