// @ts-check
// Voicing: the browser's own speech synthesis reads the race's status changes aloud
// ("Adam converged at step 412"), for people who follow the race without a screen reader.
// Off until asked for; turning it off stops what is being said.

/**
 * @typedef {{ speak(u: any): void, cancel(): void }} SpeechLike
 * @param {{ synth: SpeechLike | undefined, Utterance: (new (text: string) => any) | undefined }} speech
 */
export function createVoicing({ synth, Utterance }) {
  let on = false;
  return {
    get available() { return Boolean(synth && typeof Utterance === 'function'); },
    get on() { return on; },
    /** @param {boolean} value */
    set(value) {
      on = value && Boolean(synth && Utterance);
      if (!on) synth?.cancel();
    },
    /** Queues a sentence (nothing when off). @param {string} text */
    say(text) {
      if (!on || !synth || !Utterance) return;
      const u = new Utterance(text);
      u.rate = 1;
      synth.speak(u);
    },
  };
}
