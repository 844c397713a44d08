// @ts-check
// One runner's hyperparameters, built from the core's catalog spec: every field at
// torch's default, the teaching switches marked as such. A change is checked by the
// core first (its message, in torch's wording, appears next to the field); only a
// valid configuration reaches the state, so the last valid race keeps running.
import { el } from './dom.js';
import { hyperDefault, runnerSettings } from '../state/properties.js';
import { learningRate } from './format.js';

/**
 * @param {{ core: import('../core/wrap-core.js').Core, store: import('../state/store.js').Store }} app
 * @param {number} index the runner
 */
export function hyperparamPanel({ core, store }, index) {
  const runner = store.getState().runners[index];
  const info = core.optimizer(runner.optimizer);
  const error = el('p', { class: 'field-error', role: 'alert', id: `hp-${index}-error` });

  /** @param {string} name @param {import('../state/properties.js').HyperValue | undefined} value */
  const commit = (name, value) => {
    const s = store.getState();
    const params = { ...s.runners[index].params };
    if (value === undefined) delete params[name]; else params[name] = value;
    const candidate = { ...s.runners[index], params };
    const message = core.checkSettings(candidate.optimizer, runnerSettings(candidate, s.lr));
    error.textContent = message ? `${message} — the race keeps its last valid settings.` : '';
    if (message) return;
    store.setState({ runners: s.runners.map((r, i) => (i === index ? candidate : r)) });
  };

  const fields = info.params.map((spec) => {
    const id = `hp-${index}-${spec.name}`;
    const current = runner.params[spec.name];
    const label = el('label', { for: id, title: spec.help }, spec.name, spec.teaching ? el('span', { class: 'tag' }, 'teaching') : null);
    if (spec.kind === 'bool') {
      const box = el('input', { type: 'checkbox', id, checked: Boolean(current ?? hyperDefault(spec)), 'aria-describedby': error.id,
        onchange: () => commit(spec.name, box.checked) });
      return el('div', { class: 'hp bool', title: spec.help }, box, label);
    }
    if (spec.kind === 'pair') {
      const value = /** @type {number[]} */ (current ?? hyperDefault(spec));
      const inputs = [0, 1].map((k) => el('input', { type: 'number', step: 'any', id: k ? `${id}-1` : id, value: String(value[k]),
        'aria-label': `${spec.name} ${k + 1}`, 'aria-describedby': error.id }));
      const read = () => commit(spec.name, inputs.map((i) => (i.value.trim() === '' ? Number.NaN : Number(i.value))));
      for (const i of inputs) i.addEventListener('change', read);
      return el('div', { class: 'hp pair', title: spec.help }, label, ...inputs);
    }
    const isLr = spec.name === 'lr';
    const input = el('input', { type: 'number', step: 'any', id, 'aria-describedby': error.id,
      value: current === undefined ? (isLr ? '' : String(hyperDefault(spec))) : String(current),
      placeholder: isLr ? `shared ${learningRate(store.getState().lr)}` : undefined });
    input.addEventListener('change', () => {
      const text = input.value.trim();
      commit(spec.name, text === '' && isLr ? undefined : text === '' ? Number.NaN : Number(text));
    });
    return el('div', { class: 'hp', title: spec.help }, label, input);
  });

  return el('details', { class: 'hyperparams' },
    el('summary', {}, 'Hyperparameters'),
    el('p', { class: 'muted small' }, `Torch's defaults${info.reference ? ` · ${info.reference}` : ''}. Leave lr empty to use the shared learning rate.`),
    el('div', { class: 'hp-grid' }, ...fields), error);
}
