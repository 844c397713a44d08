// @ts-check
// Every panel of the main page, in one list. The page (panel-host.js) mounts each entry
// the same way and keeps it up to date the same way:
//   instance = mount(root, app)          build the panel into `root` (once)
//   instance.update?.(state, changed)    after every state change; the first call gets every key
//   instance.frame?.()                   while the race runs, at most ~10 times a second
//   instance.restart?.()                 after the race went back to its start
//   instance.open?.()                    when a closed tool is opened again
//   instance.close?.()                   when a tool is closed (it stays mounted)
// A mount may return nothing (a panel that only listens to its own controls), and an instance may
// carry more fields than these (what other panels or tests reach through host.instance(id)).
// Fields of an entry:
//   id      unique; the tool button is #tool-<id>
//   place   'stage': always mounted into the element with id `slot` (or a new box at the end of
//           the race when there is no slot); 'tool' (default): a button in the tool bar,
//           mounted into a section of its own the first time it is opened
//   panel   the link's panel key (properties.js PANELS) that shows or hides it (`panels=`)
//   label   the tool button's text; title: the section heading; section: the section's id
// Adding a panel is one line here. A mount that throws shows its message in its own place
// and the race goes on.
import { mountTransport } from './transport.js';
import { mountLandscapePicker, mountSettings } from './settings-panel.js';
import { mountLearningRate } from './learning-rate.js';
import { mountReadouts } from './readouts.js';
import { mountRunnerList } from './runner-list.js';
import { mountSummary } from './summary.js';
import { mountRaceDescription } from './race-description-panel.js';

/**
 * @typedef {{ update?: (s: any, changed: Set<string>) => void, frame?: () => void, restart?: () => void,
 *   open?: () => void, close?: () => void, [field: string]: unknown }} PanelInstance
 * @typedef {{ id: string, place?: 'stage'|'tool', slot?: string, panel?: string, label?: string, title?: string, section?: string,
 *   mount: (root: HTMLElement, app: any) => PanelInstance | void | Promise<PanelInstance | void> }} PanelSpec
 */

/**
 * A mount that loads its module the first time the tool opens. The import stays a literal
 * `() => import('./x.js')` so that the bundler splits each tool into a chunk of its own.
 * @param {() => Promise<Record<string, unknown>>} load
 * @param {string} name  the module's mount function
 * @returns {PanelSpec['mount']}
 */
function lazy(load, name) {
  return async (root, app) => /** @type {PanelSpec['mount']} */ ((await load())[name])(root, app);
}

/** @type {PanelSpec[]} */
export const PANEL_REGISTRY = [
  { id: 'landscape-picker', place: 'stage', slot: 'landscape-slot', panel: 'settings', mount: mountLandscapePicker },
  { id: 'transport', place: 'stage', slot: 'transport', mount: mountTransport },
  { id: 'learning-rate', place: 'stage', slot: 'lr-slot', panel: 'settings', mount: mountLearningRate },
  { id: 'readouts', place: 'stage', slot: 'runners', mount: mountReadouts },
  { id: 'summary', place: 'stage', slot: 'summary', mount: mountSummary },
  { id: 'race-description', place: 'stage', mount: mountRaceDescription },
  { id: 'runners', panel: 'runners', label: 'Optimizers', section: 'runners-section', title: 'Optimizers and their settings', mount: mountRunnerList },
  { id: 'settings', panel: 'settings', label: 'Landscape', section: 'settings', title: 'Landscape and noise', mount: mountSettings },
  { id: 'custom', panel: 'settings', label: 'Your function', section: 'custom-section', title: 'Your own function',
    mount: lazy(() => import('./custom-function.js'), 'mountCustomFunction') },
  { id: 'presets', panel: 'presets', label: 'Experiments', section: 'presets', title: 'Experiments from the chapter',
    mount: lazy(() => import('./presets.js'), 'mountPresets') },
  { id: 'chart', panel: 'chart', label: 'Loss chart', section: 'chart-section', title: 'Loss by step',
    mount: lazy(() => import('./loss-chart.js'), 'mountLossChart') },
  { id: 'inside', panel: 'inside', label: 'Inside', section: 'inside', title: 'Inside the optimizer',
    mount: lazy(() => import('./inside-panel.js'), 'mountInside') },
  { id: 'rule', panel: 'rule', label: 'Update rule', section: 'rule', title: 'Update rule',
    mount: lazy(() => import('./update-rule.js'), 'mountUpdateRule') },
  { id: 'curvature', panel: 'curvature', label: 'Curvature', section: 'curvature', title: 'Curvature here',
    mount: lazy(() => import('./curvature-panel.js'), 'mountCurvature') },
  { id: 'basins', panel: 'basins', label: 'Basins', section: 'basins-section', title: 'Basins of attraction',
    mount: lazy(() => import('./basins-panel.js'), 'mountBasinsPanel') },
  { id: '3d', label: '3-D view', section: 'view-3d-section', title: '3-D view',
    mount: lazy(() => import('./view-switch.js'), 'mountViewSwitch') },
  { id: 'export', panel: 'export', label: 'Export', section: 'export', title: 'Export',
    mount: lazy(() => import('./export-tool.js'), 'mountExportTool') },
  { id: 'teacher', panel: 'teacher', label: 'For teachers', section: 'teacher', title: 'For teachers: share or embed this race',
    mount: lazy(() => import('./teacher-panel.js'), 'mountTeacherPanel') },
];
