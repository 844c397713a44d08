// @ts-check
// The optimizer configurations the labs offer, their colours, and number formatting.

/**
 * @typedef {{ key: string, optimizerId: string, label: string, settings: Record<string, number|boolean> }} Preset
 */

/** SGD has no default learning rate in torch; the labs use this one where a default is needed. */
export const SGD_DEFAULT_LR = 0.1;

/** @type {Preset[]} */
export const PRESETS = [
  { key: 'sgd', optimizerId: 'sgd', label: 'SGD', settings: {} },
  { key: 'momentum', optimizerId: 'sgd', label: 'Momentum', settings: { momentum: 0.9 } },
  { key: 'nesterov', optimizerId: 'sgd', label: 'Nesterov', settings: { momentum: 0.9, nesterov: true } },
  { key: 'adagrad', optimizerId: 'adagrad', label: 'AdaGrad', settings: {} },
  { key: 'rmsprop', optimizerId: 'rmsprop', label: 'RMSprop', settings: {} },
  { key: 'adam', optimizerId: 'adam', label: 'Adam', settings: {} },
  { key: 'adamw', optimizerId: 'adamw', label: 'AdamW', settings: {} },
  { key: 'nadam', optimizerId: 'nadam', label: 'NAdam', settings: {} },
  { key: 'radam', optimizerId: 'radam', label: 'RAdam', settings: {} },
  { key: 'adamax', optimizerId: 'adamax', label: 'Adamax', settings: {} },
  { key: 'adadelta', optimizerId: 'adadelta', label: 'Adadelta', settings: {} },
  { key: 'lion', optimizerId: 'lion', label: 'Lion', settings: {} },
];

/** The chapter's four (exercise 2), preselected. */
export const DEFAULT_PICKS = ['sgd', 'momentum', 'rmsprop', 'adam'];

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then a few more.
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C564B', '#7F7F7F',
  '#BCBD22', '#17BECF', '#9467BD'];

/** @param {string} key */
export function presetColor(key) {
  const i = PRESETS.findIndex((p) => p.key === key);
  return COLORS[(i < 0 ? 0 : i) % COLORS.length];
}

/** @param {string} key */
export function preset(key) {
  const p = PRESETS.find((q) => q.key === key);
  if (!p) throw new Error(`Unknown optimizer preset: ${key}`);
  return p;
}

/** Short number text: 3 significant digits, exponent form for very small or large values. @param {number} v */
export function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2).replace('e', 'e');
  return String(Number(v.toPrecision(3)));
}

/**
 * Fills a fieldset with one checkbox per preset.
 * @param {HTMLFieldSetElement} fieldset @param {string} name @param {string[]} checked
 */
export function buildOptimizerPicks(fieldset, name, checked) {
  for (const p of PRESETS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = p.key;
    box.checked = checked.includes(p.key);
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = presetColor(p.key);
    swatch.setAttribute('aria-hidden', 'true');
    label.append(box, swatch, ` ${p.label}`);
    fieldset.append(label);
  }
}

/** @param {HTMLFieldSetElement} fieldset @returns {string[]} */
export function pickedKeys(fieldset) {
  return [...fieldset.querySelectorAll('input[type=checkbox]')]
    .filter((b) => /** @type {HTMLInputElement} */ (b).checked)
    .map((b) => /** @type {HTMLInputElement} */ (b).value);
}
