// @ts-check
// The race as sound (Web Audio, synthesised, no files): each running runner hums at a pitch
// that follows its loss on a log scale (lower loss, lower pitch; a decade of loss is four
// semitones), each in its own timbre and place in the stereo field. A runner that converges
// plays a soft falling two-note chime; one that diverges, a short rising slide. Gentle
// envelopes and a low master level keep it listenable; at most MAX_VOICES runners hum at
// once, so a crowded race never becomes a wall of sound. The page decides when it plays
// (race-description-panel.js stops it on pause and when the page is hidden).

/** Loss decades mapped to pitch: LOG_LOW maps to BASE_HZ, LOG_HIGH to the top of the range. */
const LOG_LOW = -6;
const LOG_HIGH = 4;
const BASE_HZ = 110;
const SEMITONES_PER_DECADE = 4;
/** Runners beyond this many are not hummed (the description still lists them). */
export const MAX_VOICES = 4;
const TIMBRES = /** @type {const} */ (['sine', 'triangle', 'sine', 'triangle']);
const PANS = [-0.6, 0.6, -0.2, 0.2];
const MASTER_LEVEL = 0.18;
const VOICE_LEVEL = 0.22;

/**
 * Pitch of a loss: 110 Hz at loss 1e-6 and below, four semitones higher per decade, about
 * 1.1 kHz at 1e4 and above. Not a number (or a diverged loss): null, silence.
 * @param {number} loss
 * @returns {number | null}
 */
export function lossToFrequency(loss) {
  if (Number.isNaN(loss) || loss === Infinity || loss === -Infinity) return null;
  const decades = loss > 0 ? Math.min(LOG_HIGH, Math.max(LOG_LOW, Math.log10(loss))) : LOG_LOW;
  return BASE_HZ * 2 ** (((decades - LOG_LOW) * SEMITONES_PER_DECADE) / 12);
}

/** The timbre and stereo position of runner i. @param {number} i */
export function voiceOf(i) {
  return { type: TIMBRES[i % TIMBRES.length], pan: PANS[i % PANS.length] };
}

/**
 * @typedef {{ createOscillator(): OscillatorNode, createGain(): GainNode, createStereoPanner?: () => StereoPannerNode,
 *   currentTime: number, destination: AudioNode, state: string, resume(): Promise<void>, suspend(): Promise<void>,
 *   close(): Promise<void> }} AudioContextLike
 * @typedef {{ osc: OscillatorNode, gain: GainNode, on: boolean }} Voice
 */

export class Sonifier {
  /**
   * @param {{ AudioContextClass: (new () => AudioContextLike) | undefined, reducedMotion?: boolean }} options
   *   reducedMotion: pitch glides slowly and cues are a single soft note, for readers who ask for less motion
   */
  constructor({ AudioContextClass, reducedMotion = false }) {
    this.AudioContextClass = AudioContextClass;
    this.reducedMotion = reducedMotion;
    /** @type {AudioContextLike | null} */
    this.ctx = null;
    /** @type {GainNode | null} the hum's level: faded to zero on pause */
    this.master = null;
    /** @type {GainNode | null} the cues' level: cues still sound while the hum is paused (a Step that ends a run) */
    this.cues = null;
    this.suspendTimer = 0;
    /** @type {Voice[]} */
    this.voices = [];
    this.paused = true;
  }

  get available() { return typeof this.AudioContextClass === 'function'; }
  get on() { return this.ctx !== null; }

  /** Creates and starts the audio graph (call it from a click: browsers allow sound only after a gesture). */
  start() {
    if (this.ctx || !this.AudioContextClass) return;
    const ctx = new this.AudioContextClass();
    this.ctx = ctx;
    this.master = ctx.createGain();
    this.master.gain.value = 0;
    this.master.connect(ctx.destination);
    this.cues = ctx.createGain();
    this.cues.gain.value = MASTER_LEVEL;
    this.cues.connect(ctx.destination);
    this.paused = true;
  }

  /** Silences and releases everything; start() again builds a fresh graph. */
  stop() {
    const ctx = this.ctx;
    if (!ctx) return;
    this.#fadeMaster(0);
    for (const v of this.voices) {
      try { v.osc.stop(ctx.currentTime + 0.3); } catch { /* already stopped */ }
    }
    this.voices = [];
    this.ctx = null;
    this.master = null;
    this.cues = null;
    this.paused = true;
    clearTimeout(this.suspendTimer);
    // Close after the fade, so the sound ends without a click.
    setTimeout(() => { ctx.close().catch(() => {}); }, 350);
  }

  /** Fades out and suspends the context (pause, hidden page). */
  pause() {
    if (!this.ctx || this.paused) return;
    this.paused = true;
    this.#fadeMaster(0);
    this.#suspendLater(300);
  }

  /** Resumes after pause(). */
  resume() {
    if (!this.ctx || !this.paused) return;
    this.paused = false;
    clearTimeout(this.suspendTimer);
    this.ctx.resume().catch(() => {});
    this.#fadeMaster(MASTER_LEVEL);
  }

  /**
   * Sets each runner's pitch from its loss; stopped runners fall silent.
   * @param {{loss: number, status: string}[]} frame
   */
  update(frame) {
    const ctx = this.ctx;
    if (!ctx || !this.master) return;
    const n = Math.min(frame.length, MAX_VOICES);
    while (this.voices.length > n) {
      const v = /** @type {Voice} */ (this.voices.pop());
      v.gain.gain.setTargetAtTime(0, ctx.currentTime, 0.08);
      v.osc.stop(ctx.currentTime + 0.5);
    }
    const glide = this.reducedMotion ? 0.6 : 0.12;
    const level = VOICE_LEVEL / Math.sqrt(Math.max(1, n));
    for (let i = 0; i < n; i++) {
      const hz = frame[i].status === 'running' ? lossToFrequency(frame[i].loss) : null;
      const v = this.voices[i] ?? this.#voice(i, hz ?? BASE_HZ);
      if (hz !== null) v.osc.frequency.setTargetAtTime(hz, ctx.currentTime, glide);
      const on = hz !== null;
      if (on !== v.on) v.gain.gain.setTargetAtTime(on ? level : 0, ctx.currentTime, on ? 0.15 : 0.1);
      v.on = on;
    }
  }

  /**
   * A short cue for a status change: converged, a soft falling chime; diverged, a rising slide.
   * @param {'converged'|'diverged'} kind @param {number} index the runner (its place in the stereo field)
   */
  cue(kind, index) {
    const ctx = this.ctx;
    if (!ctx || !this.cues) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const t = ctx.currentTime + 0.02;
    const pan = voiceOf(index).pan;
    if (kind === 'converged') {
      this.#note(784, t, 0.35, 'sine', pan);
      if (!this.reducedMotion) this.#note(523, t + 0.18, 0.5, 'sine', pan);
    } else {
      const osc = this.#note(330, t, 0.45, 'triangle', pan);
      if (!this.reducedMotion) osc.frequency.exponentialRampToValueAtTime(880, t + 0.4);
    }
    if (this.paused) this.#suspendLater(1200); // after the cue has rung out
  }

  /** @param {number} ms */
  #suspendLater(ms) {
    const ctx = this.ctx;
    if (!ctx) return;
    clearTimeout(this.suspendTimer);
    this.suspendTimer = Number(setTimeout(() => { if (this.ctx === ctx && this.paused) ctx.suspend().catch(() => {}); }, ms));
  }

  /** @param {number} i @param {number} hz */
  #voice(i, hz) {
    const ctx = /** @type {AudioContextLike} */ (this.ctx);
    const { type, pan } = voiceOf(i);
    const osc = ctx.createOscillator();
    osc.type = type;
    osc.frequency.value = hz;
    const gain = ctx.createGain();
    gain.gain.value = 0;
    osc.connect(gain);
    this.#toBus(gain, pan, /** @type {GainNode} */ (this.master));
    osc.start();
    const v = { osc, gain, on: false };
    this.voices[i] = v;
    return v;
  }

  /** One enveloped note, stopped by itself. @param {number} hz @param {number} t @param {number} length @param {OscillatorType} type @param {number} pan */
  #note(hz, t, length, type, pan) {
    const ctx = /** @type {AudioContextLike} */ (this.ctx);
    const osc = ctx.createOscillator();
    osc.type = type;
    osc.frequency.setValueAtTime(hz, t);
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.35, t + 0.02);
    gain.gain.setTargetAtTime(0, t + 0.05, length / 4);
    osc.connect(gain);
    this.#toBus(gain, pan, /** @type {GainNode} */ (this.cues));
    osc.start(t);
    osc.stop(t + length + 0.2);
    return osc;
  }

  /** @param {AudioNode} node @param {number} pan @param {GainNode} bus */
  #toBus(node, pan, bus) {
    const ctx = /** @type {AudioContextLike} */ (this.ctx);
    if (typeof ctx.createStereoPanner === 'function') {
      const panner = ctx.createStereoPanner();
      panner.pan.value = pan;
      node.connect(panner);
      panner.connect(bus);
    } else {
      node.connect(bus);
    }
  }

  /** @param {number} level */
  #fadeMaster(level) {
    if (!this.ctx || !this.master) return;
    const g = this.master.gain;
    g.cancelScheduledValues(this.ctx.currentTime);
    g.setTargetAtTime(level, this.ctx.currentTime, 0.08);
  }
}
