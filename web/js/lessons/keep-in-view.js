/**
 * A deep link's target stays where the reader was sent while the page settles around it.
 *
 * Sections above the target fill in when they near the screen, fonts and formulas arrive late,
 * and the race column is built after the chapter: each can move the target away from the top.
 * Scroll anchoring does not cover all of it (WebKit has none; content that changes while the
 * page is still hidden is not anchored), so the target is brought back after every size change
 * of the page, until the reader scrolls, types or taps, or the page has been still for a while.
 */

const READER_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

/**
 * @param {HTMLElement} target brought to the top of the screen now and after every change
 * @param {{ quietMs?: number, maxMs?: number }} [options] quietMs: release after this long
 *   without a size change; maxMs: release after this long in any case
 * @returns {() => void} releases the target early
 */
export function keepInView(target, { quietMs = 1500, maxMs = 8000 } = {}) {
  const bring = () => target.scrollIntoView({ behavior: 'instant', block: 'start' });
  bring();
  if (typeof ResizeObserver === 'undefined') return () => {};
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let quiet;
  let frame = 0;
  const observer = new ResizeObserver(() => {
    // After the observer's delivery, not inside it (a change there is a "ResizeObserver loop").
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(bring);
    clearTimeout(quiet);
    quiet = setTimeout(release, quietMs);
  });
  const deadline = setTimeout(release, maxMs);
  function release() {
    observer.disconnect();
    cancelAnimationFrame(frame);
    clearTimeout(quiet);
    clearTimeout(deadline);
    for (const type of READER_EVENTS) window.removeEventListener(type, release, true);
  }
  observer.observe(document.body);
  quiet = setTimeout(release, quietMs);
  for (const type of READER_EVENTS) window.addEventListener(type, release, { capture: true, passive: true });
  return release;
}
