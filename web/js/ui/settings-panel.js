// @ts-check
// The landscape menu (in the race's heading), and the settings tool: the landscape's
// description and parameters, gradient noise σ and its seed.
import { el } from './dom.js';
import { propertySpec, landscapeInfo, rangeProblem, defaultLandscapeParams } from '../state/properties.js';

/**
 * A labelled number input that commits valid values and explains invalid ones next to it.
 * @param {{ id: string, label: string, value: number, min?: number, max?: number, step?: string, integer?: boolean,
 *   help?: string, commit: (v: number) => void }} o
 */
export function numberField(o) {
  const message = el('span', { class: 'field-error', id: `${o.id}-error`, role: 'alert' });
  const input = el('input', { type: 'number', id: o.id, value: String(o.value), step: o.step ?? 'any',
    min: o.min !== undefined && Number.isFinite(o.min) ? String(o.min) : undefined,
    max: o.max !== undefined && Number.isFinite(o.max) ? String(o.max) : undefined,
    'aria-describedby': `${o.id}-error`, title: o.help });
  input.addEventListener('change', () => {
    const v = input.value.trim() === '' ? Number.NaN : Number(input.value);
    const problem = rangeProblem(v, { min: o.min, max: o.max, integer: o.integer });
    message.textContent = problem ? `${o.label} ${problem}.` : '';
    input.setAttribute('aria-invalid', String(Boolean(problem)));
    if (!problem) o.commit(v);
  });
  return el('div', { class: 'field' }, el('label', { for: o.id }, o.label), input, message);
}

/**
 * The landscape menu, in the race's heading.
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, core: import('../core/wrap-core.js').Core }} app
 */
export function mountLandscapePicker(root, { store, core }) {
  const select = el('select', { id: 'landscape-select', onchange: () => {
    store.setState({ landscape: select.value, landscapeParams: defaultLandscapeParams(core, select.value) });
  } }, ...core.landscapes.map((l) => el('option', { value: l.id }, l.displayName)));
  root.append(el('label', { for: 'landscape-select', class: 'landscape-label' }, 'Landscape'), select);
  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) { if (select.value !== s.landscape) select.value = s.landscape; },
  };
}

/**
 * The landscape's description and parameters, gradient noise σ and its seed.
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, core: import('../core/wrap-core.js').Core }} app
 */
export function mountSettings(root, { store, core }) {
  const description = el('p', { class: 'muted small', id: 'landscape-description' });
  const params = el('div', { class: 'landscape-params' });
  const noiseSpec = propertySpec('noise');
  const seedSpec = propertySpec('seed');
  const noise = numberField({ id: 'noise', label: 'Gradient noise σ', value: 0, min: noiseSpec.min, max: noiseSpec.max, step: '0.1',
    help: 'Standard deviation of Gaussian noise added to each gradient component (a stand-in for minibatch noise).',
    commit: (v) => store.setState({ noise: v }) });
  const seed = numberField({ id: 'seed', label: 'Noise seed', value: 1, min: seedSpec.min, max: seedSpec.max, step: '1', integer: true,
    commit: (v) => store.setState({ seed: v }) });
  root.append(description, params, el('div', { class: 'row noise-row' }, noise, seed));

  let shownParamsFor = '';
  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) {
      const info = landscapeInfo(core, s.landscape);
      description.textContent = info?.description ?? '';
      const key = `${s.landscape}|${JSON.stringify(s.landscapeParams)}`;
      if (key !== shownParamsFor) {
        shownParamsFor = key;
        params.replaceChildren(...(info?.params ?? []).map((p) => numberField({
          id: `lp-${p.name}`, label: p.label, value: s.landscapeParams[p.name] ?? p.default, min: p.min, max: p.max,
          integer: p.integer, step: p.integer ? '1' : 'any', help: p.help,
          commit: (v) => store.setState({ landscapeParams: { ...store.getState().landscapeParams, [p.name]: v } }),
        })));
      }
      /** @type {HTMLInputElement} */ (noise.querySelector('input')).value = String(s.noise);
      /** @type {HTMLInputElement} */ (seed.querySelector('input')).value = String(s.seed);
    },
  };
}
