// The whole page state in the URL: the race and the view (autoplay, panels, hidden
// controls, embed view, section, quiz) round-trip through ONE table; 1,000 malformed and hostile
// links never throw and never yield a value outside the table; embed messages are read strictly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { parseQuery, serializeQuery, parseRaceQuery, serializeRaceQuery } from '../../web/js/state/url.js';
import {
  STATE_PROPERTIES, RACE_PROPERTIES, VIEW_PROPERTIES, PANELS, CONTROLS, EMBED_MODES, ID_PATTERN, MAX_RUNNERS,
  defaultPageState, defaultState,
} from '../../web/js/state/properties.js';
import { readIncoming } from '../../web/js/ui/embed-messages.js';
import { hostileQueries } from './hostile-queries.mjs';
import { rng, randomRace } from './random-states.mjs';

const { core } = await loadNodeCore();

/** A random valid page state: random race (as in url-state.test.mjs) and random view. */
function randomPageState(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const race = randomRace(core, r, { maxRunners: MAX_RUNNERS, setChance: 0.5 });
  const subset = (values) => values.filter(() => r() < 0.5);
  const id = () => (r() < 0.4 ? '' : Array.from({ length: 1 + Math.floor(r() * 20) }, () => pick('abcdefghijklmnopqrstuvwxyz0123456789-'.split(''))).join('').replace(/^-/, 'a'));
  return {
    ...defaultPageState(core), // race keys another part of the page owns (e.g. a custom function) at their defaults
    ...race, start: { x: (r() - 0.5) * 1e3 * r(), y: (r() - 0.5) * r() },
    autoplay: r() < 0.5, panels: r() < 0.3 ? [...PANELS] : subset(PANELS), hide: subset(CONTROLS),
    embed: pick(EMBED_MODES), section: id(), quiz: id(),
  };
}

test('the table covers the whole state: race and view, each key and URL name once', () => {
  const keys = STATE_PROPERTIES.map((p) => p.key);
  assert.deepEqual(new Set(keys).size, keys.length);
  assert.deepEqual(new Set(STATE_PROPERTIES.map((p) => p.url)).size, keys.length);
  assert.deepEqual(VIEW_PROPERTIES.map((p) => p.key), ['autoplay', 'panels', 'hide', 'embed', 'section', 'quiz']);
  assert.deepEqual(Object.keys(defaultPageState(core)).sort(), keys.sort());
  assert.equal(RACE_PROPERTIES.length + VIEW_PROPERTIES.length, STATE_PROPERTIES.length);
});

test('parse(serialize(s)) deep-equals s for the default and 2,000 generated page states', () => {
  const r = rng(2024);
  const states = [defaultPageState(core), ...Array.from({ length: 2000 }, () => randomPageState(r))];
  for (const s of states) {
    const query = serializeQuery(s);
    const { state, notices } = parseQuery(query, core);
    assert.deepEqual(notices, [], query);
    assert.deepStrictEqual(state, s, query);
  }
});

test('the default view adds nothing to a link; race links and race parsing are unchanged', () => {
  const d = defaultPageState(core);
  assert.equal(serializeQuery(d), serializeRaceQuery(defaultState(core)));
  const q = serializeQuery({ ...d, embed: 'race', hide: ['lr', 'start'], autoplay: false });
  assert.match(q, /&autoplay=false&hide=lr,start&embed=race$/);
  const race = parseRaceQuery(q, core);
  assert.deepEqual(race.notices, [], 'view keys are known to the race parser');
  assert.deepStrictEqual(race.state, defaultState(core));
});

test('view values: order and repeats normalised, unknown names dropped with a notice', () => {
  const { state, notices } = parseQuery('?panels=chart,settings,chart,bogus&hide=lr,lr&embed=race&autoplay=0&quiz=3-momentum', core);
  assert.deepEqual(state.panels, ['settings', 'chart']);
  assert.deepEqual(state.hide, ['lr']);
  assert.equal(state.embed, 'race');
  assert.equal(state.autoplay, false);
  assert.equal(state.quiz, '3-momentum');
  assert.equal(notices.length, 1);
  assert.match(notices[0], /bogus/);
  const bad = parseQuery('?embed=<b>x</b>&quiz=../../etc&section=A B&autoplay=yes', core);
  assert.deepEqual({ embed: bad.state.embed, quiz: bad.state.quiz, section: bad.state.section, autoplay: bad.state.autoplay },
    { embed: '', quiz: '', section: '', autoplay: true });
  assert.equal(bad.notices.length, 4);
});

test('1,000 malformed and hostile links never throw and always give a state the table accepts', () => {
  const catalogIds = new Set(core.landscapes.map((l) => l.id));
  for (const q of hostileQueries()) {
    const { state, notices } = parseQuery(q, core);
    assert.ok(catalogIds.has(state.landscape), q);
    assert.ok(state.runners.length >= 1 && state.runners.length <= MAX_RUNNERS, q);
    for (const spec of STATE_PROPERTIES) {
      const v = /** @type {any} the property's own type, checked below */ (state[spec.key]);
      const { min = -Infinity, max = Infinity, values = [] } = spec;
      if (spec.type === 'number' || spec.type === 'integer') assert.ok(Number.isFinite(v) && v >= min && v <= max, `${spec.key} ${q}`);
      if (spec.type === 'set') assert.ok(v.every((/** @type {string} */ x) => values.includes(x)), q);
      if (spec.type === 'enum') assert.ok(values.includes(v), q);
      if (spec.type === 'id') assert.ok(v === '' || ID_PATTERN.test(v), q);
      if (spec.type === 'boolean') assert.equal(typeof v, 'boolean');
    }
    assert.ok(Number.isFinite(state.start.x) && Number.isFinite(state.start.y), q);
    assert.ok(notices.length <= 80 && notices.every((n) => typeof n === 'string' && n.length < 600), q);
    assert.equal(Object.getPrototypeOf(state), Object.prototype);
    // The state re-serialises to a link that reads back to itself.
    assert.deepStrictEqual(parseQuery(serializeQuery(state), core).state, state, q);
  }
});

test('embed messages: only the documented shapes are read', () => {
  assert.deepEqual(readIncoming({ type: 'optimizer-lab:request-resize' }), { type: 'request-resize' });
  assert.deepEqual(readIncoming({ type: 'optimizer-lab:get-state', version: 1 }), { type: 'get-state' });
  assert.deepEqual(readIncoming({ type: 'optimizer-lab:set-state', query: 'lr=0.01' }), { type: 'set-state', query: 'lr=0.01' });
  const refused = [null, undefined, 1, 'optimizer-lab:get-state', [], { type: 'get-state' }, { type: 'optimizer-lab:nope' },
    { type: 'optimizer-lab:get-state', extra: 1 }, { type: 'optimizer-lab:get-state', version: 2 },
    { type: 'optimizer-lab:set-state', query: 5 }, { type: 'optimizer-lab:set-state', query: 'x'.repeat(9000) },
    { type: 'optimizer-lab:set-state' }, Object.create({ type: 'optimizer-lab:get-state' }), new Date(),
    { type: 'optimizer-lab:resize', height: 100 }, { type: ['optimizer-lab:get-state'] }];
  for (const m of refused) assert.equal(readIncoming(m), null, JSON.stringify(m));
});
