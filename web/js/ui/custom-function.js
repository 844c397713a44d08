// @ts-check
// "Your own function": a text field for f(x, y), a few examples to pick from, the
// domain, and the core's verdict shown next to the field with the error position
// marked. Applying sets the state keys `landscape: 'custom'`, `expr` and `domain`
// (properties.js), so the race, the URL and a shared link all carry the function.
import { el } from './dom.js';
import { CUSTOM_LANDSCAPE_ID, DEFAULT_CUSTOM_DOMAIN } from '../core/wrap-core.js';
import { parseDomain } from '../state/properties.js';

/** Examples a teacher can start from. */
export const CUSTOM_EXAMPLES = [
  { label: 'Egg crate in a bowl', expr: 'sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)' },
  { label: 'Rosenbrock, typed in', expr: '(1 - x)^2 + 100*(y - x^2)^2', domain: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 } },
  { label: 'Two wells', expr: '(x^2 - 1)^2 + 0.5*y^2' },
  { label: 'Himmelblau', expr: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', domain: { xmin: -5, xmax: 5, ymin: -5, ymax: 5 } },
  { label: 'Kinked: |x| + y²', expr: 'abs(x) + y^2' },
  { label: 'Sigmoid cliff', expr: 'sigmoid(4*x) + 0.2*(x^2 + y^2)' },
];

/**
 * @param {HTMLElement} root the settings panel
 * @param {{ store: any, core: import('../core/wrap-core.js').Core }} deps
 */
export function mountCustomFunction(root, { store, core }) {
  const input = /** @type {HTMLInputElement} */ (el('input', { type: 'text', id: 'custom-expr', class: 'code-field',
    spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'custom-expr-error', maxlength: '500' }));
  const error = el('p', { id: 'custom-expr-error', class: 'custom-expr-error', role: 'status', 'aria-live': 'polite' });
  const examples = /** @type {HTMLSelectElement} */ (el('select', { id: 'custom-examples', 'aria-label': 'Example functions' },
    el('option', { value: '' }, 'Examples…'), ...CUSTOM_EXAMPLES.map((e, i) => el('option', { value: String(i) }, e.label))));
  const domainInput = /** @type {HTMLInputElement} */ (el('input', { type: 'text', id: 'custom-domain', class: 'code-field',
    spellcheck: 'false', 'aria-label': 'Domain: xmin, xmax, ymin, ymax' }));
  const apply = el('button', { type: 'button', id: 'custom-apply' }, 'Race on it');

  /** Reads the domain field as a link's domain is read (spaces allowed); null if it is not valid. */
  const readDomain = () => parseDomain(domainInput.value.replace(/\s+/g, '')).domain;

  /** Shows the core's verdict; returns true if the function is valid. */
  const check = () => {
    const { error: message, column } = core.checkExpression(input.value);
    error.replaceChildren();
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (!message) {
      if (!readDomain()) {
        error.append(`The domain ${parseDomain(domainInput.value.replace(/\s+/g, '')).problem}.`);
        return false;
      }
      return true;
    }
    // The message, then the text with the offending column marked.
    const at = Math.max(0, column - 1);
    const text = input.value;
    error.append(el('span', {}, message), el('br'), el('code', { class: 'custom-expr-echo' },
      text.slice(0, at), el('mark', {}, text.slice(at, at + 1) || ' '), text.slice(at + 1)));
    return false;
  };

  const commit = () => {
    if (!check()) return;
    const domain = /** @type {NonNullable<ReturnType<typeof readDomain>>} */ (readDomain());
    /** @type {Record<string, any>} */
    const patch = { landscape: CUSTOM_LANDSCAPE_ID, expr: input.value.trim(), domain };
    // A new domain starts where the core's custom landscape suggests (a quarter in from the top-left).
    if (store.getState().landscape !== CUSTOM_LANDSCAPE_ID || JSON.stringify(store.getState().domain) !== JSON.stringify(domain)) {
      patch.start = { x: domain.xmin + 0.25 * (domain.xmax - domain.xmin), y: domain.ymin + 0.75 * (domain.ymax - domain.ymin) };
    }
    store.setState(patch);
  };

  input.addEventListener('input', check);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') commit(); });
  domainInput.addEventListener('input', check);
  domainInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') commit(); });
  apply.addEventListener('click', commit);
  examples.addEventListener('change', () => {
    const ex = CUSTOM_EXAMPLES[Number(examples.value)];
    if (!ex) return;
    input.value = ex.expr;
    const d = ex.domain ?? DEFAULT_CUSTOM_DOMAIN;
    domainInput.value = [d.xmin, d.xmax, d.ymin, d.ymax].join(', ');
    examples.value = '';
    commit();
  });

  const box = el('fieldset', { class: 'custom-function', id: 'custom-function' },
    el('legend', {}, 'Your own function f(x, y)'),
    el('div', { class: 'field' }, el('label', { for: 'custom-expr' }, 'f(x, y) ='), input),
    error,
    el('div', { class: 'field' }, el('label', { for: 'custom-domain' }, 'Domain'), domainInput),
    el('div', { class: 'field custom-actions' }, apply, examples),
    el('p', { class: 'muted small' }, 'Numbers, x, y, + − * / ^, pi, e, sin cos tan exp log sqrt abs tanh sigmoid min max. ',
      'The core computes the exact gradient and Hessian; the minima are those its grid + Newton search finds.'));
  root.append(box);

  let shown = '';
  return {
    /** @param {any} s the state */
    update(s) {
      const key = `${s.expr}|${JSON.stringify(s.domain)}`;
      if (key === shown || document.activeElement === input || document.activeElement === domainInput) return;
      shown = key;
      input.value = s.expr;
      domainInput.value = [s.domain.xmin, s.domain.xmax, s.domain.ymin, s.domain.ymax].join(', ');
      check();
    },
  };
}
