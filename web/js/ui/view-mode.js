// @ts-check
// Applies the view part of the state (properties.js: embed, panels, hide) to the page:
// which sections show, which controls are hidden (and so inactive), and the embed view's
// minimal chrome. Only attributes and `hidden` change here; styles are in css/app.css.
import { PANELS, CONTROLS } from '../state/properties.js';

/** Section element id of each panel id. */
export const PANEL_ELEMENTS = {
  settings: 'settings', runners: 'runners-section', presets: 'presets', chart: 'chart-section', basins: 'basins-section', inside: 'inside',
  rule: 'rule', curvature: 'curvature', export: 'export', quizzes: 'quizzes', teacher: 'teacher',
};

/** Panels an embed view never shows, whatever the link asks: the race embed is the race. */
const NOT_IN_EMBED = { race: ['quizzes', 'teacher'], quiz: PANELS.filter((p) => p !== 'quizzes'), section: PANELS.filter((p) => p !== 'quizzes') };

/**
 * @param {{ embed: string, panels: string[], hide: string[] }} view
 * @param {Document} [doc]
 */
export function applyView(view, doc = document) {
  const root = doc.documentElement;
  if (view.embed) root.dataset.embed = view.embed; else delete root.dataset.embed;
  root.dataset.hide = view.hide.filter((c) => CONTROLS.includes(c)).join(' ');
  const never = /** @type {Record<string, string[]>} */ (NOT_IN_EMBED)[view.embed] ?? [];
  for (const panel of PANELS) {
    const section = doc.getElementById(/** @type {Record<string, string>} */ (PANEL_ELEMENTS)[panel]);
    if (section) section.hidden = !view.panels.includes(panel) || never.includes(panel);
  }
  // A quiz or section embed shows no race; the race embed shows no page header.
  const stage = doc.querySelector('.stage');
  if (stage instanceof HTMLElement) stage.hidden = view.embed === 'quiz' || view.embed === 'section';
  const controls = doc.getElementById('controls');
  if (controls) controls.hidden = view.embed === 'quiz' || view.embed === 'section';
}

/** @param {{ hide: string[] }} view @param {string} control */
export function isHidden(view, control) {
  return view.hide.includes(control);
}
