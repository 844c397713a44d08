// @ts-check
// A small, self-contained race view for the quizzes ("show me" and predict-then-run):
// the core's sampled landscape as a heatmap, the runners' trails, a legend, and the
// outcome in words once the race is over. It owns its own Race (the main page's
// state is never touched) and runs in chunks of steps per animation frame, or all at
// once when the student prefers reduced motion.
import { paintSurface, paintMinima } from '../render/landscape-painter.js';
import { el as make } from '../ui/dom.js';
import { createQuizRace, advanceRace, describeRunner } from './race-spec.js';
import { fmt } from './computations.js';

/** Colour-blind-safe colours plus a dash pattern each, so trails differ by more than colour. */
const STYLES = [
  { color: '#ff7a1a', dash: [] }, { color: '#ffffff', dash: [6, 3] }, { color: '#ff3d9a', dash: [2, 3] },
  { color: '#2ee6ff', dash: [10, 3, 2, 3] }, { color: '#000000', dash: [4, 4] }, { color: '#b3ff00', dash: [1, 2] },
];
const FRAMES = 90; // a race plays in about 1.5 s

/** An element with a class and text, through the page's DOM helper. @param {keyof HTMLElementTagNameMap} tag @param {string} [cls] @param {string} [text] */
const el = (tag, cls, text) => make(tag, { class: cls }, text);

export class QuizRaceView {
  /**
   * @param {HTMLElement} host @param {import('../core/wrap-core.js').Core} core @param {import('./quiz-types.js').QuizRace} spec race spec from a quiz
   * @param {string} caption
   */
  constructor(host, core, spec, caption) {
    this.core = core;
    this.spec = spec;
    this.root = el('figure', 'quiz-race');
    this.canvas = /** @type {HTMLCanvasElement} */ (el('canvas', 'quiz-race-canvas'));
    this.canvas.setAttribute('role', 'img');
    this.legend = el('ul', 'quiz-race-legend');
    this.outcome = el('div', 'quiz-race-outcome');
    const cap = el('figcaption', 'quiz-race-caption', caption);
    this.root.append(cap, this.canvas, this.legend, this.outcome);
    host.append(this.root);
    /** @type {import('../core/wrap-core.js').Race | null} */
    this.race = null;
    this.background = null;
    this.token = 0;
  }

  /**
   * Runs the race (at `lr` when the spec shares one learning rate) and resolves to the
   * runners' final states from the core.
   * @param {number} [lr] @returns {Promise<any[]>}
   */
  async run(lr) {
    const token = ++this.token;
    this.race?.dispose();
    const race = createQuizRace(this.core, this.spec, lr);
    this.race = race;
    const info = race.landscape();
    this.#layout(info.domain);
    this.background = this.#background(race.surface({ nx: 128, ny: 128, logScale: true, levels: 14 }), info);
    this.#legend(lr);
    this.outcome.textContent = '';
    this.root.dataset.state = 'running';
    this.canvas.setAttribute('aria-label', `${info.displayName}: the race is running`);
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const chunk = reduce ? this.spec.steps : Math.max(1, Math.ceil(this.spec.steps / FRAMES));
    for (;;) {
      const done = advanceRace(race, this.spec, chunk);
      this.#draw(race);
      if (done) break;
      await new Promise((r) => requestAnimationFrame(r));
      if (token !== this.token) return []; // a newer run took over
    }
    const infos = Array.from({ length: race.runnerCount }, (_, i) => race.runnerInfo(i));
    this.#outcome(race, infos);
    this.root.dataset.state = 'done';
    this.canvas.setAttribute('aria-label', `${info.displayName} after ${race.steps} steps. ` +
      infos.map((r) => describeRunner(r, this.spec.steps)).join(' '));
    return infos;
  }

  dispose() {
    this.token++;
    this.race?.dispose();
    this.race = null;
    this.root.remove();
  }

  /** @param {{xmin: number, xmax: number, ymin: number, ymax: number}} d */
  #layout(d) {
    const width = Math.min(440, Math.max(200, this.root.clientWidth || 320));
    const height = Math.round(width * Math.min(1, Math.max(0.45, (d.ymax - d.ymin) / (d.xmax - d.xmin))));
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.domain = d;
  }

  /** Domain point -> canvas pixel. @param {number} x @param {number} y @returns {[number, number]} */
  #px(x, y) {
    const d = /** @type {import('../core/wrap-core.js').DomainBox} */ (this.domain);
    return [((x - d.xmin) / (d.xmax - d.xmin)) * this.canvas.width, (1 - (y - d.ymin) / (d.ymax - d.ymin)) * this.canvas.height];
  }

  /** Heatmap (log scale), contours and minima, drawn once per run by the page's one landscape painter. @param {any} s @param {any} info */
  #background(s, info) {
    const bg = /** @type {HTMLCanvasElement} */ (el('canvas'));
    bg.width = this.canvas.width;
    bg.height = this.canvas.height;
    const g = /** @type {CanvasRenderingContext2D} */ (bg.getContext('2d'));
    const dpr = window.devicePixelRatio || 1;
    const toPx = (/** @type {number} */ x, /** @type {number} */ y) => this.#px(x, y);
    paintSurface(g, s, { left: 0, top: 0, width: bg.width, height: bg.height }, toPx, { contourAlpha: 0.3, lineWidth: dpr });
    paintMinima(g, info.minima, toPx, { scale: dpr * 0.85 });
    return bg;
  }

  /** @param {import('../core/wrap-core.js').Race} race */
  #draw(race) {
    const g = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext('2d'));
    const dpr = window.devicePixelRatio || 1;
    g.setTransform(1, 0, 0, 1, 0, 0);
    if (this.background) g.drawImage(this.background, 0, 0);
    for (let i = 0; i < race.runnerCount; i++) {
      const { points } = race.trajectory(i);
      const st = STYLES[i % STYLES.length];
      g.beginPath();
      let last = null;
      for (let k = 0; k < points.length; k += 3) {
        if (!Number.isFinite(points[k]) || !Number.isFinite(points[k + 1])) break;
        const [u, v] = this.#px(points[k], points[k + 1]);
        if (k === 0) g.moveTo(u, v); else g.lineTo(u, v);
        last = [u, v];
      }
      g.setLineDash(st.dash.map((x) => x * dpr));
      g.strokeStyle = st.color;
      g.lineWidth = 2 * dpr;
      g.stroke();
      g.setLineDash([]);
      if (last) {
        g.beginPath();
        g.arc(last[0], last[1], 4.5 * dpr, 0, 2 * Math.PI);
        g.fillStyle = st.color;
        g.fill();
        g.strokeStyle = '#111';
        g.lineWidth = 1.5 * dpr;
        g.stroke();
      }
    }
  }

  /** @param {number} [lr] */
  #legend(lr) {
    this.legend.replaceChildren(...this.spec.runners.map((r, i) => {
      const li = el('li');
      const swatch = /** @type {HTMLCanvasElement} */ (el('canvas', 'quiz-swatch'));
      swatch.width = 28;
      swatch.height = 10;
      swatch.setAttribute('aria-hidden', 'true');
      const g = /** @type {CanvasRenderingContext2D} */ (swatch.getContext('2d'));
      const st = STYLES[i % STYLES.length];
      g.fillStyle = '#3b3b4f';
      g.fillRect(0, 0, 28, 10);
      g.setLineDash(st.dash);
      g.strokeStyle = st.color;
      g.lineWidth = 2.5;
      g.beginPath();
      g.moveTo(1, 5);
      g.lineTo(27, 5);
      g.stroke();
      li.append(swatch, ` ${r.label}`);
      return li;
    }));
    if (lr !== undefined) this.legend.append(el('li', 'quiz-race-lr', `lr = ${lr} for all`));
  }

  /** @param {import('../core/wrap-core.js').Race} race @param {any[]} infos */
  #outcome(race, infos) {
    const list = el('ul');
    infos.forEach((r, i) => {
      let text = describeRunner(r, this.spec.steps);
      for (const b of race.buffers(i)) {
        if (this.spec.buffers?.includes(b.name)) {
          text += ` Its ${b.label} (${b.name}) ended at (${b.values.map((v) => fmt(v)).join(', ')}).`;
        }
      }
      list.append(el('li', undefined, text));
    });
    this.outcome.replaceChildren(list);
  }
}
