// Sonification (web/js/ui/sonification.js) against a recording stand-in for AudioContext:
// loss to pitch on a log scale (lower loss, lower pitch), one voice per runner with its own
// timbre and pan, silence for stopped runners, cues on status changes, pause and stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sonifier, lossToFrequency, voiceOf, MAX_VOICES } from '../../web/js/ui/sonification.js';

/** A Web Audio stand-in that records what is created, started, stopped and scheduled. */
function fakeAudio() {
  const log = { contexts: 0, oscillators: /** @type {any[]} */ ([]), panners: /** @type {any[]} */ ([]), calls: /** @type {string[]} */ ([]) };
  const param = (/** @type {number} */ v) => ({ value: v, targets: /** @type {number[]} */ ([]),
    setTargetAtTime(x) { this.targets.push(x); }, setValueAtTime(x) { this.value = x; }, linearRampToValueAtTime() {},
    exponentialRampToValueAtTime(x) { this.targets.push(x); }, cancelScheduledValues() {} });
  const node = () => ({ connect() {} });
  class Ctx {
    constructor() { log.contexts++; this.state = 'running'; this.currentTime = 0; this.destination = node(); }
    createGain() { return { ...node(), gain: param(1) }; }
    createStereoPanner() { const p = { ...node(), pan: param(0) }; log.panners.push(p); return p; }
    createOscillator() {
      const o = { ...node(), type: 'sine', frequency: param(440), started: false, stopped: false,
        start() { this.started = true; }, stop() { this.stopped = true; } };
      log.oscillators.push(o);
      return o;
    }
    async resume() { this.state = 'running'; log.calls.push('resume'); }
    async suspend() { this.state = 'suspended'; log.calls.push('suspend'); }
    async close() { this.state = 'closed'; log.calls.push('close'); }
  }
  return { Ctx, log };
}

test('pitch follows the loss on a log scale: lower loss, lower pitch; equal ratios, equal intervals', () => {
  const f = (/** @type {number} */ l) => /** @type {number} */ (lossToFrequency(l));
  assert.ok(f(1e-3) < f(1) && f(1) < f(100));
  assert.ok(Math.abs(f(10) / f(1) - f(1000) / f(100)) < 1e-12, 'one decade is the same interval everywhere');
  assert.equal(f(1e-12), f(1e-6), 'clamped below');
  assert.equal(f(0), f(1e-6));
  assert.equal(f(1e9), f(1e4), 'clamped above');
  assert.equal(lossToFrequency(NaN), null);
  assert.equal(lossToFrequency(Infinity), null);
  assert.ok(f(1e-6) >= 100 && f(1e4) <= 1200, `range ${f(1e-6)}..${f(1e4)} Hz`);
});

test('each runner has its own timbre or place in the stereo field', () => {
  const seen = new Set();
  for (let i = 0; i < MAX_VOICES; i++) seen.add(`${voiceOf(i).type}@${voiceOf(i).pan}`);
  assert.equal(seen.size, MAX_VOICES);
});

test('start builds the graph; update hums running runners at their pitch; stopped runners fall silent', () => {
  const { Ctx, log } = fakeAudio();
  const s = new Sonifier({ AudioContextClass: /** @type {any} */ (Ctx) });
  assert.equal(s.on, false);
  assert.equal(log.contexts, 0, 'no audio before the toggle');
  s.start();
  s.resume();
  s.update([{ loss: 10, status: 'running' }, { loss: 0.01, status: 'running' }, { loss: NaN, status: 'diverged' }]);
  assert.equal(log.contexts, 1);
  const voices = log.oscillators.filter((o) => o.started);
  assert.equal(voices.length, 3);
  const last = (/** @type {number[]} */ a) => a[a.length - 1];
  assert.equal(last(voices[0].frequency.targets), lossToFrequency(10));
  assert.equal(last(voices[1].frequency.targets), lossToFrequency(0.01));
  assert.ok(last(voices[0].frequency.targets) > last(voices[1].frequency.targets), 'the higher loss sounds higher');
  assert.equal(voices[2].frequency.targets.length, 0, 'a diverged runner gets no pitch');
  assert.notEqual(log.panners[0].pan.value, log.panners[1].pan.value);
  // A crowd: only MAX_VOICES hum.
  s.update(Array.from({ length: 7 }, () => ({ loss: 1, status: 'running' })));
  assert.equal(s.voices.length, MAX_VOICES);
});

test('cues: converge and diverge each play a short, self-stopping sound; they differ', () => {
  const { Ctx, log } = fakeAudio();
  const s = new Sonifier({ AudioContextClass: /** @type {any} */ (Ctx) });
  s.start();
  s.resume();
  const before = log.oscillators.length;
  s.cue('converged', 0);
  const converge = log.oscillators.slice(before);
  s.cue('diverged', 1);
  const diverge = log.oscillators.slice(before + converge.length);
  assert.ok(converge.length >= 1 && diverge.length >= 1);
  for (const o of [...converge, ...diverge]) assert.ok(o.started && o.stopped, 'every cue note is scheduled to stop');
  assert.notDeepEqual(converge.map((o) => o.type), diverge.map((o) => o.type));
});

test('pause suspends after a fade, stop closes the context; without Web Audio nothing is attempted', async () => {
  const { Ctx, log } = fakeAudio();
  const s = new Sonifier({ AudioContextClass: /** @type {any} */ (Ctx) });
  s.start();
  s.resume();
  s.pause();
  await new Promise((r) => setTimeout(r, 400));
  assert.ok(log.calls.includes('suspend'));
  s.stop();
  assert.equal(s.on, false);
  await new Promise((r) => setTimeout(r, 450));
  assert.ok(log.calls.includes('close'));
  const none = new Sonifier({ AudioContextClass: undefined });
  assert.equal(none.available, false);
  none.start();
  none.update([{ loss: 1, status: 'running' }]);
  none.cue('converged', 0);
  assert.equal(none.on, false);
});
