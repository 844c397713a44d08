// @ts-check
// Play / pause, single step, reset and speed (steps per frame).
import { el } from './dom.js';
import { propertySpec } from '../state/properties.js';

const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, step: () => void, reset: () => void }} app
 */
export function mountTransport(root, { store, step, reset }) {
  const play = el('button', { type: 'button', id: 'play', class: 'primary',
    onclick: () => store.setState({ playing: !store.getState().playing }) }, 'Play');
  const stepButton = el('button', { type: 'button', id: 'step', onclick: step, title: 'Advance one step' }, 'Step');
  const resetButton = el('button', { type: 'button', id: 'reset', onclick: reset, title: 'Back to the start' }, 'Reset');
  const spec = propertySpec('speed');
  const speed = el('select', { id: 'speed',
    onchange: () => store.setState({ speed: Number(speed.value) }) },
  ...SPEEDS.filter((s) => s >= (spec.min ?? 1) && s <= (spec.max ?? 1000)).map((s) => el('option', { value: String(s) }, String(s))));
  const stepCount = el('span', { id: 'step-count', class: 'step-count' }, 'Step 0');
  root.append(play, stepButton, resetButton,
    el('label', { class: 'inline' }, 'Steps per frame ', speed), stepCount);

  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) {
      play.textContent = s.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(s.playing));
      if (!SPEEDS.includes(s.speed)) speed.append(el('option', { value: String(s.speed) }, String(s.speed)));
      speed.value = String(s.speed);
    },
    /** @param {number} steps */
    showSteps(steps) {
      stepCount.textContent = `Step ${steps.toLocaleString('en-US')}`;
      stepCount.dataset.step = String(steps);
    },
  };
}
