// @ts-check
// The page's copy of each runner's trail, kept up to date incrementally: after each
// advance it appends only the points the core recorded since the last one it has
// (race.trajectorySince), instead of copying whole trajectories every frame. When a
// trail grows past `limit` points it is replaced by the core's bounded (decimated)
// trajectory. `generation` changes whenever trails are replaced, so a renderer that
// draws incrementally knows when to start over.

const DEFAULT_LIMIT = 12000;

export class TrailCache {
  constructor(limit = DEFAULT_LIMIT) {
    this.limit = limit;
    /** @type {{points: Float64Array, length: number, lastStep: number}[]} points: [x, y, loss] per point */
    this.trails = [];
    this.generation = 0;
  }

  /** Forgets every trail (after a restart of the race). */
  clear() {
    this.trails = [];
    this.generation++;
  }

  /**
   * Appends what the core recorded since the last update, for every runner.
   * @param {import('../core/wrap-core.js').Race} race
   */
  update(race) {
    const n = race.runnerCount;
    if (this.trails.length !== n) {
      this.trails = Array.from({ length: n }, () => ({ points: new Float64Array(3 * 1024), length: 0, lastStep: -1 }));
      this.generation++;
    }
    let replaced = false;
    for (let i = 0; i < n; i++) {
      const t = this.trails[i];
      const { points, steps } = race.trajectorySince(i, t.lastStep);
      if (steps.length === 0) continue;
      if (t.length + steps.length > this.limit) {
        const all = race.trajectorySince(i, -1);
        t.length = 0;
        this.#append(t, all.points, all.steps);
        replaced = true;
      } else {
        this.#append(t, points, steps);
      }
    }
    if (replaced) this.generation++;
  }

  /** @param {{points: Float64Array, length: number, lastStep: number}} t @param {Float64Array} points @param {Float64Array} steps */
  #append(t, points, steps) {
    const need = 3 * (t.length + steps.length);
    if (need > t.points.length) {
      const grown = new Float64Array(Math.max(need, 2 * t.points.length));
      grown.set(t.points.subarray(0, 3 * t.length));
      t.points = grown;
    }
    t.points.set(points, 3 * t.length);
    t.length += steps.length;
    t.lastStep = steps[steps.length - 1];
  }
}
