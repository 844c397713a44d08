// @ts-check
// The optimizers tool: which optimizers race (a checkbox per optimizer of the core),
// and per runner its hyperparameters, its lr schedule and clipping, "copy" and "remove". The live readouts are in
// the race itself (readouts.js).
import { el } from './dom.js';
import { markerIcon } from '../render/markers.js';
import { runnerStyle } from '../render/palette.js';
import { hyperparamPanel } from './hyperparams.js';
import { scheduleControls } from './schedule-controls.js';
import { MAX_RUNNERS } from '../state/properties.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, core: import('../core/wrap-core.js').Core,
 *   session: import('../race/session.js').RaceSession }} app
 */
export function mountRunnerList(root, app) {
  const { store, core, session } = app;
  const picker = el('fieldset', { class: 'picker', id: 'picker' }, el('legend', {}, 'Race these optimizers'));
  /** @type {Map<string, HTMLInputElement>} */
  const boxes = new Map();
  for (const o of core.optimizers) {
    const box = el('input', { type: 'checkbox', value: o.id, dataset: { optimizer: o.id }, id: `pick-${o.id}` });
    box.addEventListener('change', () => {
      const s = store.getState();
      const runners = box.checked
        ? [...s.runners, { optimizer: o.id, params: {} }].slice(0, MAX_RUNNERS)
        : s.runners.filter((r) => r.optimizer !== o.id);
      store.setState({ runners, selected: Math.min(s.selected, Math.max(0, runners.length - 1)) });
    });
    boxes.set(o.id, box);
    picker.append(el('label', { class: 'pick' }, box, o.displayName));
  }
  const list = el('ol', { class: 'runner-list', id: 'runner-settings', 'aria-label': 'Runners and their hyperparameters' });
  root.append(picker, list);
  let builtFor = '';

  /** @param {import('../state/store.js').AppState} s */
  function build(s) {
    const labels = session.labels;
    list.replaceChildren(...s.runners.map((r, i) => {
      const { color, shape } = runnerStyle(i);
      const copy = el('button', { type: 'button', class: 'small', title: 'Race a copy of this optimizer', disabled: s.runners.length >= MAX_RUNNERS,
        onclick: () => store.setState({ runners: [...s.runners.slice(0, i + 1), structuredClone(r), ...s.runners.slice(i + 1)] }) }, 'Copy');
      const remove = el('button', { type: 'button', class: 'small', 'aria-label': `Remove ${labels[i]}`,
        onclick: () => store.setState({ runners: s.runners.filter((_, k) => k !== i), selected: Math.max(0, Math.min(s.selected, s.runners.length - 2)) }) }, 'Remove');
      const card = el('li', { class: 'runner runner-config', dataset: { index: String(i), optimizer: r.optimizer } },
        el('div', { class: 'runner-head' },
          el('span', { class: 'runner-name' }, markerIcon(shape.d, color, 18), el('span', { class: 'name' }, labels[i])),
          el('span', { class: 'runner-actions' }, copy, remove)),
        hyperparamPanel(app, i), scheduleControls(app, i));
      card.style.setProperty('--runner-color', color); // CSSOM, not a style attribute: allowed by the CSP
      return card;
    }));
  }

  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) {
      for (const [id, box] of boxes) box.checked = s.runners.some((r) => r.optimizer === id);
      const key = JSON.stringify([s.runners, s.lr, session.labels]);
      if (key !== builtFor) { builtFor = key; build(s); }
    },
  };
}
