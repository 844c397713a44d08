// 1,000 malformed and hostile URL queries, deterministic: wrong types, huge numbers, NaN,
// script and markup, unicode, very long values, repeated and prototype-named keys, raw
// separators. Used by tests/js/page-state.test.mjs and (a sample) tests/browser/embed.test.mjs.
import { STATE_PROPERTIES } from '../../web/js/state/properties.js';
import { rng } from './random-states.mjs';

/** 1,000 malformed and hostile queries, deterministic. Exported for the browser test's sample. */
export function hostileQueries(count = 1000, seed = 99) {
  const r = rng(seed);
  const keys = [...STATE_PROPERTIES.map((p) => p.url), 'x-lms', '__proto__', 'constructor', 'toString', 'opt', 'opt', 'lp'];
  const values = ['', 'NaN', '-NaN', 'Infinity', '-1e309', '1e999', '0x10', '1_000', '  1', '1e-400', '9'.repeat(400), 'true', 'TRUE', '1',
    '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=1',
    '\u202eevil', '😀😀', '\u0000', '%', '%ZZ', '%3Cscript%3E', 'adam(lr:1e999)', 'sgd(momentum:NaN,nesterov:maybe)',
    'adam(betas:0.9/0.999/0.5)', 'race', 'quiz', 'section', 'a'.repeat(2500), 'chart,<svg onload=window.__pwned=1>', '-0', '1,2',
    'rosenbrock', 'ravine', 'kappa:1e308,angle:-1e308', '3-momentum', 'x'.repeat(70), 'Ⅻ', '١٢٣',
    // Schedules and clipping after a runner (url.js): bad classes, arguments, nesting, thresholds.
    'adam~StepLR(step_size=0)~clip_grad_norm:NaN', 'sgd(momentum:0.9)~OneCycleLR(max_lr=1e999,total_steps=-1)',
    'adam~SequentialLR(schedulers=SequentialLR(schedulers=StepLR(step_size=1),milestones=1),milestones=1)',
    'sgd~Nope(x=1)~CosineAnnealingLR(T_max=10)~clip_grad_value:-1~clip_grad_norm:1e999', `adam~${'StepLR('.repeat(300)}`,
    'sgd~__proto__(constructor=1)', 'adam~~~'];
  return Array.from({ length: count }, () => {
    const n = Math.floor(r() * 14);
    const parts = Array.from({ length: n }, () => {
      const k = keys[Math.floor(r() * keys.length)];
      const v = values[Math.floor(r() * values.length)];
      const mode = r();
      if (mode < 0.7) return `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
      if (mode < 0.85) return `${k}=${v}`; // raw: '&', '#', '%' and friends unescaped
      return `${k}${v}`;
    });
    return (r() < 0.5 ? '?' : '') + parts.join(r() < 0.9 ? '&' : ';');
  });
}

