// @ts-check
// Which optimizers race (a checkbox per optimizer of the core), and a card per
// runner: legend marker and name, the chapter's readout, the step, a status badge,
// "inspect" (the runner the inside view and curvature follow), copy and remove.
import { el } from './dom.js';
import { markerIcon } from '../render/markers.js';
import { runnerStyle } from '../render/palette.js';
import { readout, steps } from './format.js';
import { hyperparamPanel } from './hyperparams.js';
import { statusHeadline, statusText } from '../race/status-text.js';
import { MAX_RUNNERS } from '../state/properties.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, core: import('../core/wrap-core.js').Core }} app
 */
export function mountRunnerList(root, app) {
  const { store, core } = app;
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
  const list = el('ol', { class: 'runner-list', id: 'runners', 'aria-label': 'Runners' });
  root.append(picker, list);

  /** @type {{ readout: HTMLElement, badge: HTMLElement }[]} */
  let cards = [];
  let builtFor = '';

  /** @param {import('../state/store.js').AppState} s @param {string[]} labels */
  function build(s, labels) {
    cards = [];
    list.replaceChildren(...s.runners.map((r, i) => {
      const { color, shape } = runnerStyle(i);
      const readoutEl = el('p', { class: 'readout', dataset: { runner: String(i) } }, readout({ loss: 0, x: s.start.x, y: s.start.y }));
      const badge = el('span', { class: 'badge running', dataset: { status: 'running' } }, 'running');
      cards.push({ readout: readoutEl, badge });
      const inspect = el('input', { type: 'radio', name: 'inspect', checked: s.selected === i, 'aria-label': `Inspect ${labels[i]}`,
        onchange: () => store.setState({ selected: i }) });
      const copy = el('button', { type: 'button', class: 'small', title: 'Race a copy of this optimizer', disabled: s.runners.length >= MAX_RUNNERS,
        onclick: () => store.setState({ runners: [...s.runners.slice(0, i + 1), structuredClone(r), ...s.runners.slice(i + 1)] }) }, 'Copy');
      const remove = el('button', { type: 'button', class: 'small', 'aria-label': `Remove ${labels[i]}`,
        onclick: () => store.setState({ runners: s.runners.filter((_, k) => k !== i), selected: Math.max(0, Math.min(s.selected, s.runners.length - 2)) }) }, 'Remove');
      const card = el('li', { class: 'runner', dataset: { index: String(i), optimizer: r.optimizer } },
        el('div', { class: 'runner-head' },
          el('label', { class: 'runner-name' }, inspect, markerIcon(shape.d, color, 18), el('span', { class: 'name' }, labels[i])),
          el('span', { class: 'sr-only' }, `(${shape.name} marker)`), badge,
          el('span', { class: 'runner-actions' }, copy, remove)),
        readoutEl, hyperparamPanel(app, i));
      card.style.setProperty('--runner-color', color); // CSSOM, not a style attribute: allowed by the CSP
      return card;
    }));
  }

  return {
    /** @param {import('../state/store.js').AppState} s @param {string[]} labels */
    update(s, labels) {
      for (const [id, box] of boxes) box.checked = s.runners.some((r) => r.optimizer === id);
      const key = JSON.stringify([s.runners, s.selected, s.lr, labels]);
      if (key !== builtFor) { builtFor = key; build(s, labels); }
    },
    /**
     * Per-frame: readouts and badges.
     * @param {import('../core/wrap-core.js').RunnerFrame[]} frame
     * @param {(i: number) => import('../race/status-text.js').RunnerStatus} statusOf the core's runner info
     */
    frame(frame, statusOf) {
      frame.forEach((f, i) => {
        const card = cards[i];
        if (!card) return;
        card.readout.textContent = `Step ${steps(f.steps)} · ${readout(f)}`;
        card.readout.dataset.step = String(f.steps);
        if (card.badge.dataset.status !== f.status) {
          card.badge.dataset.status = f.status;
          card.badge.className = `badge ${f.status}`;
          const info = f.status === 'running' ? null : statusOf(i);
          card.badge.textContent = info ? statusHeadline(info) : 'running';
          card.badge.title = info ? statusText(info) : '';
        }
      });
    },
  };
}
