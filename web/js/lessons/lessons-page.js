// @ts-check
// Entry of web/lessons.html: the lessons alone. "Try it" opens the race page with the
// section's race in the link (state/url.js), since this page has no race of its own.
import { loadCore } from '../core/load-core.js';
import { mountLessons } from './lessons-panel.js';
import { raceFromPatch } from './lessons-check.js';
import { serializeRaceQuery } from '../state/url.js';

const host = /** @type {HTMLElement} */ (document.getElementById('lessons'));
loadCore()
  .then((core) => mountLessons(host, {
    core,
    tryIt: (patch) => { window.location.assign(`index.html?${serializeRaceQuery(raceFromPatch(patch, core))}`); },
  }))
  .catch((err) => {
    host.textContent = `The lessons could not start: ${err.message}`;
    console.error(err);
  });
