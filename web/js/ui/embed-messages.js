// @ts-check
// Talking to the page that embeds Optimizer Lab in an iframe (README: "Embedding").
//
// Outgoing (to window.parent, only when the page is framed), every message a plain object
// whose `type` starts with "optimizer-lab:":
//   { type: 'optimizer-lab:ready', version: 1, query }                       once, when the page is built
//   { type: 'optimizer-lab:resize', version: 1, height }                     content height in CSS px, on every change
//   { type: 'optimizer-lab:quiz-answer', version: 1, quizId, questionId, questionType, correct, attempts, response,
//     score: { right, answered, total } }                                      every quiz answer
//   { type: 'optimizer-lab:score', version: 1, right, answered, total, scaled }  after every quiz answer (scaled = right/total)
//   { type: 'optimizer-lab:race-result', version: 1, landscape, steps,
//     runners: [{ label, optimizer, status, steps, loss, x, y }] }             when a race ends
//   { type: 'optimizer-lab:state', version: 1, query }                       in reply to get-state
// For iframe resizers that read Embedly's convention, the height also goes out as the JSON text
//   '{"context":"iframe.resize","src":<this page's URL>,"height":<px>}'.
//
// Incoming (from window.parent only; anything else is ignored without a word):
//   { type: 'optimizer-lab:request-resize' }          → a resize message now
//   { type: 'optimizer-lab:get-state' }               → an optimizer-lab:state message
//   { type: 'optimizer-lab:set-state', query: string } → the query goes through the same checks as a link
// Messages carry data only; nothing in them is ever inserted as HTML.

export const PREFIX = 'optimizer-lab:';
export const VERSION = 1;
const MAX_QUERY = 8000;

/**
 * The incoming message a value is, or null when it matches no documented shape exactly.
 * @param {unknown} data
 * @returns {{ type: 'request-resize' } | { type: 'get-state' } | { type: 'set-state', query: string } | null}
 */
export function readIncoming(data) {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (Object.getPrototypeOf(data) !== Object.prototype) return null;
  const keys = Object.keys(data);
  const d = /** @type {Record<string, unknown>} */ (data);
  if (typeof d.type !== 'string' || !d.type.startsWith(PREFIX)) return null;
  const allowed = (/** @type {string[]} */ ...names) => keys.every((k) => k === 'type' || k === 'version' || names.includes(k))
    && (d.version === undefined || d.version === VERSION);
  switch (d.type.slice(PREFIX.length)) {
    case 'request-resize': return allowed() ? { type: 'request-resize' } : null;
    case 'get-state': return allowed() ? { type: 'get-state' } : null;
    case 'set-state':
      return allowed('query') && typeof d.query === 'string' && d.query.length <= MAX_QUERY ? { type: 'set-state', query: d.query } : null;
    default: return null;
  }
}

/**
 * Starts the bridge. Does nothing (and posts nothing) when the page is not in a frame.
 * @param {{ getQuery: () => string, setQuery: (query: string) => void, win?: Window }} app
 */
export function startEmbedBridge({ getQuery, setQuery, win = window }) {
  const parent = win.parent;
  const framed = parent !== win;
  /** @param {string} type @param {Record<string, unknown>} [payload] */
  const post = (type, payload = {}) => {
    if (!framed) return;
    try {
      parent.postMessage({ type: PREFIX + type, version: VERSION, ...payload }, '*');
    } catch { /* a parent that cannot receive: nothing to do */ }
  };
  let lastHeight = -1;
  const postHeight = (force = false) => {
    if (!framed) return;
    const body = win.document.body;
    const style = win.getComputedStyle(body);
    const height = Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (!force && height === lastHeight) return;
    lastHeight = height;
    post('resize', { height });
    try {
      parent.postMessage(JSON.stringify({ context: 'iframe.resize', src: win.location.href, height }), '*');
    } catch { /* ignore */ }
  };
  if (framed) {
    let pending = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => postHeight());
    }).observe(win.document.body);
    win.addEventListener('message', (event) => {
      if (event.source !== parent) return;
      const msg = readIncoming(event.data);
      if (!msg) return;
      if (msg.type === 'request-resize') postHeight(true);
      else if (msg.type === 'get-state') post('state', { query: getQuery() });
      else if (msg.type === 'set-state') setQuery(msg.query);
    });
  }
  return {
    framed,
    post,
    postHeight,
    /** Forwards the quiz panel's `quiz-answer` events (quiz-panel.js) from `root`. @param {HTMLElement} root */
    forwardQuizAnswers(root) {
      root.addEventListener('quiz-answer', (e) => {
        const d = /** @type {CustomEvent} */ (e).detail ?? {};
        const score = d.score ?? {};
        const counts = { right: Number(score.right) || 0, answered: Number(score.answered) || 0, total: Number(score.total) || 0 };
        post('quiz-answer', { quizId: String(d.quizId ?? ''), questionId: String(d.questionId ?? ''), questionType: String(d.type ?? ''),
          correct: Boolean(d.correct), attempts: Number(d.attempts) || 0, response: plain(d.response), score: counts });
        post('score', { ...counts, scaled: counts.total ? counts.right / counts.total : 0 });
      });
    },
  };
}

/** A structured-clone-safe copy of plain data (numbers, strings, booleans, arrays, objects). @param {unknown} v @returns {unknown} */
function plain(v) {
  try {
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  } catch {
    return null;
  }
}
