// The default race as a student sees it in Chromium: frames per second and the worst frame with
// the CPU slowed 1x, 4x and 6x (CDP Emulation.setCPUThrottlingRate; Lighthouse's mobile preset
// is 4x), and where the renderer's main thread spends each frame, from a trace at 1x.
import { combineRuns, launchChromium, listedRuns, log, startBenchServer, measureFramesSource, fmt, verdict, verdictAtLeast } from '../lib.mjs';

const SECONDS = 5;
export const RATES = [1, 4, 6];
/** The issue's targets. */
export const TARGETS = { fps4: 58, fps6: 50, worst6: 50, mainThread1: 3 };

/** Trace events by what the main thread is doing (self time of each event; unknown names inherit their parent's). */
const CATEGORY = /** @type {Record<string, string>} */ ({
  FunctionCall: 'script', EvaluateScript: 'script', 'v8.compile': 'script', 'v8.compileModule': 'script', 'v8.evaluateModule': 'script',
  FireAnimationFrame: 'script', TimerFire: 'script', EventDispatch: 'script', RunMicrotasks: 'script', 'V8.Execute': 'script',
  MinorGC: 'script', MajorGC: 'script', 'BlinkGC.AtomicPhase': 'script', V8Console: 'script', FireIdleCallback: 'script',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout', 'LocalFrameView::layout': 'layout', IntersectionObserverController: 'layout', ResizeObserverController: 'layout',
  Paint: 'paint', PrePaint: 'paint', PaintImage: 'paint', 'Decode Image': 'paint', 'LocalFrameView::RunPaintLifecyclePhase': 'paint',
  Commit: 'commit', CompositeLayers: 'commit', UpdateLayer: 'commit', UpdateLayerTree: 'commit', Layerize: 'commit',
  'LocalFrameView::UpdateLifecyclePhases': 'commit', 'ProxyMain::BeginMainFrame::commit': 'commit',
  ParseHTML: 'other', HitTest: 'other',
});

/** @param {any[]} events the trace's events @param {number} frames frames drawn in the traced span */
export function mainThreadPerFrame(events, frames) {
  // The renderer's main thread with the most animation frames is the page's.
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) if (e.name === 'FireAnimationFrame' && threads.has(`${e.pid}:${e.tid}`)) threads.set(`${e.pid}:${e.tid}`, threads.get(`${e.pid}:${e.tid}`) + 1);
  const main = [...threads.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** @type {Record<string, number>} */
  const self = { script: 0, style: 0, layout: 0, paint: 0, commit: 0, other: 0 };
  /** @type {{ end: number, cat: string, child: number, dur: number }[]} */
  const stack = [];
  const close = (/** @type {number} */ ts) => {
    while (stack.length && stack[stack.length - 1].end <= ts) {
      const top = /** @type {any} */ (stack.pop());
      self[top.cat] += Math.max(0, top.dur - top.child);
    }
  };
  for (const e of mine) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur;
    stack.push({ end: e.ts + e.dur, cat: CATEGORY[e.name] ?? parent?.cat ?? 'other', child: 0, dur: e.dur });
  }
  close(Infinity);
  const perFrame = Object.fromEntries(Object.entries(self).map(([k, us]) => [k, us / 1000 / Math.max(1, frames)]));
  perFrame.total = Object.values(perFrame).reduce((a, b) => a + b, 0);
  // CPU time (the thread's own clock, `tdur`) of the top-level tasks: what the page costs, little
  // affected by other processes on a crowded machine (wall time above counts their share too).
  // (CDP's CPU throttling is counted in it too: at 4x/6x it grows with the rate.)
  const top = outermost(mine.filter((e) => TOP_LEVEL.has(e.name)));
  perFrame.cpu = top.reduce((a, e) => a + (e.tdur ?? e.dur), 0) / 1000 / Math.max(1, frames);
  // Busy: wall time inside a task (the issue's "main thread busy per frame"); more than the CPU
  // time where the thread waits inside a task (a commit waits for the compositor thread).
  perFrame.busy = top.reduce((a, e) => a + e.dur, 0) / 1000 / Math.max(1, frames);
  // Long tasks as Lighthouse counts them (wall time over 50 ms), and the part over 50 ms (its TBT share).
  const long = top.filter((e) => e.dur > 50000);
  perFrame.longTasks = long.length;
  perFrame.blockingMs = long.reduce((a, e) => a + e.dur / 1000 - 50, 0);
  // Counts, which no other process changes: layouts, paints and canvas bitmaps handed to the
  // compositor (one per changed canvas per frame; in software each is a copy of the bitmap).
  const count = (/** @type {string} */ name) => mine.filter((e) => e.name === name).length / Math.max(1, frames);
  perFrame.layouts = count('Layout');
  perFrame.paints = count('Paint');
  perFrame.canvasCopies = count('Canvas2DResourceProvider::ProduceCanvasResource');
  return perFrame;
}

/**
 * Trace event names of a task on a thread. Chromium records one task as both, the second inside
 * the first, so only the outermost of nested ones is a task (counting both counted it twice).
 */
const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The events not inside another of `events` (sorted by start, longest first at equal starts).
 * @template {{ts: number, dur: number}} E @param {E[]} events @returns {E[]}
 */
export function outermost(events) {
  /** @type {E[]} */
  const out = [];
  let end = -Infinity;
  for (const e of events) {
    if (e.ts >= end) { out.push(e); end = e.ts + e.dur; }
  }
  return out;
}

/** Untraced runs per CPU rate: one 5 s run swings by several fps with whatever else the machine does. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RACE_RUNS ?? 3));

export async function measure() {
  const server = await startBenchServer();
  const browser = await launchChromium();
  /** @type {Record<string, any>} */
  const out = { seconds: SECONDS, runs: RUNS, rates: {} };
  /** Opens the default race in a fresh context and waits until it runs at `rate`. @param {number} rate */
  const open = async (rate) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => Number(document.getElementById('step-count')?.dataset.step) > 0, null, { timeout: 30000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.waitForTimeout(1000);
    return { context, page };
  };
  const step = (/** @type {any} */ page) => page.evaluate(() => Number(document.getElementById('step-count')?.dataset.step));
  try {
    for (const rate of RATES) {
      // Frame rates untraced: tracing costs the renderer time of its own.
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) {
        log(`the default race at CPU ${rate}x, run ${i + 1} of ${RUNS}`);
        const { context, page } = await open(rate);
        const before = await step(page);
        const frames = await page.evaluate(`(${measureFramesSource})(${SECONDS})`);
        frames.scriptPerFrame = await page.evaluate(() => /** @type {any} */ (window).optlab?.timer?.percentile(50) ?? null);
        runs.push({ ...frames, steps: (await step(page)) - before });
        await context.close();
      }
      // Where the main thread's time goes: a trace of the same race, a separate run.
      log(`the default race at CPU ${rate}x, traced`);
      const { context, page } = await open(rate);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline',
        'toplevel', 'v8.execute', 'blink', 'cc'] });
      const traced = await page.evaluate(`(${measureFramesSource})(${SECONDS})`);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      await context.close();
      const m = mainThreadPerFrame(trace.traceEvents ?? trace, traced.frames);
      if (rate === 1) out.mainThread = m;
      out.rates[rate] = { ...combineRuns(runs), cpuPerFrame: m.cpu, longTasks: m.longTasks, blockingMs: m.blockingMs };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** @param {any} r @param {(s?: string) => void} line @param {string[][]} rows */
export function report(r, line, rows) {
  line('## The race in Chromium: frame rate, worst frame, main thread');
  line();
  line(`The default race of \`index.html\` (autoplay) at 1280x800 in Chromium headless (--disable-gpu), ${r.seconds} s of requestAnimationFrame ` +
    `in each of ${r.runs ?? 1} untraced runs (fresh page each; fps: the median run, worst frame: the worst of all runs, every run's fps in brackets) ` +
    'after the race is running, CPU slowed with CDP `Emulation.setCPUThrottlingRate` (4x is Lighthouse\'s mid-range phone, the class of a school Chromebook). ' +
    '"steps" is how far the race got meanwhile (0: it had finished, the frames measure an idle page).');
  line();
  line('| CPU | fps | worst frame | p95 frame | race steps | main-thread CPU / frame | tasks > 50 ms (blocking ms) | target | verdict |');
  line('|---|---:|---:|---:|---:|---:|---:|---|---|');
  for (const rate of RATES) {
    const f = r.rates[rate];
    if (!f) continue;
    const target = rate === 4 ? `≥ ${TARGETS.fps4} fps` : rate === 6 ? `≥ ${TARGETS.fps6} fps, no frame > ${TARGETS.worst6} ms` : '';
    const v = rate === 4 ? verdictAtLeast(f.fps, TARGETS.fps4, ' fps')
      : rate === 6 ? [verdictAtLeast(f.fps, TARGETS.fps6, ' fps'), verdict(f.worst, TARGETS.worst6)].join('; ') : '';
    const cpu = f.cpuPerFrame === undefined ? '' : `${f.cpuPerFrame.toFixed(2)} ms`;
    const long = f.longTasks === undefined ? '' : `${f.longTasks} (${f.blockingMs.toFixed(0)} ms)`;
    line(`| ${rate}x | ${fmt(f.fps)}${listedRuns(f.runs)} | ${f.worst.toFixed(1)} ms | ${f.p95.toFixed(1)} ms | ${f.steps} | ${cpu} | ${long} | ${target} | ${v} |`);
    rows.push([`race fps, CPU ${rate}x`, `${fmt(f.fps)} fps`, `worst ${f.worst.toFixed(1)} ms`, target]);
  }
  line();
  const m = r.mainThread;
  if (m) {
    line('"main-thread CPU / frame": the renderer main thread\'s own CPU time (trace `tdur` of its top-level tasks) per drawn frame, ' +
      'the figure least affected by other processes (CDP throttling is counted in it, so it grows with the rate). "tasks > 50 ms": ' +
      'long tasks in the traced span and their time beyond 50 ms (what Lighthouse sums as TBT).');
    line();
    if (m.canvasCopies !== undefined) {
      line(`Per frame at 1x: ${m.canvasCopies.toFixed(2)} canvas bitmaps handed to the compositor, ${m.layouts.toFixed(2)} layouts, ${m.paints.toFixed(2)} paints (counts from the trace).`);
      line();
    }
    line(`Renderer main thread per frame at 1x, from a Chromium trace of the same span (wall-clock self time of each trace event, by kind; main-thread CPU time ${m.cpu?.toFixed(2) ?? '?'} ms, busy (wall time inside tasks) ${m.busy?.toFixed(2) ?? '?'} ms):`);
    line();
    line('| script | style | layout | paint | commit | other | total | target | verdict |');
    line('|---:|---:|---:|---:|---:|---:|---:|---|---|');
    line(`| ${['script', 'style', 'layout', 'paint', 'commit', 'other', 'total'].map((k) => `${m[k].toFixed(2)} ms`).join(' | ')} | ≤ ${TARGETS.mainThread1} ms | ${verdict(m.cpu ?? m.total, TARGETS.mainThread1)}${m.cpu === undefined ? '' : ' (on CPU time)'} |`);
    line();
    rows.push(['main thread per frame, 1x', `${(m.cpu ?? m.total).toFixed(2)} ms`, `script ${m.script.toFixed(2)}, paint ${m.paint.toFixed(2)}`, '≤ 3 ms']);
  }
}
