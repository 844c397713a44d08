// @ts-check
// The export tool: a PNG of the map as it is on screen (its layers composed into one
// picture), the trajectories as CSV, the race as a PyTorch script, and the video for slides.
import { mountExport, trajectoriesCsv } from './export.js';
import { pytorchScript } from '../export/pytorch-script.js';
import { mountVideoExport } from './video-export.js';
import { runnerStyle } from '../render/palette.js';

/**
 * @param {HTMLElement} root
 * @param {{ store: import('../state/store.js').Store, session: import('../race/session.js').RaceSession,
 *   core: any, map: ReturnType<typeof import('./race-map.js').mountRaceMap> }} app
 */
export function mountExportTool(root, { store, session, core, map }) {
  // The PNG is taken from the picture at the moment of the click, not from one layer.
  const picture = /** @type {HTMLCanvasElement} */ (/** @type {unknown} */ ({
    toBlob: (/** @type {BlobCallback} */ done, /** @type {string} */ type) => map.picture().toBlob(done, type),
  }));
  mountExport(root, {
    canvas: picture,
    name: () => `optimizer-race-${store.getState().landscape}-step-${session.steps}`,
    csv: () => trajectoriesCsv(session.labels, session.labels.map((_, i) => session.race?.trajectorySince(i, -1) ?? { points: new Float64Array(), steps: new Float64Array() })),
    python: (fromScratch) => pytorchScript(core, store.getState(), session.labels, session.steps, { fromScratch }),
  });
  const video = mountVideoExport(root, {
    source: () => ({ canvas: map.picture(), title: `Optimizer race: ${session.landscape.displayName}`, steps: session.steps,
      legend: session.labels.map((label, i) => ({ label, color: runnerStyle(i).color })) }),
    play: () => store.setState({ playing: true }),
    name: () => `optimizer-race-${store.getState().landscape}`,
  });
  return { video };
}
