// @ts-check
// The shared learning rate: a log slider, shown with 4 decimals as in the chapter.
import { el, setText } from './dom.js';
import { propertySpec } from '../state/properties.js';
import { learningRate } from './format.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store }} app
 */
export function mountLearningRate(root, { store }) {
  const spec = propertySpec('lr');
  const out = el('output', { id: 'lr-value', for: 'lr' }, '');
  const lr = el('input', { type: 'range', id: 'lr', min: String(Math.log10(spec.min ?? 1e-4)),
    max: String(Math.log10(spec.max ?? 1)), step: '0.01', 'aria-valuetext': '' });
  lr.addEventListener('input', () => store.setState({ lr: Number((10 ** Number(lr.value)).toPrecision(3)) }));
  root.append(el('div', { class: 'field lr-field' }, el('label', { for: 'lr' }, 'Learning rate (shared)'), out, lr));
  return {
    /** @param {import('../state/store.js').AppState} s @param {Set<string>} changed */
    update(s, changed) {
      if (!changed.has('lr')) return;
      if (document.activeElement !== lr || Math.abs(10 ** Number(lr.value) - s.lr) > s.lr * 0.02) lr.value = String(Math.log10(s.lr));
      setText(out, learningRate(s.lr));
      lr.setAttribute('aria-valuetext', learningRate(s.lr));
    },
  };
}
