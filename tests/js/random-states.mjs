// Deterministic random inputs shared by the URL-state tests: a seeded generator, so a
// failure reproduces, and random *valid* race states drawn from the core's catalogs.
import { RACE_PROPERTIES } from '../../web/js/state/properties.js';

/** mulberry32: a small seeded generator of numbers in [0, 1). @param {number} seed */
export function rng(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The landscape, runners and numeric settings of a random valid race: any landscape with
 * parameters inside their ranges, up to `maxRunners` optimizers each setting some of its
 * hyperparameters (each with probability `setChance`) inside their specs.
 * @param {{ landscapes: any[], optimizers: any[] }} core @param {() => number} r
 * @param {{ maxRunners: number, setChance: number }} options
 */
export function randomRace(core, r, { maxRunners, setChance }) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const within = (min, max) => {
    const lo = Number.isFinite(min) ? min : -10;
    const hi = Number.isFinite(max) ? max : lo + 10;
    return lo + (hi - lo) * (0.05 + 0.9 * r());
  };
  const land = pick(core.landscapes);
  const landscapeParams = Object.fromEntries(land.params.map((p) => [p.name, p.integer ? Math.round(within(p.min, p.max)) : within(p.min, p.max)]));
  const runners = Array.from({ length: 1 + Math.floor(r() * maxRunners) }, () => {
    const o = pick(core.optimizers);
    /** @type {Record<string, import('../../web/js/state/properties.js').HyperValue>} */
    const params = {};
    for (const spec of o.params) {
      if (r() >= setChance) continue;
      if (spec.kind === 'bool') params[spec.name] = r() < 0.5;
      else if (spec.kind === 'pair') params[spec.name] = [within(spec.min, spec.max), within(spec.min, spec.max)];
      else params[spec.name] = within(spec.min ?? 0, spec.max ?? 10);
    }
    return { optimizer: o.id, params };
  });
  const num = (key, integer) => {
    const spec = RACE_PROPERTIES.find((p) => p.key === key);
    const [min, max] = [Number(spec?.min), Number(spec?.max)];
    const v = min + (max - min) * r();
    return integer ? Math.round(v) : v;
  };
  return { landscape: land.id, landscapeParams, runners,
    lr: num('lr'), noise: num('noise'), seed: num('seed', true), speed: num('speed', true) };
}
