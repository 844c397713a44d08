// @ts-check
// The chapter's sections, in its order, mounted into any element:
//   import { mountLessons } from './js/lessons/lessons-panel.js';
//   await mountLessons(document.getElementById('lessons'), { core, tryIt: (patch) => store.setState(patch) });
// Content is data (web/lessons/lessons.json, checked by lessons-check.js). Each section
// shows its text (plain text; $...$ is inline math), its equations typeset by KaTeX, what
// the app's torch optimizers do where the chapter differs, a "try it" button that hands
// the section's race patch to `tryIt`, and the section's quick check (quiz-panel.js).
// Text is never parsed as HTML: only text nodes and KaTeX's output enter the page.
// A malformed section, or one whose race the page would refuse, shows a message in its place.
import { loadKatex } from '../ui/katex-loader.js';
import { mountQuiz } from '../quiz/quiz-panel.js';
import { checkLessons, checkPatch, memoryOrder } from './lessons-check.js';
import { el as h } from '../ui/dom.js';
import { keepInView } from './keep-in-view.js';

/** Fired on the container when a "try it" button is used; detail { sectionId, patch }. */
export const TRY_EVENT = 'lesson-try';

/** Adds a stylesheet once (resolved relative to this module). @param {string} path */
function loadStylesheet(path) {
  const href = new URL(path, import.meta.url).href;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => /** @type {HTMLLinkElement} */ (l).href === href)) return;
  document.head.append(h('link', { rel: 'stylesheet', href }));
}

/**
 * Text with inline $...$ math, as DOM nodes: text nodes and KaTeX spans.
 * @param {string} text @param {any} katex (null: the formulas stay as text)
 */
export function richText(text, katex) {
  const parts = text.split('$');
  /** @type {Node[]} */
  const out = [];
  parts.forEach((part, i) => {
    if (part === '') return;
    if (i % 2 === 0) { out.push(document.createTextNode(part)); return; }
    const span = h('span', { class: 'lesson-math' });
    if (katex) katex.render(part, span, { displayMode: false, throwOnError: false, output: 'htmlAndMathml' });
    else span.textContent = part;
    out.push(span);
  });
  return out;
}

/**
 * Mounts the lessons into `container`.
 * @param {HTMLElement} container
 * @param {{ core: import('../core/wrap-core.js').Core,
 *   tryIt: (patch: Partial<import('../state/properties.js').RaceState>, section: { id: string, title: string }) => void,
 *   lessonsUrl?: string | URL, quizBaseUrl?: string | URL, storage?: Storage | null, lazy?: boolean }} options
 *   lessonsUrl: the lessons file (default web/lessons/lessons.json); quizBaseUrl: where the quiz files are;
 *   storage: where quiz progress is kept (default localStorage); lazy: each section shows its title at
 *   once and fills in its text, equations and quick check when it comes near the screen (or is opened),
 *   so a long chapter costs little until it is read
 * @returns {Promise<{ sections: HTMLElement[], ok: boolean, open: (id: string) => Promise<void> }>} ok: every section showed
 */
export async function mountLessons(container, { core, tryIt, lessonsUrl = new URL('../../lessons/lessons.json', import.meta.url), quizBaseUrl, storage, lazy = false }) {
  loadStylesheet('../../css/lessons.css');
  loadStylesheet('../../vendor/katex/katex.min.css');
  container.classList.add('lessons');
  let data;
  try {
    const res = await fetch(lessonsUrl);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    data = await res.json();
  } catch (e) {
    container.replaceChildren(brokenBox('The lessons could not be loaded', [`${String(lessonsUrl).split('/').pop()}: ${/** @type {Error} */ (e).message}`]));
    return { sections: [], ok: false, open: async () => {} };
  }
  const checked = checkLessons(data);
  if (checked.messages.length) {
    container.replaceChildren(brokenBox('The lessons could not be loaded', checked.messages));
    return { sections: [], ok: false, open: async () => {} };
  }
  if (lazy) return mountLazily(container, checked, { core, tryIt, quizBaseUrl, storage });
  /** @type {any} */
  let katex = null;
  try { katex = await loadKatex(); } catch { katex = null; } // formulas then show as their source text

  const nav = tableOfContents(checked);
  const sections = checked.sections.map((c) => (c.section
    ? renderSection(c.section, c.index, { core, tryIt, katex, container })
    : brokenSection(c.index, c.id, c.messages)));
  container.replaceChildren(...introParts(data, katex), nav, ...sections, ...closingParts(data, core, katex));

  // quick checks, in parallel; each one reports its own problems in its place
  await Promise.all(checked.sections.map(async (c, i) => {
    if (!c.section) return;
    const host = /** @type {HTMLElement} */ (sections[i].querySelector('.lesson-quiz'));
    await mountQuiz(host, { core, file: c.section.quiz, storage, ...(quizBaseUrl ? { baseUrl: quizBaseUrl } : {}) });
    // under its section, the quiz's own title ("3. Momentum and Nesterov") would repeat the section's
    const title = host.querySelector('.quiz:not(.quiz-broken) > h3');
    if (title) title.textContent = `Quick check: ${c.section.title}`;
  }));
  return { sections, ok: checked.ok && !container.querySelector('.lesson-broken, .lesson-try-broken, .quiz-broken'), open: async () => {} };
}

/** The table of contents. @param {ReturnType<typeof checkLessons>} checked */
function tableOfContents(checked) {
  return h('nav', { class: 'lessons-toc', 'aria-label': 'Sections of the chapter' },
    h('ol', {}, ...checked.sections.map((c) => h('li', {},
      h('a', { href: `#lesson-${c.id}` }, c.section ? c.section.title : `Section ${c.index + 1}`)))));
}

/**
 * Sections as titles first; each fills in when it nears the screen or is opened.
 * @param {HTMLElement} container @param {ReturnType<typeof checkLessons>} checked
 * @param {{ core: any, tryIt: Function, quizBaseUrl?: string | URL, storage?: Storage | null }} ctx
 */
function mountLazily(container, checked, { core, tryIt, quizBaseUrl, storage }) {
  /** @type {Promise<any> | null} */
  let katex = null;
  /** @type {Map<HTMLElement, Promise<void>>} */
  const filled = new Map();
  const sections = checked.sections.map((c) => {
    if (!c.section) return brokenSection(c.index, c.id, c.messages);
    const s = c.section;
    return h('section', { class: 'lesson lesson-pending', id: `lesson-${s.id}`, 'aria-labelledby': `lesson-${s.id}-title`, 'data-lesson-id': s.id },
      h('h2', { id: `lesson-${s.id}-title` }, h('span', { class: 'lesson-num' }, `${c.index + 1}. `), s.title),
      h('p', { class: 'lesson-loading' }, 'The section appears as you reach it\u2026'));
  });
  /** @param {HTMLElement} shell */
  const fill = (shell) => {
    let done = filled.get(shell);
    if (done) return done;
    const i = sections.indexOf(shell);
    const c = checked.sections[i];
    /**
     * Content that grows above the top of the screen would push what the reader is reading down:
     * keep it in place. `at` is where the growth happens (the section, or its quick check at its
     * end): a section whose end is still on screen, under the sticky tool bar, grows above the
     * reader too when its quick check arrives late.
     * @param {() => void | Promise<void>} change @param {HTMLElement} [at]
     */
    const steady = async (change, at = shell) => {
      // Where the browser anchors scrolling itself (overflow-anchor), it already keeps the reader's place.
      const above = !NATIVE_SCROLL_ANCHORING && at.getBoundingClientRect().top < 0;
      const before = shell.offsetHeight;
      await change();
      if (above) window.scrollBy({ top: shell.offsetHeight - before, behavior: 'instant' });
    };
    done = (async () => {
      const section = c?.section;
      if (!section) return;
      katex ??= loadKatex().catch(() => null); // without KaTeX the formulas show as their source text
      const full = renderSection(section, c.index, { core, tryIt, katex: await katex, container });
      await steady(() => {
        shell.replaceChildren(...full.childNodes);
        shell.classList.remove('lesson-pending');
      });
      const host = /** @type {HTMLElement} */ (shell.querySelector('.lesson-quiz'));
      await steady(async () => {
        await mountQuiz(host, { core, file: section.quiz, storage, ...(quizBaseUrl ? { baseUrl: quizBaseUrl } : {}) });
        const title = host.querySelector('.quiz:not(.quiz-broken) > h3');
        if (title) title.textContent = `Quick check: ${section.title}`;
      }, host);
    })();
    filled.set(shell, done);
    return done;
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      observer.unobserve(e.target);
      fill(/** @type {HTMLElement} */ (e.target));
    }
  }, { rootMargin: '300px 0px' });
  for (const s of sections) if (s.classList.contains('lesson-pending')) observer.observe(s);
  container.replaceChildren(tableOfContents(checked), ...sections);
  return {
    sections,
    ok: checked.ok,
    /** Fills a section now and brings it into view (a deep link). @param {string} id */
    async open(id) {
      const shell = sections.find((s) => s.dataset.lessonId === id);
      if (!shell) return;
      keepInView(shell);
      await fill(shell);
    },
  };
}

/** Browsers with CSS scroll anchoring keep the reader's place when content above grows (WebKit has none). */
const NATIVE_SCROLL_ANCHORING = typeof CSS !== 'undefined' && CSS.supports?.('overflow-anchor', 'auto');

/** Watches equation boxes: one that is wider than its column scrolls sideways and must then be reachable by keyboard. */
const overflowWatch = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
  // After the observer's delivery, not inside it: changing the page there makes some engines
  // (WebKit) report a "ResizeObserver loop" error.
  requestAnimationFrame(() => {
    for (const e of entries) {
      const box = /** @type {HTMLElement} */ (e.target);
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', 'Equation (scrolls sideways)');
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  });
});
/** @param {HTMLElement} box */
function reachableWhenScrolling(box) { overflowWatch?.observe(box); }

/** @param {string} title @param {string[]} messages */
function brokenBox(title, messages) {
  return h('div', { class: 'lesson-broken', role: 'alert' }, h('h2', {}, title),
    h('ul', {}, ...messages.slice(0, 8).map((m) => h('li', {}, m))));
}

/** What stands in a malformed section's place. @param {number} index @param {string} id @param {string[]} messages */
function brokenSection(index, id, messages) {
  return h('section', { class: 'lesson lesson-broken', id: `lesson-${id.replace(/[^\w-]/g, '')}`, role: 'alert' },
    h('h2', {}, `Section ${index + 1} could not be shown`),
    h('p', {}, 'Its entry in lessons.json does not follow the lessons format; the other sections work as usual. What is wrong:'),
    h('ul', {}, ...messages.slice(0, 8).map((m) => h('li', {}, h('code', {}, m)))));
}

/**
 * @param {import('./lessons-check.js').LessonSection} s @param {number} index
 * @param {{ core: any, tryIt: Function, katex: any, container: HTMLElement }} ctx
 */
function renderSection(s, index, { core, tryIt, katex, container }) {
  const titleId = `lesson-${s.id}-title`;
  const section = h('section', { class: 'lesson', id: `lesson-${s.id}`, 'aria-labelledby': titleId, 'data-lesson-id': s.id },
    h('h2', { id: titleId }, h('span', { class: 'lesson-num' }, `${index + 1}. `), s.title));
  for (const p of s.paragraphs) section.append(h('p', {}, ...richText(p, katex)));

  const eqs = h('div', { class: 'lesson-equations' });
  for (const tex of s.equations) {
    const box = h('div', { class: 'lesson-equation' });
    if (katex) katex.render(tex, box, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
    else box.textContent = tex;
    reachableWhenScrolling(box);
    eqs.append(box);
  }
  section.append(eqs);

  if (s.torch?.length) {
    const noteId = `lesson-${s.id}-torch`;
    section.append(h('aside', { class: 'lesson-torch', 'aria-labelledby': `${noteId} ${titleId}` }, // unique landmark names
      h('h3', { id: noteId }, 'What the app\u2019s optimizers do (PyTorch)'),
      ...s.torch.map((p) => h('p', {}, ...richText(p, katex)))));
  }

  // try it: the patch is checked against the page's own state rules before it is offered
  const check = checkPatch(s.tryIt.patch, core);
  const watchId = `lesson-${s.id}-watch`;
  const tryBox = h('div', { class: 'lesson-try' });
  if (check.ok) {
    const button = h('button', { type: 'button', class: 'lesson-try-button', 'aria-describedby': watchId, 'data-query': check.query },
      h('span', { 'aria-hidden': 'true' }, '\u25B6 '), `Try it: ${s.tryIt.label}`);
    button.addEventListener('click', () => {
      const patch = structuredClone(s.tryIt.patch);
      container.dispatchEvent(new CustomEvent(TRY_EVENT, { bubbles: true, detail: { sectionId: s.id, patch } }));
      tryIt(patch, { id: s.id, title: s.title });
    });
    tryBox.append(button);
  } else {
    tryBox.classList.add('lesson-try-broken');
    tryBox.setAttribute('role', 'alert');
    tryBox.append(h('p', {}, `The race for this section could not be set up: ${check.messages.join(' ')}`));
  }
  tryBox.append(h('p', { class: 'lesson-watch', id: watchId }, h('strong', {}, 'What to watch for: '), ...richText(s.tryIt.watch, katex)));
  // The experiment sits right after the section's opening paragraph: a reader can run it
  // while the section's heading and first lines are still on screen.
  const opening = section.querySelector(':scope > p');
  if (opening) opening.after(tryBox); else section.append(tryBox);

  section.append(h('div', { class: 'lesson-quiz', 'data-quiz-file': s.quiz }, h('p', {}, 'Loading the quick check\u2026')));
  return section;
}

/** Objectives, why it matters and the history, before the sections. @param {any} data @param {any} katex */
function introParts(data, katex) {
  const out = [];
  if (data.intro) {
    out.push(h('section', { class: 'lessons-intro', 'aria-labelledby': 'lessons-intro-title' },
      h('h2', { id: 'lessons-intro-title' }, 'What you will learn'),
      h('ol', { class: 'lessons-objectives' }, ...data.intro.objectives.map((/** @type {string} */ t) => h('li', {}, ...richText(t, katex)))),
      h('p', { class: 'lessons-why' }, h('strong', {}, 'Why this matters: '), ...richText(data.intro.why, katex)),
      ...(data.history ? [historyTable(data.history)] : [])));
  }
  return out;
}

/** @param {{ year: number, optimizer: string, idea: string, by: string }[]} rows */
function historyTable(rows) {
  return h('figure', { class: 'lessons-table' },
    h('figcaption', {}, 'A short history: each optimizer answered a weakness of the ones before it.'),
    h('table', {},
      h('thead', {}, h('tr', {}, ...['Year', 'Optimizer', 'Key idea', 'Introduced by'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', {}, String(r.year)), h('th', { scope: 'row' }, r.optimizer), h('td', {}, r.idea), h('td', {}, r.by))))));
}

/** The summary table (memory from the core) and the bridge onwards, after the sections. @param {any} data @param {any} core @param {any} katex */
function closingParts(data, core, katex) {
  const out = [];
  if (data.summary) {
    out.push(h('section', { class: 'lessons-summary', 'aria-labelledby': 'lessons-summary-title' },
      h('h2', { id: 'lessons-summary-title' }, 'Summary'),
      h('figure', { class: 'lessons-table' },
        h('table', {},
          h('thead', {}, h('tr', {}, ...['Optimizer', 'Memory', 'Momentum', 'Adaptive step', 'Best for'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...data.summary.rows.map((/** @type {any} */ r) => h('tr', {}, h('th', { scope: 'row' }, r.label),
            h('td', {}, memoryOrder(core, r.id, r.settings)), h('td', {}, r.momentum), h('td', {}, r.adaptive), h('td', {}, r.bestFor))))),
        h('figcaption', {}, data.summary.caption))));
  }
  if (data.next) out.push(h('section', { class: 'lessons-next', 'aria-label': 'What comes next' }, h('p', {}, ...richText(data.next, katex))));
  return out;
}
