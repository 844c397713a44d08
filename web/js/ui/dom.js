// @ts-check
// The page's one DOM helper: builds elements with calls, never HTML text, so nothing
// from a URL, a lesson, a quiz file or the core can become markup. Every module of the
// page (panels, lessons, quizzes, the quiz race view) builds its DOM through `el`.

/**
 * el('button', { type: 'button', class: 'x', onclick: fn }, 'text', child)
 * Attributes starting with "on" become listeners; `dataset` and boolean values are handled.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Record<string, any> | null} [attrs] @param {(Node | string | null | undefined | false)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'class') node.className = v;
    else if (k in node && typeof v !== 'string') /** @type {any} */ (node)[k] = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** @param {string} id */
export function byId(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/**
 * Sets a node's text only when it differs (a text write, even of the same text,
 * invalidates layout; readouts change many times a second).
 * @param {Node} node @param {string} text
 */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
