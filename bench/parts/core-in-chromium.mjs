// The core inside the page in headless Chromium: the landscape surface, frames of a full race,
// the learning-rate sweep, called through web/js/core/wrap-core.js as the page calls it.
import { B, launchChromium, log, median, ms, quantile, startBenchServer, verdict } from '../lib.mjs';

export async function measure() {
  log('the core in headless Chromium');
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}__blank.html`);
    await page.goto(`${server.url}index.html`);
    const out = await page.evaluate(async () => {
      // The labs' module: the race's bindings and the labs' (the sweep below).
      const { default: createCoreModule } = await import('./generated/core_labs.js');
      const { wrapCore: wrap } = await import('./js/core/wrap-core.js');
      let labs = null;
      try { labs = (await import('./js/core/labs-core.js')).wrapLabs; } catch { /* no labs bindings */ }
      const Mod = await createCoreModule();
      const c = wrap(Mod);
      /** @type {Record<string, any>} */
      const r = {};
      const race = c.createRace('rosenbrock');
      race.surface({ nx: 512, ny: 512, levels: 20 });
      const surf = [];
      for (let i = 0; i < 10; i += 1) {
        const t0 = performance.now();
        race.surface({ nx: 512, ny: 512, levels: 20 });
        surf.push(performance.now() - t0);
      }
      r.surface = surf;
      r.optimizers = c.optimizers.length;
      for (const o of c.optimizers) {
        /** @type {Record<string, any>} */
        const s = {};
        for (const p of o.params) if (p.required) s[p.name] = p.defaults.length === 1 ? p.defaults[0] : p.defaults;
        race.addRunner(o.id, s, o.displayName);
      }
      race.setNoise(0.05, 3);
      race.advance(3000); // long trails before measuring
      for (const k of [5, 100, 1000]) {
        const times = [];
        const full = [];
        let last = race.steps;
        for (let f = 0; f < 300; f += 1) {
          const t0 = performance.now();
          race.advance(k);
          race.frame();
          for (let i = 0; i < race.runnerCount; i += 1) race.trajectorySince(i, last);
          last = race.steps;
          const t1 = performance.now();
          for (let i = 0; i < race.runnerCount; i += 1) race.trajectory(i);
          full.push(performance.now() - t0);
          times.push(t1 - t0);
          if (race.finished) { race.reset(); race.advance(3000); last = race.steps; }
        }
        r[`frame${k}`] = times;
        r[`frameFull${k}`] = full;
      }
      race.dispose();
      if (labs) {
        const L = labs(Mod);
        const configs = c.optimizers.map((o) => ({ optimizerId: o.id, settings: {} }));
        const sweep = [];
        for (let i = 0; i < 3; i += 1) {
          const t0 = performance.now();
          const res = L.sweep('rosenbrock', {}, { x: -1.5, y: 2 }, configs, {});
          sweep.push(performance.now() - t0);
          r.sweepShape = `${res.labels.length} configs x ${res.lrs.length} lrs`;
        }
        r.sweep = sweep;
      }
      return r;
    });
    await context.close();
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** @param {any} b @param {(s?: string) => void} line @param {string[][]} rows */
export function report(b, line, rows) {
  line('## The core in headless Chromium');
  line();
  line(`Chromium headless (--disable-gpu), the site of \`${B}/site\` served on 127.0.0.1; the core is called through web/js/core/wrap-core.js in the page.`);
  line();
  line('| measurement | p50 | p95 | target | verdict |');
  line('|---|---:|---:|---|---|');
  line(`| 512×512 surface + 20 contour levels, \`race.surface()\` (10 runs) | ${ms(median(b.surface))} | ${ms(quantile(b.surface, 0.95))} | ≤ 15 ms | ${verdict(median(b.surface), 15)} |`);
  rows.push(['surface 512x512, 20 levels', ms(median(b.surface)), `p95 ${ms(quantile(b.surface, 0.95))}`, '≤ 15 ms']);
  for (const k of [5, 100, 1000]) {
    const t = b[`frame${k}`];
    const full = b[`frameFull${k}`];
    line(`| frame, ${b.optimizers} optimizers, ${k} steps/frame: advance + frame + new trail points (300 frames) | ${ms(median(t))} | ${ms(quantile(t, 0.95))} | p95 ≤ 4 ms | ${verdict(quantile(t, 0.95), 4)} |`);
    line(`| same + a full copy of every trail (up to 4096 points each) | ${ms(median(full))} | ${ms(quantile(full, 0.95))} | p95 ≤ 4 ms | ${verdict(quantile(full, 0.95), 4)} |`);
    rows.push([`frame k=${k}`, `p50 ${ms(median(t))}`, `p95 ${ms(quantile(t, 0.95))}`, 'p95 ≤ 4 ms']);
  }
  if (b.sweep) {
    line(`| full learning-rate sweep (${b.sweepShape} x 2000 steps, main thread, 3 runs) | ${ms(median(b.sweep))} | ${ms(Math.max(...b.sweep))} | ≤ 200 ms | ${verdict(median(b.sweep), 200)} |`);
    rows.push(['lr sweep', ms(median(b.sweep)), b.sweepShape, '≤ 200 ms']);
  } else {
    line('| full learning-rate sweep | not measured: no sweep binding in this build | | ≤ 200 ms | |');
  }
  line();
  line('These rows measure the core\'s share of a frame; the page\'s own drawing is in "The race in Chromium" below.');
  line();
}
