// @ts-check
// The race of every optimizer through the page's JavaScript API (web/js/core/wrap-core.js) on
// Rosenbrock from (-1.5, 2): runner steps per second, k steps a frame, each frame read as the
// page reads it; the race restarts when it finishes or passes `restartAt` steps. Used by the core
// part of `npm run bench` and by bench/ab-api-race.mjs (the same race on two checkouts).

/**
 * @param {any} core what wrapCore(M) returns
 * @param {number} seconds how long to run
 * @param {number} [k] steps per frame
 * @param {number} [restartAt] the race restarts after this many steps (6,000: before any runner stops)
 */
export function apiRaceRate(core, seconds, k = 16, restartAt = 100000) {
  const defaults = (/** @type {any} */ info) => Object.fromEntries(info.params.filter((/** @type {any} */ p) => p.required)
    .map((/** @type {any} */ p) => [p.name, p.defaults.length === 1 ? p.defaults[0] : p.defaults]));
  const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  try {
    for (const { id } of core.optimizers) race.addRunner(id, id === 'sgd' ? { lr: 0.001 } : defaults(core.optimizer(id)));
    let steps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) {
      for (let f = 0; f < 64; f += 1) {
        const before = race.frame();
        race.advance(k);
        const after = race.frame();
        for (let i = 0; i < after.length; i += 1) steps += after[i].steps - before[i].steps;
        if (race.finished || race.steps > restartAt) race.reset();
      }
    }
    return steps / ((performance.now() - t0) / 1000);
  } finally {
    race.dispose();
  }
}
