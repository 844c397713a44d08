// @ts-check
// The labs' view of the Emscripten module: the learning-rate sweep and the small
// network. Like wrap-core.js, this is JavaScript that touches the module (only
// web/js/core/ does): it calls cpp/bindings/labs_bindings.cpp and
// catalog_bindings.cpp, turns error strings into JS Errors and owns
// the lifetime of the C++ training object (call dispose()).

/**
 * @typedef {import('./wrap-core.js').OptimizerSettings} OptimizerSettings
 * @typedef {{ optimizerId: string, settings?: OptimizerSettings, label?: string,
 *   scheduler?: string, clipGradNorm?: number, clipGradValue?: number }} LabConfig
 *   scheduler, clipGradNorm, clipGradValue: the landscape sweep only (an lr schedule as torch's call, torch's clippings)
 * @typedef {{ lrMin?: number, lrMax?: number, lrCount?: number, steps?: number, noiseSigma?: number, noiseSeed?: number,
 *   minimumTolerance?: number, gradientTolerance?: number }} SweepOptions
 * @typedef {{ lrs: Float64Array, labels: string[], finalLoss: Float64Array, convergedStep: Int32Array,
 *   divergedStep: Int32Array, bestIndex: Int32Array, milliseconds: number }} SweepResult
 * @typedef {{ id?: string, count?: number, noise?: number, validationFraction?: number, classes?: number, seed?: number }} DatasetOptions
 * @typedef {{ hidden?: number[], activation?: 'tanh'|'relu', output?: 'softmax'|'sigmoid' }} NetworkSpec
 * @typedef {{ batchSize?: number, weightSeed?: number, batchSeed?: number, evalEvery?: number }} TrainingOptions
 * @typedef {{ id: string, classes: number, trainX: Float64Array, trainY: Int32Array, valX: Float64Array,
 *   valY: Int32Array, extent: number }} DatasetPoints
 * @typedef {{ steps: Float64Array, trainLoss: Float64Array, trainAccuracy: Float64Array,
 *   validationLoss: Float64Array, validationAccuracy: Float64Array }} Records
 */

/** @param {string} message */
function check(message) {
  if (message) throw new Error(message);
}

/** @param {LabConfig[]} configs */
function configsForCore(configs) {
  return configs.map((c) => ({ optimizerId: c.optimizerId, settings: c.settings ?? {}, label: c.label ?? '',
    scheduler: c.scheduler ?? '', clipGradNorm: c.clipGradNorm ?? Number.NaN, clipGradValue: c.clipGradValue ?? Number.NaN }));
}

/** Several optimizers training one small network side by side; wraps the C++ Training. */
export class NetworkTraining {
  /**
   * @param {any} M the Emscripten module
   * @param {DatasetOptions} dataset @param {NetworkSpec} spec @param {LabConfig[]} configs @param {TrainingOptions} options
   */
  constructor(M, dataset, spec, configs, options) {
    this.handle = new M.NetworkTraining();
    try {
      check(this.handle.setup(dataset, spec, configsForCore(configs), options));
    } catch (e) {
      this.dispose();
      throw e;
    }
    /** @type {string[]} */
    this.labels = this.handle.labels();
  }

  /** k training steps for every optimizer that has not diverged. @param {number} k */
  advance(k) {
    if (!Number.isInteger(k) || k < 0) throw new Error(`advance: k must be a whole number >= 0, got ${k}`);
    this.handle.advance(k);
  }

  get steps() { return /** @type {number} */ (this.handle.steps()); }
  get epochs() { return /** @type {number} */ (this.handle.epochs()); }
  get stepsPerEpoch() { return /** @type {number} */ (this.handle.stepsPerEpoch()); }
  get parameterCount() { return /** @type {number} */ (this.handle.parameterCount()); }
  /** Per optimizer: the step at which it diverged, -1 if it has not. @returns {Int32Array} */
  divergedSteps() { return this.handle.divergedSteps(); }
  /** The training and validation points. @returns {DatasetPoints} */
  dataset() { return this.handle.dataset(); }

  /**
   * Evaluation records from index `from` on (record-major: entry r * labels.length + c).
   * @param {number} [from] @returns {Records}
   */
  recordsSince(from = 0) { return this.handle.recordsSince(from); }

  /**
   * Class probabilities of optimizer `index` on an nx x ny grid (row 0 at the top), `classes` per cell.
   * @param {number} index @param {number} nx @param {number} ny @param {{xMin: number, xMax: number, yMin: number, yMax: number}} box
   * @returns {Float64Array}
   */
  decisionGrid(index, nx, ny, box) {
    const r = this.handle.decisionGrid(index, nx, ny, box.xMin, box.xMax, box.yMin, box.yMax);
    check(r.error ?? '');
    return r.values;
  }

  dispose() {
    if (this.handle) this.handle.delete();
    this.handle = null;
  }
}

/**
 * The labs' API on an instantiated module.
 * @param {any} M
 */
export function wrapLabs(M) {
  return {
    /** @type {{ id: string, displayName: string, description: string, maxClasses: number }[]} */
    datasets: M.datasetCatalog(),
    /**
     * The learning-rate sweep of the race engine (race/sweep.hpp): every config at every lr of a
     * log-spaced grid, flat config-major results (entry c * lrCount + k).
     * @param {string} landscapeId @param {Record<string, number>} params @param {{x: number, y: number}} start
     * @param {LabConfig[]} configs @param {SweepOptions} [options]
     * @returns {SweepResult}
     */
    sweep(landscapeId, params, start, configs, options = {}) {
      const r = M.labsSweep(landscapeId, params, start.x, start.y, configsForCore(configs), options);
      check(r.error ?? '');
      return r;
    },
    /**
     * The schedule a sweep run at grid learning rate `lr` used: the same call, except that
     * OneCycleLR's max_lr (its peak) becomes `lr` (race/sweep.hpp scheduleAtPeak).
     * @param {string} scheduler @param {number} lr @returns {string}
     */
    scheduleAtPeak(scheduler, lr) {
      const r = M.scheduleAtPeak(String(scheduler), Number(lr));
      check(r.error ?? '');
      return /** @type {string} */ (r.scheduler);
    },
    /**
     * The network's lr sweep (tuning): final train/validation loss per config and lr, config-major.
     * @param {DatasetOptions} dataset @param {NetworkSpec} spec @param {LabConfig[]} configs
     * @param {TrainingOptions & {lrMin?: number, lrMax?: number, lrCount?: number, steps?: number}} options
     * @returns {{ lrs: Float64Array, labels: string[], finalTrainLoss: Float64Array, finalValidationLoss: Float64Array,
     *   bestIndex: Int32Array }}
     */
    networkSweep(dataset, spec, configs, options) {
      const r = M.networkSweep(dataset, spec, configsForCore(configs), options);
      check(r.error ?? '');
      return r;
    },
    /**
     * @param {DatasetOptions} dataset @param {NetworkSpec} spec @param {LabConfig[]} configs @param {TrainingOptions} [options]
     */
    createTraining(dataset, spec, configs, options = {}) {
      return new NetworkTraining(M, dataset, spec, configs, options);
    },
  };
}

/** @typedef {ReturnType<typeof wrapLabs>} Labs */
