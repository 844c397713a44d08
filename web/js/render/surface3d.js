// @ts-check
// The landscape as a lit 3-D surface with the race's trajectories on it, in plain
// WebGL2 (no library: a mesh, a line strip per runner and two small shaders are
// smaller than any 3-D library). It receives the sampled surface from the core
// (the same values the 2-D heatmap shows, log scale) and the trails; it never
// computes a loss. Drag (or one finger) rotates, the wheel (or a pinch) zooms,
// and with the canvas focused the arrow keys rotate and + / - zoom.
import { VIRIDIS_LUT } from './colormap.js';

const VERTEX = `#version 300 es
in vec3 aPos; in vec3 aNormal; in vec3 aColor;
uniform mat4 uMvp; uniform float uPointSize;
out vec3 vNormal; out vec3 vColor;
void main() { gl_Position = uMvp * vec4(aPos, 1.0); vNormal = aNormal; vColor = aColor; gl_PointSize = uPointSize; }`;
const FRAGMENT = `#version 300 es
precision mediump float;
in vec3 vNormal; in vec3 vColor; uniform float uLit; out vec4 color;
void main() {
  vec3 n = normalize(vNormal);
  float d = max(dot(n, normalize(vec3(0.4, 0.3, 0.85))), 0.0);
  float light = mix(1.0, 0.35 + 0.75 * d, uLit);
  color = vec4(vColor * light, 1.0);
}`;

const HEIGHT = 0.6;    // the surface spans z in [0, HEIGHT]
const MAX_MESH = 128;  // at most 128 x 128 vertices

/** @param {number[]} a @param {number[]} b column-major 4x4 */
function mul(a, b) {
  const o = new Array(16).fill(0);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) for (let k = 0; k < 4; k++) o[c * 4 + r] += a[k * 4 + r] * b[c * 4 + k];
  return o;
}

/** @param {string} hex */
function rgb01(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** Why WebGL2 cannot be used here, or "" if it can. @param {HTMLCanvasElement} canvas */
export function webgl2Problem(canvas) {
  try {
    if (typeof WebGL2RenderingContext === 'undefined') return 'this browser has no WebGL2';
    const gl = canvas.getContext('webgl2', { antialias: true, preserveDrawingBuffer: true });
    return gl ? '' : 'WebGL2 is turned off or unavailable (no GPU or software renderer)';
  } catch (e) {
    return `WebGL2 failed to start (${/** @type {Error} */ (e).message})`;
  }
}

export class SurfaceView3D {
  /** @param {HTMLCanvasElement} canvas a canvas for which webgl2Problem() returned "" */
  constructor(canvas) {
    this.canvas = canvas;
    const gl = /** @type {WebGL2RenderingContext} */ (canvas.getContext('webgl2', { antialias: true, preserveDrawingBuffer: true }));
    this.gl = gl;
    this.program = this.#program();
    this.mesh = { vao: gl.createVertexArray(), buffers: /** @type {WebGLBuffer[]} */ ([]), count: 0 };
    this.lines = { vao: gl.createVertexArray(), buffers: /** @type {WebGLBuffer[]} */ ([]), strips: /** @type {{first: number, count: number}[]} */ ([]) };
    this.yaw = -0.6;
    this.pitch = 0.9;
    this.distance = 3.2;
    /** @type {{nx: number, ny: number, h: Float32Array, domain: {xmin: number, xmax: number, ymin: number, ymax: number}, lo: number, hi: number, logScale: boolean, fref: number, eps: number} | null} */
    this.grid = null;
    /** Height of the scene's y range over its x range (set with the grid). */
    this.aspect = 1;
    /** @type {null | (() => void)} */
    this.onchange = null;
    this.#controls();
  }

  #program() {
    const gl = this.gl;
    const shader = (/** @type {number} */ type, /** @type {string} */ src) => {
      const s = /** @type {WebGLShader} */ (gl.createShader(type));
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`3-D view shader: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const p = /** @type {WebGLProgram} */ (gl.createProgram());
    gl.attachShader(p, shader(gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(p, shader(gl.FRAGMENT_SHADER, FRAGMENT));
    gl.bindAttribLocation(p, 0, 'aPos');
    gl.bindAttribLocation(p, 1, 'aNormal');
    gl.bindAttribLocation(p, 2, 'aColor');
    gl.linkProgram(p);
    if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`3-D view program: ${gl.getProgramInfoLog(p)}`);
    return p;
  }

  /** Replaces the three attribute buffers of a VAO. @param {{vao: WebGLVertexArrayObject | null, buffers: WebGLBuffer[]}} target @param {Float32Array[]} arrays */
  #upload(target, arrays) {
    const gl = this.gl;
    for (const b of target.buffers) gl.deleteBuffer(b);
    gl.bindVertexArray(target.vao);
    target.buffers = arrays.map((a, loc) => {
      const b = /** @type {WebGLBuffer} */ (gl.createBuffer());
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.bufferData(gl.ARRAY_BUFFER, a, gl.DYNAMIC_DRAW);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, 3, gl.FLOAT, false, 0, 0);
      return b;
    });
    gl.bindVertexArray(null);
  }

  /** Scene coordinates: x in [-1, 1], y in [-a, a] (a = domain aspect), z in [0, HEIGHT]. */
  #sx(/** @type {number} */ x) { const d = /** @type {NonNullable<SurfaceView3D['grid']>} */ (this.grid).domain; return -1 + (2 * (x - d.xmin)) / (d.xmax - d.xmin); }
  #sy(/** @type {number} */ y) { const d = /** @type {NonNullable<SurfaceView3D['grid']>} */ (this.grid).domain; return this.aspect * (-1 + (2 * (y - d.ymin)) / (d.ymax - d.ymin)); }

  /**
   * A new landscape: the core's sampled surface (values row-major, row 0 at ymin) over `domain`.
   * @param {{values: Float64Array, nx: number, ny: number, min: number, max: number, logScale: boolean, fref: number, eps: number}} s
   * @param {{xmin: number, xmax: number, ymin: number, ymax: number}} domain
   */
  setSurface(s, domain) {
    const step = Math.max(1, Math.ceil(Math.max(s.nx, s.ny) / MAX_MESH));
    const nx = Math.floor((s.nx - 1) / step) + 1, ny = Math.floor((s.ny - 1) / step) + 1;
    const lo = s.min, hi = s.max > s.min ? s.max : s.min + 1;
    const h = new Float32Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const v = s.values[j * step * s.nx + i * step];
        h[j * nx + i] = Number.isFinite(v) ? Math.max(0, Math.min(1, (v - lo) / (hi - lo))) : 1;
      }
    }
    this.aspect = Math.min(1.5, Math.max(0.4, (domain.ymax - domain.ymin) / (domain.xmax - domain.xmin)));
    this.grid = { nx, ny, h, domain, lo, hi, logScale: s.logScale, fref: s.fref, eps: s.eps };
    const pos = new Float32Array(nx * ny * 3), nor = new Float32Array(nx * ny * 3), col = new Float32Array(nx * ny * 3);
    const dx = 2 / (nx - 1), dy = (2 * this.aspect) / (ny - 1);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i, z = h[k] * HEIGHT;
        pos.set([-1 + i * dx, this.aspect * -1 + j * dy, z], 3 * k);
        const zx = (h[j * nx + Math.min(nx - 1, i + 1)] - h[j * nx + Math.max(0, i - 1)]) * HEIGHT / (2 * dx);
        const zy = (h[Math.min(ny - 1, j + 1) * nx + i] - h[Math.max(0, j - 1) * nx + i]) * HEIGHT / (2 * dy);
        const n = Math.hypot(zx, zy, 1);
        nor.set([-zx / n, -zy / n, 1 / n], 3 * k);
        const c = Math.round(h[k] * 255) * 3;
        col.set([VIRIDIS_LUT[c] / 255, VIRIDIS_LUT[c + 1] / 255, VIRIDIS_LUT[c + 2] / 255], 3 * k);
      }
    }
    // Two triangles per cell, unindexed (a 128 x 128 mesh is ~97k vertices: fine).
    const tri = (/** @type {Float32Array} */ a) => {
      const out = new Float32Array((nx - 1) * (ny - 1) * 6 * 3);
      let o = 0;
      for (let j = 0; j < ny - 1; j++) {
        for (let i = 0; i < nx - 1; i++) {
          for (const k of [j * nx + i, j * nx + i + 1, (j + 1) * nx + i + 1, j * nx + i, (j + 1) * nx + i + 1, (j + 1) * nx + i]) {
            out[o++] = a[3 * k]; out[o++] = a[3 * k + 1]; out[o++] = a[3 * k + 2];
          }
        }
      }
      return out;
    };
    this.#upload(this.mesh, [tri(pos), tri(nor), tri(col)]);
    this.mesh.count = (nx - 1) * (ny - 1) * 6;
  }

  /** Height of the surface at domain point (x, y) (bilinear in the mesh), scene units. @param {number} x @param {number} y */
  heightAt(x, y) {
    const g = /** @type {NonNullable<SurfaceView3D['grid']>} */ (this.grid);
    const u = ((x - g.domain.xmin) / (g.domain.xmax - g.domain.xmin)) * (g.nx - 1);
    const v = ((y - g.domain.ymin) / (g.domain.ymax - g.domain.ymin)) * (g.ny - 1);
    const i = Math.max(0, Math.min(g.nx - 2, Math.floor(u))), j = Math.max(0, Math.min(g.ny - 2, Math.floor(v)));
    const fu = Math.max(0, Math.min(1, u - i)), fv = Math.max(0, Math.min(1, v - j));
    const h = g.h, n = g.nx;
    const top = h[j * n + i] * (1 - fu) + h[j * n + i + 1] * fu, bot = h[(j + 1) * n + i] * (1 - fu) + h[(j + 1) * n + i + 1] * fu;
    return (top * (1 - fv) + bot * fv) * HEIGHT;
  }

  /**
   * Draws the surface, every trail and the runners' current positions.
   * @param {{ trails: {points: Float64Array, length: number}[], runners: {x: number, y: number, color: string}[] }} race
   */
  draw({ trails, runners }) {
    const gl = this.gl;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.canvas.clientWidth * dpr)), hgt = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
    if (this.canvas.width !== w || this.canvas.height !== hgt) { this.canvas.width = w; this.canvas.height = hgt; }
    gl.viewport(0, 0, w, hgt);
    gl.clearColor(0.97, 0.97, 0.98, 1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    if (!this.grid) return;
    gl.enable(gl.DEPTH_TEST);
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(gl.getUniformLocation(this.program, 'uMvp'), false, this.#mvp(w / hgt));
    const lit = gl.getUniformLocation(this.program, 'uLit'), size = gl.getUniformLocation(this.program, 'uPointSize');
    gl.uniform1f(lit, 1);
    gl.uniform1f(size, 1);
    gl.bindVertexArray(this.mesh.vao);
    gl.drawArrays(gl.TRIANGLES, 0, this.mesh.count);

    // Trails: line strips lifted slightly above the surface, drawn over it.
    const lift = 0.012;
    let total = 0;
    for (const t of trails) total += t.length;
    const n = total + runners.length;
    const pos = new Float32Array(3 * n), nor = new Float32Array(3 * n), col = new Float32Array(3 * n);
    nor.fill(0);
    for (let k = 0; k < n; k++) nor[3 * k + 2] = 1;
    /** @type {{first: number, count: number}[]} */
    const strips = [];
    let o = 0;
    trails.forEach((t, r) => {
      const c = rgb01(runners[r]?.color ?? '#ffffff');
      const first = o;
      for (let k = 0; k < t.length; k++) {
        const x = t.points[3 * k], y = t.points[3 * k + 1];
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        pos.set([this.#sx(x), this.#sy(y), this.heightAt(x, y) + lift], 3 * o);
        col.set(c, 3 * o);
        o++;
      }
      strips.push({ first, count: o - first });
    });
    const pointsFirst = o;
    for (const r of runners) {
      if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
      pos.set([this.#sx(r.x), this.#sy(r.y), this.heightAt(r.x, r.y) + 2 * lift], 3 * o);
      col.set(rgb01(r.color), 3 * o);
      o++;
    }
    this.#upload(this.lines, [pos, nor, col]);
    gl.bindVertexArray(this.lines.vao);
    gl.uniform1f(lit, 0);
    gl.depthFunc(gl.LEQUAL);
    for (const s of strips) if (s.count > 1) gl.drawArrays(gl.LINE_STRIP, s.first, s.count);
    gl.uniform1f(size, 9 * dpr);
    gl.disable(gl.DEPTH_TEST);
    if (o > pointsFirst) gl.drawArrays(gl.POINTS, pointsFirst, o - pointsFirst);
    gl.bindVertexArray(null);
  }

  /** Perspective x view, column-major. @param {number} aspect */
  #mvp(aspect) {
    const f = 1 / Math.tan(0.5 * 0.7), near = 0.1, far = 20;
    const proj = [f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, (2 * far * near) / (near - far), 0];
    // Camera on a sphere around the centre of the surface (z up), looking at it.
    const cp = Math.cos(this.pitch), sp = Math.sin(this.pitch), cy = Math.cos(this.yaw), sy = Math.sin(this.yaw);
    const target = [0, 0, HEIGHT * 0.35];
    const eye = [target[0] + this.distance * sp * sy, target[1] - this.distance * sp * cy, target[2] + this.distance * cp];
    const zf = [eye[0] - target[0], eye[1] - target[1], eye[2] - target[2]];
    const zl = Math.hypot(...zf); const z = zf.map((v) => v / zl);
    const up = [0, 0, 1];
    let x = [up[1] * z[2] - up[2] * z[1], up[2] * z[0] - up[0] * z[2], up[0] * z[1] - up[1] * z[0]];
    const xl = Math.hypot(...x) || 1; x = x.map((v) => v / xl);
    const y = [z[1] * x[2] - z[2] * x[1], z[2] * x[0] - z[0] * x[2], z[0] * x[1] - z[1] * x[0]];
    const dot = (/** @type {number[]} */ a) => a[0] * eye[0] + a[1] * eye[1] + a[2] * eye[2];
    const view = [x[0], y[0], z[0], 0, x[1], y[1], z[1], 0, x[2], y[2], z[2], 0, -dot(x), -dot(y), -dot(z), 1];
    return new Float32Array(mul(proj, view));
  }

  /** @param {number} dyaw @param {number} dpitch @param {number} zoom factor */
  turn(dyaw, dpitch, zoom = 1) {
    this.yaw += dyaw;
    this.pitch = Math.max(0.05, Math.min(1.5, this.pitch + dpitch));
    this.distance = Math.max(1.2, Math.min(8, this.distance * zoom));
    this.onchange?.();
  }

  #controls() {
    const c = this.canvas;
    /** @type {Map<number, {x: number, y: number}>} */
    const pointers = new Map();
    let pinch = 0;
    c.addEventListener('pointerdown', (e) => { c.setPointerCapture(e.pointerId); pointers.set(e.pointerId, { x: e.clientX, y: e.clientY }); });
    const up = (/** @type {PointerEvent} */ e) => { pointers.delete(e.pointerId); pinch = 0; };
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
    c.addEventListener('pointermove', (e) => {
      const p = pointers.get(e.pointerId);
      if (!p) return;
      if (pointers.size === 1) {
        this.turn(-(e.clientX - p.x) * 0.01, -(e.clientY - p.y) * 0.01);
      } else if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        if (pinch > 0 && d > 0) this.turn(0, 0, pinch / d);
        pinch = d;
      }
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    });
    c.addEventListener('wheel', (e) => { e.preventDefault(); this.turn(0, 0, Math.exp(e.deltaY * 0.001)); }, { passive: false });
    c.addEventListener('keydown', (e) => {
      const k = { ArrowLeft: [0.1, 0, 1], ArrowRight: [-0.1, 0, 1], ArrowUp: [0, -0.08, 1], ArrowDown: [0, 0.08, 1],
        '+': [0, 0, 0.9], '=': [0, 0, 0.9], '-': [0, 0, 1.1] }[e.key];
      if (!k) return;
      e.preventDefault();
      this.turn(k[0], k[1], k[2]);
    });
    c.style.touchAction = 'none';
  }
}
