// @ts-check
// Race events for screen readers, through one polite live region
// ("Momentum converged at step 1,677: near global minimum 0 (1, 1), f = 0").

/** @param {HTMLElement} region */
export function createAnnouncer(region) {
  return {
    /** @param {string} text */
    say(text) {
      const line = document.createElement('p');
      line.textContent = text;
      region.append(line);
      while (region.childElementCount > 5) region.firstElementChild?.remove();
    },
  };
}
