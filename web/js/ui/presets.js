// @ts-check
// A button per preset experiment, with its two-sentence explanation.
import { el } from './dom.js';
import { PRESETS } from '../content/presets.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, reducedMotion: boolean }} app
 */
export function mountPresets(root, { store, reducedMotion }) {
  const apply = (/** @type {import('../content/presets.js').Preset} */ p) =>
    store.setState({ ...structuredClone(p.state), selected: 0, playing: !reducedMotion });
  const explanation = el('p', { class: 'preset-text', id: 'preset-text', 'aria-live': 'polite' },
    'Each button sets up one of the chapter\'s experiments.');
  const buttons = PRESETS.map((p) => el('button', { type: 'button', class: 'preset', dataset: { preset: p.id },
    onclick: () => {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === /** @type {any} */ (buttons)[PRESETS.indexOf(p)]));
      explanation.textContent = p.text;
      apply(p);
    } }, p.title));
  for (const b of buttons) b.setAttribute('aria-pressed', 'false');
  root.append(el('div', { class: 'preset-list' }, ...buttons), explanation);
}
