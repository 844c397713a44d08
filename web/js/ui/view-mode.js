// @ts-check
// Applies the view part of the state (properties.js: embed, panels, hide) to the page:
// the embed view's minimal chrome, which controls are hidden (and so inactive), and which
// parts of the race and of the chapter show. The tools follow the same rule through
// panelAllowed (panel-host.js). Only attributes and `hidden` change here; styles are in
// css/app.css.
import { PANELS, CONTROLS } from '../state/properties.js';

/** Panels an embed view never shows, whatever the link asks: the race embed is the race. */
const NOT_IN_EMBED = { race: ['quizzes', 'teacher'], quiz: PANELS.filter((p) => p !== 'quizzes'), section: PANELS.filter((p) => p !== 'quizzes') };

/**
 * May this panel show in this view?
 * @param {{ embed: string, panels: string[] }} view @param {string} panel
 */
export function panelAllowed(view, panel) {
  const never = /** @type {Record<string, string[]>} */ (NOT_IN_EMBED)[view.embed] ?? [];
  return view.panels.includes(panel) && !never.includes(panel);
}

/**
 * @param {{ embed: string, panels: string[], hide: string[] }} view
 * @param {Document} [doc]
 */
export function applyView(view, doc = document) {
  const root = doc.documentElement;
  if (view.embed) root.dataset.embed = view.embed; else delete root.dataset.embed;
  root.dataset.hide = view.hide.filter((c) => CONTROLS.includes(c)).join(' ');
  // Parts of the race that belong to a panel (the landscape and learning-rate controls are "settings").
  for (const part of doc.querySelectorAll('[data-panel]')) {
    /** @type {HTMLElement} */ (part).hidden = !panelAllowed(view, /** @type {HTMLElement} */ (part).dataset.panel ?? '');
  }
  const chapter = doc.getElementById('quizzes');
  if (chapter) chapter.hidden = !panelAllowed(view, 'quizzes');
  // A quiz or section embed shows no race (a section's "Try it" brings it back).
  const stage = doc.getElementById('stage');
  if (stage) stage.hidden = view.embed === 'quiz' || view.embed === 'section';
}

/** @param {{ hide: string[] }} view @param {string} control */
export function isHidden(view, control) {
  return view.hide.includes(control);
}
