// @ts-check
// Polite, dismissible notices (e.g. link settings that were ignored), as text only.
import { el } from './dom.js';

/** @param {HTMLElement} root @param {string[]} messages */
export function showNotices(root, messages) {
  if (messages.length === 0) { root.hidden = true; return; }
  const close = el('button', { type: 'button', class: 'small', onclick: () => { root.hidden = true; } }, 'Dismiss');
  root.replaceChildren(el('p', {}, 'Some settings in the link could not be used; the rest of the race is loaded.'),
    el('ul', {}, ...messages.slice(0, 8).map((m) => el('li', {}, m))),
    ...(messages.length > 8 ? [el('p', {}, `…and ${messages.length - 8} more.`)] : []), close);
  root.hidden = false;
}
