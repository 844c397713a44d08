// @ts-check
// The update rule of the inspected runner's optimizer, typeset: torch's form (what
// the core runs) and, where it differs, the chapter's textbook form.
import { el } from './dom.js';
import { UPDATE_RULES } from '../content/update-rules.js';
import { typeset } from './katex-loader.js';

/**
 * @param {HTMLElement} root
 * @param {{ core: import('../core/wrap-core.js').Core }} app
 */
export function mountUpdateRule(root, { core }) {
  const body = el('div', { class: 'rule-body' });
  root.append(body);
  let shown = '';
  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) { this.show(s.runners[Math.min(s.selected, s.runners.length - 1)]?.optimizer); },
    /** @param {string | undefined} optimizerId */
    show(optimizerId) {
      if (!optimizerId || optimizerId === shown) return;
      shown = optimizerId;
      const rule = UPDATE_RULES[optimizerId];
      const name = core.optimizer(optimizerId).displayName;
      if (!rule) { body.replaceChildren(el('p', {}, `No rule is written down for ${name} yet.`)); return; }
      const torch = el('div', { class: 'math' });
      const parts = [el('h3', {}, `${name} as torch.optim runs it`), torch];
      const textbook = el('div', { class: 'math' });
      if (rule.textbook) parts.push(el('h3', {}, 'The chapter\'s textbook form'), textbook);
      if (rule.difference) parts.push(el('p', { class: 'small' }, rule.difference));
      body.replaceChildren(...parts);
      typeset(torch, rule.torch);
      if (rule.textbook) typeset(textbook, rule.textbook);
    },
  };
}
