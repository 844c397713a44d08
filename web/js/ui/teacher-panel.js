// @ts-check
// The teacher's builder: takes the race set up on the page, lets the teacher choose what
// the embed shows and what students may change, previews it, and gives a link and an
// <iframe> snippet (with a title, for screen readers, and a default size).
import { el } from './dom.js';
import { copyText } from './copy-text.js';
import { CONTROLS } from '../state/properties.js';
import { serializeQuery } from '../state/url.js';

/** Words for the controls a teacher can lock (properties.js CONTROLS). */
const CONTROL_LABELS = {
  landscape: 'landscape', lr: 'learning rate', noise: 'noise and seed', optimizers: 'which optimizers race',
  hyperparams: 'hyperparameters', start: 'start point (map)', play: 'play / pause', step: 'step', reset: 'reset',
  speed: 'speed', 'copy-link': '“Copy link”', 'large-type': 'large type',
};
/** Panels that can go under the race in a race embed. */
const RACE_PANELS = { settings: 'landscape and learning rate', runners: 'optimizers', chart: 'loss chart', inside: 'inside the optimizer',
  rule: 'update rule', curvature: 'curvature', basins: 'basins of attraction', presets: 'experiments', export: 'export' };
const DEFAULT_SIZE = { race: 720, quiz: 560, section: 900 };

/**
 * @param {HTMLElement} root the #teacher section
 * @param {{ store: import('../state/store.js').Store, listQuizzes: () => Promise<{ id: string, title: string }[]>,
 *   listSections?: () => Promise<{ id: string, title: string }[]> }} app
 */
export function mountTeacherPanel(root, { store, listQuizzes: quizzes, listSections: sections }) {
  const uid = (/** @type {string} */ s) => `teacher-${s}`;
  const check = (/** @type {string} */ id, /** @type {string} */ label, /** @type {boolean} */ checked) =>
    el('label', { class: 'pick' }, el('input', { type: 'checkbox', id: uid(id), checked, onchange: refresh }), label);

  const modes = el('fieldset', { class: 'picker' }, el('legend', {}, 'The embed shows'),
    ...[['race', 'the race'], ['quiz', 'one quick check'], ['section', 'one section of the chapter']].map(([v, label], i) =>
      el('label', { class: 'pick', id: uid(`mode-${v}-label`), hidden: v === 'section' && !sections },
        el('input', { type: 'radio', name: 'teacher-mode', value: v, checked: i === 0, onchange: refresh }), label)));
  const quizSelect = el('select', { id: uid('quiz'), onchange: refresh });
  const sectionSelect = el('select', { id: uid('section'), onchange: refresh });
  const quizField = el('div', { class: 'field' }, el('label', { for: uid('quiz') }, 'Quick check'), quizSelect);
  const sectionField = el('div', { class: 'field' }, el('label', { for: uid('section') }, 'Section'), sectionSelect);
  const allow = el('fieldset', { class: 'picker' }, el('legend', {}, 'Students may change'),
    ...CONTROLS.map((c) => check(`allow-${c}`, /** @type {Record<string, string>} */ (CONTROL_LABELS)[c] ?? c, c !== 'copy-link')));
  const panels = el('fieldset', { class: 'picker' }, el('legend', {}, 'Panels under the race'),
    ...Object.entries(RACE_PANELS).map(([p, label]) => check(`panel-${p}`, label, p === 'runners' || p === 'chart')));
  const autoplay = check('autoplay', 'start playing when shown (not for readers who ask for reduced motion)', true);
  const title = el('input', { type: 'text', id: uid('title'), size: 40, oninput: refresh });
  const height = el('input', { type: 'number', id: uid('height'), min: '200', max: '4000', step: '10', value: String(DEFAULT_SIZE.race), oninput: refresh });
  const link = el('input', { type: 'text', id: uid('link'), readonly: true, class: 'code-field', 'aria-label': 'Link to the embed view' });
  const snippet = el('textarea', { id: uid('snippet'), readonly: true, rows: 5, class: 'code-field', 'aria-label': 'Embed code for a course page' });
  const status = el('p', { class: 'small', role: 'status', id: uid('status') });
  const preview = el('iframe', { id: uid('preview'), class: 'teacher-preview', title: 'Preview of the embed', hidden: true, loading: 'lazy' });
  const previewButton = el('button', { type: 'button', id: uid('preview-button'), 'aria-expanded': 'false', onclick: () => {
    preview.hidden = !preview.hidden;
    previewButton.setAttribute('aria-expanded', String(!preview.hidden));
    previewButton.textContent = preview.hidden ? 'Preview' : 'Hide the preview';
    if (!preview.hidden) preview.src = link.value;
  } }, 'Preview');

  root.append(
    el('p', { class: 'muted small' }, 'Set up the race above, then choose what your students see and may change. The link and the embed code below follow your choices; the preview shows exactly what students will get.'),
    modes, quizField, sectionField, allow, panels, autoplay,
    el('div', { class: 'row' },
      el('div', { class: 'field' }, el('label', { for: uid('title') }, 'Frame title'), title),
      el('div', { class: 'field' }, el('label', { for: uid('height') }, 'Height (px)'), height)),
    el('div', { class: 'field' }, el('label', { for: uid('link') }, 'Link'), link),
    el('div', { class: 'field' }, el('label', { for: uid('snippet') }, 'Embed code'), snippet),
    el('div', { class: 'row' },
      el('button', { type: 'button', id: uid('copy-link'), onclick: async () => say(await copyText(link.value, link) ? 'Link copied.' : 'Copying was refused: the link is selected, copy it with Ctrl+C.') }, 'Copy link'),
      el('button', { type: 'button', id: uid('copy-snippet'), onclick: async () => say(await copyText(snippet.value, snippet) ? 'Embed code copied.' : 'Copying was refused: the code is selected, copy it with Ctrl+C.') }, 'Copy embed code'),
      previewButton),
    status, preview);

  /** @param {string} text */
  function say(text) { status.textContent = text; }

  /** The teacher's choices as the embed's page state. */
  function embedState() {
    const mode = /** @type {HTMLInputElement} */ (modes.querySelector('input:checked')).value;
    const checked = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (root.querySelector(`#${uid(id)}`)).checked;
    const s = store.getState();
    return {
      ...s,
      embed: mode,
      autoplay: checked('autoplay'),
      hide: CONTROLS.filter((c) => !checked(`allow-${c}`)),
      panels: mode === 'race' ? Object.keys(RACE_PANELS).filter((p) => checked(`panel-${p}`)) : ['quizzes'],
      quiz: mode === 'quiz' ? quizSelect.value : '',
      section: mode === 'section' ? sectionSelect.value : '',
    };
  }

  let lastMode = 'race';
  function refresh() {
    const st = embedState();
    quizField.hidden = st.embed !== 'quiz';
    sectionField.hidden = st.embed !== 'section';
    allow.hidden = st.embed !== 'race';
    panels.hidden = st.embed !== 'race';
    if (st.embed !== lastMode) {
      height.value = String(/** @type {Record<string, number>} */ (DEFAULT_SIZE)[st.embed]);
      title.value = '';
      lastMode = st.embed;
    }
    if (!title.value) {
      title.value = st.embed === 'quiz' ? `Optimizer Lab quick check: ${quizSelect.selectedOptions[0]?.textContent ?? ''}`
        : st.embed === 'section' ? `Optimizer Lab: ${sectionSelect.selectedOptions[0]?.textContent ?? ''}`
          : 'Optimizer Lab: optimizers racing on a loss landscape';
    }
    const url = new URL(`index.html?${serializeQuery(/** @type {any} */ (st))}`, window.location.href).href;
    link.value = url;
    const host = new URL('embed/host.js', window.location.href).href;
    const h = Math.max(200, Math.min(4000, Number(height.value) || DEFAULT_SIZE.race));
    snippet.value = `<iframe src="${attr(url)}" title="${attr(title.value)}" width="100%" height="${h}" style="border:0;max-width:1000px" loading="lazy" data-optimizer-lab></iframe>\n`
      + `<script src="${attr(host)}" defer></script>`;
    if (!preview.hidden && preview.src !== url) preview.src = url;
    preview.style.height = `${h}px`;
  }

  // The preview resizes itself like a host page would (its messages come from this origin).
  window.addEventListener('message', (e) => {
    if (e.source !== preview.contentWindow || e.origin !== window.location.origin) return;
    const d = e.data;
    if (d && typeof d === 'object' && d.type === 'optimizer-lab:resize' && Number(d.height) > 0) preview.style.height = `${Math.min(4000, Math.ceil(d.height))}px`;
  });

  quizzes().then((list) => {
    quizSelect.replaceChildren(...list.map((q) => el('option', { value: q.id }, q.title)));
    refresh();
  }).catch(() => { /* no quizzes: the race embed still works */ });
  sections?.().then((list) => {
    sectionSelect.replaceChildren(...list.map((q) => el('option', { value: q.id }, q.title)));
    /** @type {HTMLElement} */ (modes.querySelector(`#${uid('mode-section-label')}`)).hidden = list.length === 0;
    refresh();
  }).catch(() => {});
  let timer = 0;
  store.subscribe(() => { clearTimeout(timer); timer = window.setTimeout(refresh, 200); });
  refresh();
}

/** Text for an HTML attribute value in the snippet. @param {string} s */
function attr(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
