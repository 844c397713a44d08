// @ts-check
// Mounts the panels of the registry (panels.js) and keeps them up to date: the race's own
// panels at once, each tool when it is first opened from the tool bar. Every call into a
// panel is isolated: a panel that throws shows its message in its own place, and the race
// and the other panels go on.
import { el } from './dom.js';
import { PANEL_REGISTRY } from './panels.js';
import { panelAllowed } from './view-mode.js';

/**
 * @typedef {import('./panels.js').PanelSpec} PanelSpec
 * @typedef {import('./panels.js').PanelInstance} PanelInstance
 */

/**
 * @param {{ app: any, toolbar: HTMLElement, tray: HTMLElement, stageExtras: HTMLElement, allKeys: Set<string>,
 *   registry?: PanelSpec[] }} options
 */
export function createPanelHost({ app, toolbar, tray, stageExtras, allKeys, registry = PANEL_REGISTRY }) {
  /** @type {Map<string, { spec: PanelSpec, instance: PanelInstance | null, section: HTMLElement | null, body: HTMLElement, open: boolean }>} */
  const mounted = new Map();
  /** @type {Map<string, HTMLButtonElement>} */
  const buttons = new Map();
  /** @type {any} */
  let view = null;

  /** Shows a panel's own failure in its place. @param {HTMLElement} body @param {string} what @param {unknown} err */
  const fail = (body, what, err) => {
    console.warn(`${what}:`, err); // for whoever debugs it; the reader gets the message in place
    body.querySelector(':scope > .panel-error')?.remove();
    body.prepend(el('p', { class: 'panel-error field-error', role: 'alert' }, `${what}: ${String(/** @type {Error} */ (err)?.message ?? err)}`));
  };

  /** Calls `fn` on every mounted panel that has it, each in isolation. @param {'update'|'frame'|'restart'} fn @param {any[]} args */
  const each = (fn, ...args) => {
    for (const [id, m] of mounted) {
      const f = m.instance?.[fn];
      if (typeof f !== 'function' || (m.section && !m.open)) continue;
      try { /** @type {Function} */ (f).apply(m.instance, args); } catch (err) { fail(m.body, `The ${m.spec.title ?? id} panel stopped`, err); }
    }
  };

  /** Mounts one panel into `body` and gives it the whole state. @param {PanelSpec} spec @param {HTMLElement} body @param {HTMLElement | null} section */
  async function mount(spec, body, section) {
    const entry = { spec, instance: /** @type {PanelInstance | null} */ (null), section, body, open: true };
    mounted.set(spec.id, entry);
    try {
      entry.instance = (await spec.mount(body, app)) ?? null;
      entry.instance?.update?.(app.store.getState(), allKeys);
    } catch (err) {
      fail(body, `The ${spec.title ?? spec.label ?? spec.id} panel could not be shown`, err);
    }
    section?.removeAttribute('aria-busy');
    return entry;
  }

  /** The tool's section, placed in the tray in registry order. @param {PanelSpec} spec */
  function toolSection(spec) {
    const id = spec.section ?? `${spec.id}-section`;
    const body = el('div', { class: 'panel-body' });
    const close = el('button', { type: 'button', class: 'small panel-close', 'aria-label': `Close ${spec.title}`, onclick: () => setOpen(spec.id, false) }, 'Close');
    const section = el('section', { id, class: 'panel tool-panel', 'aria-labelledby': `${id}-title`, 'aria-busy': 'true', dataset: { tool: spec.id } },
      el('div', { class: 'panel-head' }, el('h2', { id: `${id}-title` }, spec.title ?? spec.label ?? spec.id), close), body);
    const order = registry.indexOf(spec);
    const next = [...tray.children].find((c) => registry.findIndex((s) => s.id === /** @type {HTMLElement} */ (c).dataset.tool) > order);
    tray.insertBefore(section, next ?? null);
    return { section, body };
  }

  /** Opens or closes a tool (mounting it the first time). @param {string} id @param {boolean} open */
  async function setOpen(id, open) {
    const spec = registry.find((s) => s.id === id);
    if (!spec || spec.place === 'stage') return;
    const button = buttons.get(id);
    button?.setAttribute('aria-pressed', String(open));
    let entry = mounted.get(id);
    if (open && !entry) {
      const { section, body } = toolSection(spec);
      button?.setAttribute('aria-controls', section.id);
      entry = await mount(spec, body, section);
    } else if (entry?.section) {
      entry.open = open;
      entry.section.hidden = !open;
      if (open) {
        try { entry.instance?.open?.(); entry.instance?.update?.(app.store.getState(), allKeys); } catch (err) { fail(entry.body, `The ${spec.title} panel stopped`, err); }
      } else {
        try { entry.instance?.close?.(); } catch (err) { fail(entry.body, `The ${spec.title} panel stopped`, err); }
      }
    }
    if (open && entry?.section && !entry.section.hidden) entry.section.scrollIntoView({ block: 'nearest' });
    app.refresh?.();
  }

  /** @type {Promise<unknown>[]} */
  const stageMounts = [];
  for (const spec of registry) {
    if (spec.place === 'stage') {
      const slot = spec.slot ? document.getElementById(spec.slot) : null;
      const root = slot ?? stageExtras.appendChild(el('div', { class: 'stage-panel', id: `${spec.id}-panel` }));
      stageMounts.push(mount(spec, root, null));
    } else {
      // aria-controls is set once the tool's section exists (it is built when first opened).
      const button = el('button', { type: 'button', id: `tool-${spec.id}`, class: 'tool-button', 'aria-pressed': 'false', onclick: () => setOpen(spec.id, button.getAttribute('aria-pressed') !== 'true') },
      spec.label ?? spec.id);
      buttons.set(spec.id, button);
      toolbar.append(button);
    }
  }

  return {
    /** Resolves when the race's own panels are mounted. */
    ready: Promise.all(stageMounts),
    setOpen,
    /** Is the tool open? @param {string} id */
    isOpen: (id) => Boolean(mounted.get(id)?.open),
    /** The mounted instance of a panel (tests, and panels that talk to each other). @param {string} id */
    instance: (id) => mounted.get(id)?.instance ?? null,
    /** @param {any} s @param {Set<string>} changed */
    update: (s, changed) => each('update', s, changed),
    frame: () => each('frame'),
    restart: () => each('restart'),
    /**
     * Shows the tools the link allows (`panels=`, the embed view) and, in a race embed, opens
     * them: there the teacher chose them to sit under the race.
     * @param {{ embed: string, panels: string[] }} v
     */
    applyView(v) {
      const first = view === null;
      view = v;
      for (const spec of registry) {
        const allowed = !spec.panel || panelAllowed(v, spec.panel);
        if (spec.place === 'stage') continue;
        const button = buttons.get(spec.id);
        if (button) button.hidden = !allowed || (v.embed === 'race' && spec.id === 'teacher');
        if (!allowed && mounted.get(spec.id)?.open) setOpen(spec.id, false);
        if (allowed && first && v.embed === 'race' && spec.panel && v.panels.includes(spec.panel) && spec.id !== 'custom') setOpen(spec.id, true);
      }
      toolbar.hidden = v.embed === 'quiz' || v.embed === 'section';
    },
  };
}
