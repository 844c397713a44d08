// @ts-check
// One line per runner under the map, in the chapter's form: the runner's marker and
// name (choosing it makes it the inspected runner), its status once it stopped, and
// "Step n · Loss: … | Pos: (…)", and for a runner with an lr schedule "| lr: …", the lr its
// last step used (the core's value; the schedule's own error, if it stopped, follows it).
// Text is written only when it changed.
import { el, setText } from './dom.js';
import { markerIcon } from '../render/markers.js';
import { runnerStyle } from '../render/palette.js';
import { readout, steps, compact } from './format.js';
import { statusHeadline, statusText } from '../race/status-text.js';

/**
 * @param {HTMLElement} list the #runners list
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession }} app
 */
export function mountReadouts(list, { store, session }) {
  /** @type {{ readout: HTMLElement, badge: HTMLElement, scheduled: boolean }[]} */
  let rows = [];
  let builtFor = '';

  /** @param {import('../state/store.js').AppState} s */
  function build(s) {
    const labels = session.labels;
    rows = [];
    list.replaceChildren(...s.runners.map((r, i) => {
      const { color, shape } = runnerStyle(i);
      const text = el('p', { class: 'readout', dataset: { runner: String(i) } }, readout({ loss: 0, x: s.start.x, y: s.start.y }));
      const badge = el('span', { class: 'badge running', dataset: { status: 'running' }, hidden: true }, 'running');
      rows.push({ readout: text, badge, scheduled: r.schedule !== undefined });
      const inspect = el('input', { type: 'radio', name: 'inspect', checked: s.selected === i, 'aria-label': `Inspect ${labels[i]}`,
        onchange: () => store.setState({ selected: i }) });
      // A scheduled runner's readout adds its lr: that line is too long to share a row with the name.
      const row = el('li', { class: r.schedule !== undefined ? 'runner scheduled' : 'runner', dataset: { index: String(i), optimizer: r.optimizer } },
        el('label', { class: 'runner-name', title: 'Inspect this runner (inside the optimizer, curvature, update rule)' },
          inspect, markerIcon(shape.d, color, 16), el('span', { class: 'name' }, labels[i]),
          el('span', { class: 'sr-only' }, ` (${shape.name} marker)`)),
        badge, text);
      row.style.setProperty('--runner-color', color); // CSSOM, not a style attribute: allowed by the CSP
      return row;
    }));
    show();
  }

  /** @param {import('../core/wrap-core.js').RunnerInfo} info */
  function lrText(info) {
    return ` | lr: ${compact(info.lr)}${info.scheduleError ? ` (schedule stopped: ${info.scheduleError})` : ''}`;
  }

  function show() {
    const frame = session.frame;
    frame.forEach((f, i) => {
      const row = rows[i];
      if (!row) return;
      setText(row.readout, `Step ${steps(f.steps)} · ${readout(f)}${row.scheduled ? lrText(session.info(i)) : ''}`);
      row.readout.dataset.step = String(f.steps);
      if (row.badge.dataset.status !== f.status) {
        const info = f.status === 'running' ? null : session.info(i);
        row.badge.dataset.status = f.status;
        row.badge.className = `badge ${f.status}`;
        // On screen the status word; the rest ("at step n") is read out and in the title, and the
        // runner's own step count is on its readout line already.
        const [word, ...rest] = (info ? statusHeadline(info, steps) : 'running').split(' ');
        row.badge.replaceChildren(word, el('span', { class: 'sr-only' }, rest.length ? ` ${rest.join(' ')}` : ''));
        row.badge.title = info ? statusText(info, steps) : '';
        row.badge.hidden = f.status === 'running';
      }
    });
  }

  return {
    /** @param {import('../state/store.js').AppState} s */
    update(s) {
      const key = JSON.stringify([s.runners, s.selected, s.lr, session.labels]);
      if (key !== builtFor) { builtFor = key; build(s); } else show();
    },
    frame: show,
    restart: show,
  };
}
