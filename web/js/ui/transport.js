// @ts-check
// Play / pause, single step, reset, speed (steps per frame), the step counter and
// "Copy link": the race's transport, always in view.
import { el, setText } from './dom.js';
import { steps } from './format.js';
import { propertySpec } from '../state/properties.js';
import { copyText } from './copy-text.js';

const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession,
 *   race: { step: () => void, reset: () => void }, currentLink: () => string, announcer: { say: (t: string) => void } }} app
 */
export function mountTransport(root, { store, session, race, currentLink, announcer }) {
  const play = el('button', { type: 'button', id: 'play', class: 'primary',
    onclick: () => store.setState({ playing: !store.getState().playing }) }, 'Play');
  const stepButton = el('button', { type: 'button', id: 'step', onclick: race.step, title: 'Advance one step' }, 'Step');
  const resetButton = el('button', { type: 'button', id: 'reset', onclick: race.reset, title: 'Back to the start' }, 'Reset');
  const spec = propertySpec('speed');
  const speed = el('select', { id: 'speed', title: 'Steps per frame',
    onchange: () => store.setState({ speed: Number(speed.value) }) },
  ...SPEEDS.filter((s) => s >= (spec.min ?? 1) && s <= (spec.max ?? 1000)).map((s) => el('option', { value: String(s) }, String(s))));
  const stepCount = el('span', { id: 'step-count', class: 'step-count', 'aria-live': 'off' }, 'Step 0');
  const linkField = el('input', { type: 'text', readonly: true, hidden: true, class: 'code-field', id: 'copy-link-field', 'aria-label': 'Link to this race' });
  const copy = el('button', { type: 'button', id: 'copy-link', class: 'small', title: 'Copy a link to this race, with every setting',
    onclick: async () => announcer.say(await copyText(currentLink(), linkField) ? 'Link copied.' : 'Copying was refused: the link is selected, copy it with Ctrl+C.'),
  }, 'Copy link');
  root.append(play, stepButton, resetButton,
    el('label', { class: 'inline speed-field' }, el('span', { class: 'speed-label' }, 'Speed'), speed), stepCount, copy, linkField);

  const showSteps = () => {
    const n = session.steps;
    if (stepCount.dataset.step === String(n)) return;
    setText(stepCount, `Step ${steps(n)}`);
    stepCount.dataset.step = String(n);
  };
  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) {
      setText(play, s.playing ? 'Pause' : 'Play');
      play.setAttribute('aria-pressed', String(s.playing));
      if (!SPEEDS.includes(s.speed) && ![...speed.options].some((o) => o.value === String(s.speed))) {
        speed.append(el('option', { value: String(s.speed) }, String(s.speed)));
      }
      speed.value = String(s.speed);
      showSteps();
    },
    frame: showSteps,
    restart: showSteps,
  };
}
