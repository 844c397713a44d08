// What the page (web/js/main.js) and the tests themselves put on `window` for tests/browser
// to read inside page.evaluate(): the page's live objects, and the recorders a test installs
// before the page loads (sound, speech, frames, embed events, CSP reports, axe-core).
interface Window {
  optlab: {
    store: import('../../web/js/state/store.js').Store;
    session: import('../../web/js/race/session.js').RaceSession;
    timer: import('../../web/js/race/frame-timer.js').FrameTimer;
    map: ReturnType<typeof import('../../web/js/ui/race-map.js').mountRaceMap>;
    basins: ReturnType<typeof import('../../web/js/ui/basins-panel.js').mountBasinsPanel>;
    video: ReturnType<typeof import('../../web/js/ui/video-export.js').mountVideoExport>;
  };
  __audio: { created: number; calls: string[]; oscillatorsStarted: number };
  __spoken: string[];
  __frames: number;
  __pwned: unknown;
  events: EmbedEventDetail[];
  cspViolations: string[];
  recordAnswer: (detail: unknown) => void;
  axe: {
    run(context: string | Element | Document, options?: object): Promise<{
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    }>;
  };
}

// What the embed bridge sends its host page (web/embed/host.js: the detail of an
// "optimizer-lab:*" event). Each message has `type` and the fields of its kind.
interface EmbedEventDetail {
  type: string;
  height: number; // resize
  questionId: string; correct: boolean; version: number; // quiz-answer
  right: number; total: number; scaled: number; // score
  query: string; // ready, state
  landscape: string; runners: { optimizer: string; status: string; steps: number }[]; // race-result
}
