// @ts-check
// Marker shapes on a canvas and as legend icons (the same path data, see palette.js).

/** @type {Map<string, Path2D>} */
const paths = new Map();

/** @param {string} d */
function path2d(d) {
  let p = paths.get(d);
  if (!p) { p = new Path2D(d); paths.set(d, p); }
  return p;
}

/**
 * Draws a marker centred at (u, v) CSS pixels, `radius` pixels in size, with a dark outline.
 * @param {CanvasRenderingContext2D} g @param {string} d shape path @param {number} u @param {number} v
 * @param {number} radius @param {string} fill
 */
export function drawMarker(g, d, u, v, radius, fill) {
  g.save();
  g.translate(u, v);
  g.scale(radius, radius);
  g.fillStyle = fill;
  g.fill(path2d(d));
  g.lineWidth = 1.6 / radius;
  g.strokeStyle = '#111';
  g.stroke(path2d(d));
  g.restore();
}

/**
 * A small inline SVG of a marker, for legends (built with DOM calls, never HTML text).
 * @param {string} d @param {string} color @param {number} [size]
 */
export function markerIcon(d, color, size = 16) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '-1.4 -1.4 2.8 2.8');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('marker-icon');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', d);
  p.setAttribute('fill', color);
  p.setAttribute('stroke', '#111');
  p.setAttribute('stroke-width', '0.2');
  svg.append(p);
  return svg;
}
