// @ts-check
// The only JavaScript that touches the Emscripten module. It turns the raw
// Embind API (cpp/bindings/*.cpp) into plain objects and methods that throw JS
// Errors, and owns the lifetime of C++ objects (call dispose()). Settings cross
// as typed objects ({lr: 0.01, betas: [0.9, 0.999]}); the core checks them.

/**
 * @typedef {{ name: string, kind: 'number'|'bool'|'pair', defaults: number[], min: number, max: number,
 *   minInclusive: boolean, maxInclusive: boolean, required: boolean, teaching: boolean, help: string }} HyperParamSpec
 * @typedef {{ id: string, displayName: string, reference: string, params: HyperParamSpec[] }} OptimizerInfo
 * @typedef {{ name: string, label: string, default: number, min: number, max: number, integer: boolean, help: string }} LandscapeParamSpec
 * @typedef {{ id: string, displayName: string, latex: string, description: string, params: LandscapeParamSpec[],
 *   custom?: boolean, defaultExpression?: string, defaultDomain?: DomainBox }} LandscapeInfo
 * @typedef {Record<string, number | boolean | number[]>} OptimizerSettings
 * @typedef {{ x: number, y: number, loss: number, status: 'running'|'converged'|'diverged', steps: number, statusStep: number }} RunnerFrame
 * @typedef {{ optimizerId: string, label: string, x: number, y: number, loss: number, gx: number, gy: number,
 *   steps: number, status: 'running'|'converged'|'diverged', reason: string, statusStep: number, minimumIndex: number,
 *   minimumGlobal: boolean, minimum: MinimumInfo | null, lr: number, scheduleError: string }} RunnerInfo
 */

/**
 * @typedef {{ xmin: number, xmax: number, ymin: number, ymax: number }} DomainBox
 * @typedef {{ expr: string, domain?: DomainBox }} CustomFunction
 * @typedef {{ x: number, y: number, value: number, global: boolean }} MinimumInfo
 * @typedef {{ id: string, displayName: string, latex: string, domain: DomainBox, start: {x: number, y: number},
 *   minima: MinimumInfo[], params: Record<string, number> }} LandscapeDescription
 * @typedef {{ lambdaMin: number, lambdaMax: number, vMin: {x: number, y: number}, vMax: {x: number, y: number},
 *   kind: string, conditionNumber: number, description: string }} CurvatureInfo
 */

/**
 * The custom landscape's id, default function and domain as the page's state table needs them before
 * the core loads. They mirror the core's catalog entry (landscapeCatalog(), custom: true), which
 * tests/js/core-api.test.mjs checks they equal.
 */
export const CUSTOM_LANDSCAPE_ID = 'custom';
export const DEFAULT_CUSTOM_EXPRESSION = 'sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)';
export const DEFAULT_CUSTOM_DOMAIN = Object.freeze({ xmin: -3, xmax: 3, ymin: -3, ymax: 3 });

/** Number of doubles per runner in the core's per-frame buffer (race.hpp kFrameStride). */
export const FRAME_STRIDE = 6;
const STATUS_NAMES = /** @type {const} */ (['running', 'converged', 'diverged']);

/** @param {string} message */
function check(message) {
  if (message) throw new Error(message);
}

/**
 * Settings as the command line's --set text (cpp/cli/optlab.cpp): "lr=0.01;betas=0.9,0.999;amsgrad=true".
 * String(number) is the shortest text that reads back as the same double.
 * @param {OptimizerSettings} settings
 */
export function settingsToText(settings) {
  return Object.entries(settings)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.map(String).join(',') : String(value)}`)
    .join(';');
}

/** A race on one landscape; wraps the C++ Race. */
export class Race {
  /** @param {any} M the Emscripten module */
  constructor(M) {
    this.M = M;
    this.handle = new M.Race();
    /** @type {MinimumInfo[] | null} */
    this.minimaCache = null;
  }

  /**
   * @param {string} landscapeId
   * @param {Record<string, number>} params
   * @param {{x: number, y: number}} start
   * @param {CustomFunction} [custom] the expression and domain when landscapeId is 'custom'
   */
  setup(landscapeId, params, start, custom) {
    if (landscapeId === CUSTOM_LANDSCAPE_ID) {
      check(this.handle.setupCustom(custom?.expr ?? DEFAULT_CUSTOM_EXPRESSION, custom?.domain, start.x, start.y));
    } else {
      check(this.handle.setup(landscapeId, params, start.x, start.y));
    }
    this.minimaCache = null;
    return this;
  }

  /**
   * Basins of attraction of one optimizer configuration on this race's landscape (with the race's
   * stop rules and noise): per cell of an nx x ny grid over the domain (row 0 at ymin), the index of
   * the minimum reached (-1 none, -2 diverged) and the step it stopped at (maxSteps if it never did).
   * @param {string} optimizerId @param {OptimizerSettings} settings
   * @param {{nx?: number, ny?: number, maxSteps?: number}} [options]
   * @returns {{nx: number, ny: number, minimum: Int32Array, steps: Int32Array, counts: number[], diverged: number,
   *   none: number, maxSteps: number, milliseconds: number, region: {xmin: number, xmax: number, ymin: number, ymax: number}}}
   */
  basins(optimizerId, settings, { nx = 64, ny = 64, maxSteps = 1000 } = {}) {
    const r = this.handle.basins(optimizerId, settings, nx, ny, maxSteps);
    check(r.error ?? '');
    return r;
  }

  /** @param {string} optimizerId @param {OptimizerSettings} settings @param {string} [label] */
  addRunner(optimizerId, settings = {}, label = '') {
    check(this.handle.addRunner(optimizerId, settings, label));
    return this.handle.runnerCount() - 1;
  }

  /**
   * An lr schedule and gradient clipping for one runner (restarts the race). `scheduler` is
   * torch's call without the optimizer, e.g. "StepLR(step_size=50,gamma=0.5)"; omitted or ''
   * for none. Throws the core's message (torch's wording) and then changes nothing.
   * @param {number} index
   * @param {{scheduler?: string, clipGradNorm?: number, clipGradValue?: number}} training
   */
  setRunnerSchedule(index, training) {
    this.#index(index);
    const { scheduler = '', clipGradNorm = NaN, clipGradValue = NaN } = training;
    check(this.handle.setRunnerSchedule(index, String(scheduler), Number(clipGradNorm), Number(clipGradValue)));
  }

  /** @param {number} index */
  removeRunner(index) {
    this.#index(index);
    check(this.handle.removeRunner(index));
  }

  /** @param {{x: number, y: number}} start */
  setStart(start) { check(this.handle.setStart(start.x, start.y)); }

  /** @param {number} sigma @param {number} seed */
  setNoise(sigma, seed) { check(this.handle.setNoise(sigma, seed)); }

  reset() { this.handle.reset(); }

  /** Advances every running runner by k steps in one call into the core. @param {number} k */
  advance(k) {
    if (!Number.isInteger(k) || k < 0) throw new Error(`advance: k must be a whole number >= 0, got ${k}`);
    this.handle.advance(k);
  }

  get runnerCount() { return this.handle.runnerCount(); }
  get steps() { return this.handle.steps(); }
  get finished() { return this.handle.finished(); }

  /** The positions, losses and statuses of all runners after the last advance (a copy). */
  frame() {
    const raw = this.handle.frame().slice();
    /** @type {RunnerFrame[]} */
    const out = [];
    for (let i = 0; i < raw.length; i += FRAME_STRIDE) {
      out.push({ x: raw[i], y: raw[i + 1], loss: raw[i + 2], status: STATUS_NAMES[raw[i + 3]] ?? 'running',
        steps: raw[i + 4], statusStep: raw[i + 5] });
    }
    return out;
  }

  /**
   * Flat [x, y, loss, ...] of one runner, and the step of each point.
   * @param {number} index @returns {{points: Float64Array, steps: Float64Array}}
   */
  trajectory(index) {
    return this.trajectorySince(index, -1);
  }

  /**
   * The trajectory points recorded after step `afterStep` (-1: all): what a frame added to the trail.
   * @param {number} index @param {number} afterStep
   * @returns {{points: Float64Array, steps: Float64Array}}
   */
  trajectorySince(index, afterStep) {
    this.#index(index);
    return this.handle.trajectorySince(index, afterStep);
  }

  /**
   * Where a runner is and how it stopped, as fields (race/status-text.js words them), with the minimum
   * it reached (null unless it converged near one).
   * @param {number} index
   * @returns {RunnerInfo}
   */
  runnerInfo(index) {
    this.#index(index);
    const info = this.handle.runnerInfo(index);
    const minimum = info.minimumIndex >= 0 ? this.#minima()[info.minimumIndex] ?? null : null;
    return { ...info, minimum };
  }

  /** @param {number} index @returns {{name: string, label: string, latex: string, persistent: boolean, values: number[]}[]} */
  buffers(index) { this.#index(index); return this.handle.buffers(index); }

  /** The landscape's description: domain, start, minima, formula, parameters. @returns {LandscapeDescription} */
  landscape() { return this.handle.landscape(); }

  /** The landscape's minima, read once per landscape. @returns {MinimumInfo[]} */
  #minima() {
    const minima = this.minimaCache ?? this.landscape().minima;
    this.minimaCache = minima;
    return minima;
  }

  /** Hessian eigen-decomposition and condition number at (x, y). @param {number} x @param {number} y @returns {CurvatureInfo} */
  curvature(x, y) { return this.handle.curvature(x, y); }

  /**
   * The landscape sampled on an nx x ny grid (row 0 at ymin) with contour polylines.
   * @param {{nx?: number, ny?: number, logScale?: boolean, levels?: number}} [options]
   * @returns {{values: Float64Array, nx: number, ny: number, min: number, max: number, fref: number, eps: number,
   *   logScale: boolean, levels: Float64Array, points: Float64Array, offsets: Uint32Array, lineLevel: Uint32Array}}
   */
  surface({ nx = 256, ny = 256, logScale = true, levels = 20 } = {}) {
    const s = this.handle.surface(nx, ny, logScale, levels);
    check(s.error ?? '');
    return s;
  }

  dispose() {
    if (this.handle) this.handle.delete();
    this.handle = null;
  }

  /** @param {number} index */
  #index(index) {
    if (!Number.isInteger(index) || index < 0 || index >= this.runnerCount) {
      throw new Error(`No runner ${index}: the race has ${this.runnerCount}`);
    }
  }
}

/**
 * Wraps an instantiated Emscripten module.
 * @param {any} M
 */
export function wrapCore(M) {
  /** @type {OptimizerInfo[]} */
  const optimizers = M.optimizerCatalog();
  /** @type {LandscapeInfo[]} the built-in landscapes, then the custom one */
  const landscapes = M.landscapeCatalog();
  /** @type {any} read when first asked for: only a runner's schedule needs it, never the first frame */
  let schedulers = null;
  return {
    optimizers,
    landscapes,
    /** torch's schedulers with their keyword arguments: [{id, help, params: [{name, kind, default, choices, help}]}] */
    get schedulers() { return (schedulers ??= M.schedulerCatalog()); },
    /** @param {string} id */
    optimizer(id) {
      const info = optimizers.find((o) => o.id === id);
      if (!info) throw new Error(`Unknown optimizer: ${id}`);
      return info;
    },
    /** Persistent state values per parameter (the chapter's memory table). @param {string} id @param {OptimizerSettings} [settings] */
    stateValuesPerParameter(id, settings = {}) {
      const r = M.optimizerStateSize(id, settings);
      check(r.error ?? '');
      return /** @type {number} */ (r.valuesPerParameter);
    },
    /**
     * The core's verdict on a configuration, without touching any race: "" or its message
     * (torch's wording, e.g. "Invalid learning rate: -0.1").
     * @param {string} id @param {OptimizerSettings} settings
     */
    checkSettings(id, settings) {
      return /** @type {string} */ (M.optimizerStateSize(id, settings).error ?? '');
    },
    /**
     * The core's verdict on a runner's lr schedule and gradient clipping with this optimizer,
     * without touching the page's race (a scratch race of one runner): "" or the message,
     * torch's wording ("StepLR.__init__() missing 1 required positional argument: 'step_size'").
     * @param {string} id @param {OptimizerSettings} settings
     * @param {{scheduler?: string, clipGradNorm?: number, clipGradValue?: number}} training
     */
    checkTraining(id, settings, training) {
      const race = new Race(M);
      try {
        race.setup('rosenbrock', {}, { x: 0, y: 0 });
        race.addRunner(id, settings);
        race.setRunnerSchedule(0, training);
        return '';
      } catch (e) {
        return /** @type {Error} */ (e).message;
      } finally {
        race.dispose();
      }
    },
    /**
     * The core's verdict on a user's function: "" and column 0, or the message with the 1-based
     * column of the error ("at column 7: expected ')'").
     * @param {string} text @returns {{error: string, column: number}}
     */
    checkExpression(text) {
      const r = M.checkExpression(String(text));
      return { error: r.error, column: r.column };
    },
    /**
     * @param {string} landscapeId @param {Record<string, number>} [params] @param {{x: number, y: number}} [start]
     * @param {CustomFunction} [custom] the expression and domain when landscapeId is 'custom'
     */
    createRace(landscapeId, params = {}, start, custom) {
      const race = new Race(M);
      try {
        if (start) {
          race.setup(landscapeId, params, start, custom);
        } else {
          race.setup(landscapeId, params, { x: 0, y: 0 }, custom);
          race.setStart(race.landscape().start);
        }
      } catch (e) {
        race.dispose();
        throw e;
      }
      return race;
    },
    /**
     * Steps one optimizer outside any landscape from `start` through known gradients (n per step, flat)
     * and returns the parameters and every named buffer after each step (flat, step-major).
     * @param {string} id @param {OptimizerSettings} settings @param {number[]} start @param {number[]} gradients
     * @returns {{params: Float64Array, buffers: {name: string, label: string, latex: string, persistent: boolean,
     *   values: Float64Array}[]}}
     */
    probeOptimizer(id, settings, start, gradients) {
      const r = M.optimizerProbe(id, settings, start, gradients);
      check(r.error ?? '');
      return r;
    },
  };
}

/** @typedef {ReturnType<typeof wrapCore>} Core */
