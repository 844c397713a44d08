// @ts-check
// On a phone the race cannot sit beside the chapter. Once the reader scrolls past it,
// the race docks as a compact strip at the top of the screen (the map, small, and the
// transport), so a section's "Try it" still shows its effect; the strip's button
// expands the whole race over the page and folds it back. The race keeps its place in
// the page meanwhile, so nothing jumps. Wide pages and embeds never dock.
import { el } from './dom.js';

const NARROW = '(max-width: 959px)';

/** @param {HTMLElement} stage */
export function dockStage(stage) {
  const column = /** @type {HTMLElement} */ (stage.parentElement);
  const toggle = /** @type {HTMLButtonElement} */ (document.getElementById('dock-toggle') ?? stage.appendChild(el('button', { type: 'button' })));
  const narrow = window.matchMedia(NARROW);
  let docked = false;

  /** @param {boolean} on */
  const setExpanded = (on) => {
    stage.classList.toggle('expanded', on);
    toggle.setAttribute('aria-expanded', String(on));
    toggle.textContent = on ? 'Fold the race' : 'Show the whole race';
  };
  /** @param {boolean} on */
  const setDocked = (on) => {
    if (on === docked) return;
    docked = on;
    if (on) column.style.minHeight = `${column.offsetHeight}px`; // the race keeps its room in the page
    else column.style.minHeight = '';
    stage.classList.toggle('docked', on);
    toggle.hidden = !on;
    setExpanded(false);
  };
  toggle.addEventListener('click', () => setExpanded(!stage.classList.contains('expanded')));

  const observer = new IntersectionObserver(([entry]) => {
    const embedded = Boolean(document.documentElement.dataset.embed);
    setDocked(narrow.matches && !embedded && !stage.hidden && !entry.isIntersecting && entry.boundingClientRect.bottom < 0);
  });
  observer.observe(column);
  narrow.addEventListener('change', () => { if (!narrow.matches) setDocked(false); });

  return {
    get docked() { return docked; },
    /** Draws the eye to the strip after a change made from the chapter. */
    flash() {
      if (!docked) return;
      stage.classList.remove('flash');
      void stage.offsetWidth; // restart the animation
      stage.classList.add('flash');
    },
  };
}
