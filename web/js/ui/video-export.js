// @ts-check
// Video for slides: records the running race (the visible 2-D or 3-D view, the
// trails, a legend and the step counter) as a WebM file with the browser's
// MediaRecorder, at a chosen length and size, and offers it for download.
// Each animation frame composes the view and the overlays into a recording canvas
// whose captureStream() feeds the recorder.
import { el } from './dom.js';
import { steps } from './format.js';

/** Sizes offered (16:9, as slides are). */
export const VIDEO_SIZES = [[640, 360], [1280, 720], [1920, 1080]];

/** The first WebM type this browser can record, or "". */
export function webmType() {
  if (typeof MediaRecorder === 'undefined') return '';
  return ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? '';
}

/**
 * @typedef {{ canvas: HTMLCanvasElement, title: string, steps: number,
 *   legend: {label: string, color: string}[] }} VideoFrameSource
 */

/** How long a recording may run past its length while waiting for the encoder's first data. */
const GRACE_SECONDS = 5;

/**
 * Records `seconds` of the race into a WebM Blob of width x height pixels.
 * @param {() => VideoFrameSource} source called every frame
 * @param {{ seconds: number, width: number, height: number, onProgress?: (t: number) => void }} options
 * @returns {Promise<Blob>}
 */
export function recordRace(source, { seconds, width, height, onProgress }) {
  const type = webmType();
  if (!type) return Promise.reject(new Error('This browser cannot record WebM video (no MediaRecorder with WebM).'));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = /** @type {CanvasRenderingContext2D} */ (out.getContext('2d'));
  const compose = () => {
    const s = source();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const k = Math.min(width / s.canvas.width, height / s.canvas.height);
    const w = s.canvas.width * k, h = s.canvas.height * k;
    ctx.drawImage(s.canvas, (width - w) / 2, (height - h) / 2, w, h);
    const fs = Math.max(12, Math.round(height / 28));
    ctx.font = `${fs}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    // Title and step counter, top left; legend, top right.
    const pad = fs * 0.6;
    const text = (/** @type {string} */ t, /** @type {number} */ x, /** @type {number} */ y, align = 'left') => {
      ctx.textAlign = /** @type {CanvasTextAlign} */ (align);
      ctx.lineWidth = Math.max(2, fs / 5);
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.strokeText(t, x, y);
      ctx.fillStyle = '#111';
      ctx.fillText(t, x, y);
    };
    text(s.title, pad, pad);
    text(`step ${steps(s.steps)}`, pad, pad + fs * 1.3);
    s.legend.forEach((l, i) => {
      const y = pad + i * fs * 1.3;
      text(l.label, width - pad - fs * 1.2, y, 'right');
      ctx.fillStyle = l.color;
      ctx.fillRect(width - pad - fs * 0.9, y + fs * 0.1, fs * 0.8, fs * 0.8);
    });
  };
  // Frames are pushed explicitly (captureStream(0) + requestFrame) on a timer rather
  // than sampled from animation frames: a throttled or busy page then still yields a
  // frame for every composed picture, never an empty recording.
  const stream = out.captureStream(0);
  const track = /** @type {CanvasCaptureMediaStreamTrack} */ (stream.getVideoTracks()[0]);
  const push = () => { compose(); track.requestFrame(); };
  const recorder = new MediaRecorder(stream, { mimeType: type });
  /** @type {Blob[]} */
  const chunks = [];
  let bytes = 0;
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
    bytes += e.data.size;
  };
  return new Promise((resolve, reject) => {
    recorder.onerror = () => reject(new Error('The recording failed.'));
    recorder.onstop = () => {
      for (const t of stream.getTracks()) t.stop();
      resolve(new Blob(chunks, { type: 'video/webm' }));
    };
    const t0 = performance.now();
    recorder.start(250);
    push();
    const timer = setInterval(() => {
      const t = (performance.now() - t0) / 1000;
      // On a busy machine the encoder may not have delivered anything yet when the time
      // is up: keep feeding frames (a few seconds at most) rather than stop with nothing.
      if (t >= seconds && (bytes > 0 || t >= seconds + GRACE_SECONDS)) {
        clearInterval(timer);
        recorder.stop();
        return;
      }
      push();
      onProgress?.(t / seconds);
    }, 1000 / 30);
  });
}

/**
 * The "Video for slides" controls, added to the export panel.
 * @param {HTMLElement} root
 * @param {{ source: () => VideoFrameSource, play: () => void, name: () => string }} deps
 */
export function mountVideoExport(root, { source, play, name }) {
  const length = /** @type {HTMLSelectElement} */ (el('select', { id: 'video-length' },
    ...[3, 5, 10, 20, 30].map((s) => el('option', { value: String(s), selected: s === 5 }, `${s} s`))));
  const size = /** @type {HTMLSelectElement} */ (el('select', { id: 'video-size' },
    ...VIDEO_SIZES.map(([w, h], i) => el('option', { value: String(i), selected: i === 1 }, `${w} × ${h}`))));
  const button = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'video-record' }, 'Record video'));
  const status = el('p', { id: 'video-status', class: 'muted small', 'aria-live': 'polite' });
  const link = /** @type {HTMLAnchorElement} */ (el('a', { id: 'video-download', hidden: true }, 'Download the video'));
  const type = webmType();
  if (!type) {
    button.disabled = true;
    status.textContent = 'Video recording needs MediaRecorder with WebM, which this browser lacks.';
  }
  root.append(el('div', { class: 'video-export' },
    el('h3', {}, 'Video for slides (WebM)'),
    el('div', { class: 'field' }, el('label', { for: 'video-length' }, 'Length '), length,
      el('label', { for: 'video-size' }, ' Size '), size, ' ', button),
    status, link));

  /** @param {number} seconds @param {number} width @param {number} height */
  const record = async (seconds, width, height) => {
    button.disabled = true;
    link.hidden = true;
    play();
    try {
      const blob = await recordRace(source, { seconds, width, height,
        onProgress: (t) => { status.textContent = `Recording… ${Math.round(t * 100)} %`; } });
      if (link.href) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(blob);
      link.download = `${name()}.webm`;
      link.hidden = false;
      status.textContent = `Recorded ${seconds} s at ${width} × ${height}: ${(blob.size / 1024).toFixed(0)} KB.`;
      return blob;
    } catch (err) {
      status.textContent = String(/** @type {Error} */ (err).message);
      throw err;
    } finally {
      button.disabled = !type;
    }
  };
  button.addEventListener('click', () => {
    const [w, h] = VIDEO_SIZES[Number(size.value)];
    record(Number(length.value), w, h).catch(() => {});
  });
  return { record };
}
