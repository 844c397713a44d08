// The perf issue's targets, each with its measured value and met/missed, from the parts' results.
import { fmt, kb, verdict, verdictAtLeast } from './lib.mjs';
import { med, TARGETS as LH } from './parts/lighthouse.mjs';
import { FIRST_DRAW_BUDGET_MS, PAGE_BUDGET_GZIP, pageTotals } from './parts/page.mjs';
import { TARGETS as RACE } from './parts/race.mjs';
import { WEBKIT_TARGET_FPS } from './parts/engines.mjs';

/** @param {Record<string, any>} r results by part @returns {[string, string, string][]} */
export function targetRows(r) {
  const NOT = 'not measured';
  /** @type {[string, string, string][]} */
  const rows = [];
  const lh = r.lighthouse?.runs;
  rows.push(['Lighthouse performance ≥ 95 (mobile)', lh ? String(med(lh.mobile, 'performance')) : NOT, lh ? verdictAtLeast(med(lh.mobile, 'performance'), LH.mobile) : '']);
  rows.push(['Lighthouse performance 100 (desktop)', lh ? String(med(lh.desktop, 'performance')) : NOT, lh ? verdictAtLeast(med(lh.desktop, 'performance'), LH.desktop) : '']);
  rows.push(['CLS ≤ 0.02 (Lighthouse, mobile and desktop)', lh ? `${med(lh.mobile, 'cumulative-layout-shift').toFixed(3)} / ${med(lh.desktop, 'cumulative-layout-shift').toFixed(3)}` : NOT,
    lh ? verdict(Math.max(med(lh.mobile, 'cumulative-layout-shift'), med(lh.desktop, 'cumulative-layout-shift')), LH.cls, '') : '']);
  rows.push(['TBT ≤ 150 ms (Lighthouse mobile)', lh ? `${med(lh.mobile, 'total-blocking-time').toFixed(0)} ms` : NOT, lh ? verdict(med(lh.mobile, 'total-blocking-time'), LH.tbt) : '']);
  const race = r.race;
  const f4 = race?.rates?.[4];
  const f6 = race?.rates?.[6];
  rows.push(['default race ≥ 58 fps at CPU 4x', f4 ? `${fmt(f4.fps)} fps` : NOT, f4 ? verdictAtLeast(f4.fps, RACE.fps4, ' fps') : '']);
  rows.push(['default race ≥ 50 fps at CPU 6x, no frame over 50 ms', f6 ? `${fmt(f6.fps)} fps, worst ${f6.worst.toFixed(0)} ms` : NOT,
    f6 ? [verdictAtLeast(f6.fps, RACE.fps6, ' fps'), verdict(f6.worst, RACE.worst6)].join('; ') : '']);
  // Judged on the thread's CPU time when the trace has it (load-independent); wall-clock self time beside it.
  const m = race?.mainThread;
  const mainMs = m ? (m.cpu ?? m.total) : 0;
  rows.push(['main thread ≤ 3 ms per frame at 1x', m ? `${mainMs.toFixed(2)} ms${m.cpu === undefined ? '' : ` CPU (wall ${m.total.toFixed(2)} ms)`}` : NOT,
    m ? verdict(mainMs, RACE.mainThread1) : '']);
  const wk = r.engines?.webkit;
  rows.push(['WebKitGTK (software) ≥ 50 fps', wk?.race ? `${fmt(wk.race.fps)} fps (blank page ${fmt(wk.blank.fps)})` : wk?.error ? `${NOT}: ${wk.error}` : NOT,
    wk?.race ? verdictAtLeast(wk.race.fps, WEBKIT_TARGET_FPS, ' fps') : '']);
  const page = r.page ? pageTotals(r.page) : null;
  rows.push(['first drawn landscape ≤ 300 ms on localhost', page ? `${page.firstDraw.toFixed(0)} ms` : NOT, page ? verdict(page.firstDraw, FIRST_DRAW_BUDGET_MS) : '']);
  rows.push(['main page ≤ 150 KB gzip before the first interaction (fonts aside)', page ? `${kb(page.gzip)} (${page.requests} requests)` : NOT,
    page ? verdict(page.gzip / 1024, PAGE_BUDGET_GZIP / 1024, ' KB') : '']);
  return rows;
}
