// @ts-check
// The labs page: one worker per lab (each owns a WebAssembly core), so a sweep and
// a training session can run side by side while the page stays responsive.
import { LabsWorker } from './worker-client.js';
import { setupSweepLab } from './sweep-lab.js';
import { setupNetworkLab } from './network-lab.js';
import { loadClassicScript } from '../ui/katex-loader.js';

const status = /** @type {HTMLElement} */ (document.getElementById('labs-status'));
// Large type, as on the race page: text and the plots' points grow together.
const largeType = /** @type {HTMLInputElement | null} */ (document.getElementById('large-type'));
largeType?.addEventListener('change', () => document.documentElement.classList.toggle('large-type', largeType.checked));
try {
  const sweepWorker = new LabsWorker();
  const networkWorker = new LabsWorker();
  // The chart library is loaded here rather than by a <script> in the page: its loader first
  // makes sure the browser's locale is one Intl accepts (ui/locale.js), since uPlot reads it as it loads.
  const [catalog] = await Promise.all([sweepWorker.ready, networkWorker.ready,
    loadClassicScript(new URL('../../vendor/uplot/uPlot.iife.min.js', import.meta.url).href, 'uPlot')]);
  setupSweepLab(catalog, sweepWorker);
  setupNetworkLab(catalog, networkWorker);
  status.textContent = '';
  status.hidden = true;
  document.body.dataset.ready = 'true';
} catch (e) {
  status.textContent = `The labs could not start: ${e instanceof Error ? e.message : e}`;
}
