// @ts-check
// One panel that fails must not take the page with it: a panel is mounted through
// mountGuarded, and if its mount throws (or its promise rejects) the panel's own section
// says so in its place, the error goes to the console, and a stand-in whose methods do
// nothing takes the panel's part, so the race and the other panels go on.
import { el } from './dom.js';

/**
 * A stand-in for a panel that could not start: every method exists and does nothing, except
 * the properties given in `known`. (`then` stays undefined: it is never taken for a promise.)
 * @param {Record<string, unknown>} [known]
 * @returns {any}
 */
export function inertPanel(known = {}) {
  return new Proxy(known, { get: (target, key) => (key in target ? target[/** @type {string} */ (key)] : key === 'then' ? undefined : () => undefined) });
}

/**
 * Shows in `root` that the panel `name` could not start.
 * @param {HTMLElement | null} root @param {string} name @param {unknown} err
 */
export function showPanelFailure(root, name, err) {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`The ${name} panel could not start: ${message}`, err);
  if (!root) return;
  root.append(el('p', { class: 'panel-broken', role: 'alert', 'data-panel-failed': name },
    `This panel (${name}) could not start: ${message}. The rest of the page still works.`));
}

/**
 * Mounts a panel; on failure shows the message in `root` and returns `fallback`.
 * For a mount that returns a promise, the promise resolves to `fallback` if it rejects.
 * @template T
 * @param {string} name what the reader calls the panel ("presets", "loss chart")
 * @param {HTMLElement | null} root the panel's section, where the message goes
 * @param {() => T} mount
 * @param {any} [fallback] what stands in for the panel's API (default: inertPanel())
 * @returns {T}
 */
export function mountGuarded(name, root, mount, fallback = inertPanel()) {
  try {
    const panel = mount();
    if (panel && typeof (/** @type {any} */ (panel).then) === 'function') {
      return /** @type {any} */ (/** @type {Promise<unknown>} */ (/** @type {unknown} */ (panel)).catch((err) => {
        showPanelFailure(root, name, err);
        return fallback;
      }));
    }
    return panel;
  } catch (err) {
    showPanelFailure(root, name, err);
    return fallback;
  }
}
