// @ts-check
// The "Race description" region: the race in words (race/description.js), browsable at any
// time, with two opt-in ways to follow it without the map: "Sound" (sonification.js) and
// "Read status changes aloud" (voicing.js). It watches the session on a slow timer instead of
// being called from the animation loop, so the page mounts it with one call: the text is
// rewritten at a calm pace while the race plays (every CALM_MS), at once when a runner
// converges or diverges, and whenever the race is paused and changes (a Step, a new start).
// The region is not a live region: screen readers hear only status changes, through the
// page's announcer; the description waits until it is read.
import { el } from './dom.js';
import { describeRace, recentTail } from '../race/description.js';
import { Sonifier, MAX_VOICES } from './sonification.js';
import { createVoicing } from './voicing.js';
import { steps as formatSteps } from './format.js';
import { statusHeadline, statusReason, statusText } from '../race/status-text.js';

/** How often the region looks at the race (sound follows at this rate). */
const TICK_MS = 200;
/** While the race plays, the text is rewritten at most this often. */
export const CALM_MS = 3000;

/** Sets text only when it differs, so a screen reader's reading position is not disturbed for nothing. @param {Element} node @param {string} text */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * @param {HTMLElement} root the element the region is placed in
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession,
 *   win?: Window & typeof globalThis }} deps
 */
export function mountRaceDescription(root, { store, session, win = window }) {
  const heading = el('h3', { id: 'race-description-title' }, 'Race description');
  const soundButton = el('button', { type: 'button', id: 'sound-toggle', 'aria-pressed': 'false', class: 'small',
    title: 'Hear each runner\'s loss as pitch (lower loss, lower pitch), with a chime when one converges and a rising slide when one diverges' }, 'Sound');
  const voiceButton = el('button', { type: 'button', id: 'voice-toggle', 'aria-pressed': 'false', class: 'small',
    title: 'The browser\'s speech reads each convergence and divergence aloud' }, 'Read status changes aloud');
  const note = el('span', { id: 'sound-note', class: 'muted small' });
  const when = el('p', { id: 'race-description-when', class: 'small' });
  const landscape = el('p', { id: 'race-description-landscape', class: 'small' });
  const runners = el('ul', { id: 'race-description-runners', class: 'small' });
  const order = el('p', { id: 'race-description-order', class: 'small' });
  const region = el('section', { id: 'race-description', class: 'race-description', 'aria-labelledby': 'race-description-title' },
    heading, el('div', { class: 'row' }, soundButton, voiceButton, note), when, landscape, runners, order);
  Object.assign(region.style, { marginTop: '0.6rem', borderTop: '1px solid var(--border)', paddingTop: '0.3rem' });
  Object.assign(heading.style, { fontSize: '0.95rem', margin: '0.3rem 0' });
  for (const p of [when, landscape, order]) Object.assign(p.style, { margin: '0.3rem 0' });
  Object.assign(runners.style, { margin: '0.3rem 0', paddingLeft: '1.2rem' });
  root.append(region);

  const reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const sonifier = new Sonifier({ AudioContextClass: /** @type {any} */ (win).AudioContext ?? /** @type {any} */ (win).webkitAudioContext, reducedMotion });
  const voicing = createVoicing({ synth: win.speechSynthesis, Utterance: /** @type {any} */ (win).SpeechSynthesisUtterance });
  if (!sonifier.available) {
    soundButton.disabled = true;
    note.textContent = 'Sound is not available in this browser.';
  }
  if (!voicing.available) voiceButton.disabled = true;

  soundButton.addEventListener('click', () => {
    if (sonifier.on) sonifier.stop(); else sonifier.start();
    soundButton.setAttribute('aria-pressed', String(sonifier.on));
    note.textContent = sonifier.on
      ? `Sound on: plays while the race runs${session.labels.length > MAX_VOICES ? `; the first ${MAX_VOICES} runners hum` : ''}.`
      : '';
    tick();
  });
  voiceButton.addEventListener('click', () => {
    voicing.set(!voicing.on);
    voiceButton.setAttribute('aria-pressed', String(voicing.on));
    if (voicing.on) voicing.say('Status changes will be read aloud.');
  });

  /** What the region last saw, to tell status changes and restarts apart. */
  let seen = { labels: '', landscape: '', steps: -1, statuses: /** @type {string[]} */ ([]), start: '' };
  let lastWritten = 0;
  let stale = true;

  /** Writes the description now. */
  function write() {
    const frame = session.frame;
    if (!session.landscape || !session.race) return;
    const s = store.getState();
    const d = describeRace({
      landscape: session.landscape, frame, labels: session.labels,
      statusText: (i) => statusText(session.info(i), formatSteps),
      tail: (i, k) => recentTail(/** @type {import('../core/wrap-core.js').Race} */ (session.race), i, k, frame[i]?.steps ?? 0),
      curvature: (x, y) => session.curvature(x, y),
      gradient: (i) => { const r = session.info(i); return { x: r.gx, y: r.gy }; },
    });
    setText(when, `At step ${formatSteps(session.steps)}, ${s.playing ? 'playing' : 'paused'}; started at (${s.start.x}, ${s.start.y}).`);
    setText(landscape, d.landscape);
    while (runners.children.length > d.runners.length) runners.lastElementChild?.remove();
    d.runners.forEach((r, i) => {
      const li = runners.children[i] ?? runners.appendChild(el('li', {}));
      setText(li, r.sentence);
      /** @type {HTMLElement} */ (li).dataset.motion = r.motion.kind;
    });
    if (d.runners.length === 0) runners.replaceChildren(el('li', {}, 'No optimizer is racing: tick one under “Optimizers”.'));
    setText(order, d.order);
    lastWritten = performance.now();
    stale = false;
  }

  function tick() {
    const s = store.getState();
    const frame = session.frame;
    const labels = session.labels.join('\u0000');
    const landscapeName = session.landscape?.displayName ?? '';
    const start = `${s.start.x},${s.start.y}`;
    const sameRace = labels === seen.labels && landscapeName === seen.landscape && start === seen.start && session.steps >= seen.steps;
    const statuses = frame.map((f) => f.status);
    let statusChanged = false;
    if (sameRace) {
      statuses.forEach((status, i) => {
        if (status === 'running' || seen.statuses[i] !== 'running') return;
        statusChanged = true;
        sonifier.cue(/** @type {'converged'|'diverged'} */ (status), i);
        const info = session.info(i);
        // Spoken without coordinates and loss: "converged at step 1,677: near the global minimum".
        const where = info.minimum ? `near the ${info.minimum.global ? 'global' : 'local'} minimum` : statusReason(info);
        const text = where ? `${statusHeadline(info, formatSteps)}: ${where}` : statusHeadline(info, formatSteps);
        voicing.say(`${session.labels[i]} ${text}.`);
      });
    }
    if (!sameRace || session.steps !== seen.steps) stale = true;
    seen = { labels, landscape: landscapeName, steps: session.steps, statuses, start };
    const visible = win.document.visibilityState !== 'hidden';
    if (sonifier.on) {
      if (s.playing && visible) { sonifier.resume(); sonifier.update(frame); } else sonifier.pause();
    }
    const due = statusChanged || !sameRace || !s.playing || performance.now() - lastWritten >= CALM_MS;
    if (stale && due && visible) write();
  }

  store.subscribe((_s, changed) => { if (changed.has('playing')) { stale = true; tick(); } });
  win.document.addEventListener('visibilitychange', () => { if (win.document.visibilityState === 'hidden') sonifier.pause(); else tick(); });
  const timer = win.setInterval(() => {
    try { tick(); } catch (err) { console.warn('Race description:', err); } // one failing panel never stops the race
  }, TICK_MS);
  tick();

  return {
    sonifier,
    voicing,
    /** Rewrites the description now (tests, and a future "describe now" button). */
    write,
    dispose() { win.clearInterval(timer); sonifier.stop(); voicing.set(false); },
  };
}
