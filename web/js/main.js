// @ts-check
// Entry point: loads the core, sets up the race and runs the animation loop.
import { loadCore } from './core/load-core.js';
import { LandscapeView } from './render/landscape-view.js';

const STEPS_PER_FRAME = 4;
const COLOR = '#e66100';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

function formatReadout(/** @type {{loss: number, x: number, y: number, steps: number, status: string}} */ r) {
  const num = (/** @type {number} */ v, /** @type {number} */ d) => (Number.isFinite(v) ? v.toFixed(d) : '—');
  return `Adam · step ${r.steps} · Loss: ${num(r.loss, 4)} | Pos: (${num(r.x, 3)}, ${num(r.y, 3)})` +
    (r.status === 'running' ? '' : ` · ${r.status}`);
}

async function main() {
  const core = await loadCore();
  const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  race.addRunner('adam', { lr: 0.01 }, 'Adam');
  const info = race.landscape();

  const canvas = /** @type {HTMLCanvasElement} */ ($('landscape'));
  const view = new LandscapeView(canvas);
  const readout = $('readout');
  const playButton = $('play');
  let playing = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const drawSurface = () => {
    view.resize();
    view.setSurface(race.surface({ nx: 256, ny: 256, logScale: true, levels: 20 }), info.domain, info.minima);
  };

  const render = () => {
    const [runner] = race.frame();
    const { points } = race.trajectory(0);
    view.draw([{ points, color: COLOR, x: runner.x, y: runner.y }]);
    readout.textContent = formatReadout(runner);
    readout.dataset.step = String(runner.steps);
    playButton.textContent = playing ? 'Pause' : 'Play';
  };

  const tick = () => {
    if (playing) {
      race.advance(STEPS_PER_FRAME);
      if (race.finished) playing = false;
      render();
    }
    requestAnimationFrame(tick);
  };

  playButton.addEventListener('click', () => { playing = !playing; render(); });
  $('reset').addEventListener('click', () => { race.reset(); render(); });
  window.addEventListener('resize', () => { drawSurface(); render(); });

  drawSurface();
  render();
  requestAnimationFrame(tick);
}

main().catch((err) => {
  $('readout').textContent = `The simulation could not start: ${err.message}`;
  console.error(err);
});
