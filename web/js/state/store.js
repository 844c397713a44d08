// @ts-check
// The one owner of mutable app state. Everything else reads getState() and asks
// for changes with setState(patch); listeners hear which keys changed. The state
// holds the race (the URL-round-tripping part, see properties.js) and the view
// (playing, selected runner, large type), which does not go into the URL.

/**
 * @typedef {import('./properties.js').PageState & {
 *   playing: boolean, selected: number, largeType: boolean, showArrows: boolean }} AppState
 * @typedef {(state: AppState, changed: Set<string>) => void} Listener
 */

/**
 * Values compare by content for arrays and plain objects, so setting an equal copy is not a change.
 * @param {unknown} a @param {unknown} b
 */
function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same(/** @type {Record<string, unknown>} */ (a)[k], /** @type {Record<string, unknown>} */ (b)[k]));
}

/**
 * Creates the store.
 * @param {AppState} initial
 */
export function createStore(initial) {
  let state = Object.freeze({ ...initial });
  /** @type {Set<Listener>} */
  const listeners = new Set();
  return {
    /** @returns {Readonly<AppState>} */
    getState: () => state,
    /**
     * Applies a patch; listeners run once with the keys whose values changed.
     * @param {Partial<AppState>} patch
     */
    setState(patch) {
      const changed = new Set(Object.keys(patch).filter((k) => !same(/** @type {Record<string, unknown>} */ (state)[k], /** @type {Record<string, unknown>} */ (patch)[k])));
      if (changed.size === 0) return;
      state = Object.freeze({ ...state, ...patch });
      for (const listener of listeners) listener(state, changed);
    },
    /** @param {Listener} listener @returns {() => void} unsubscribe */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
