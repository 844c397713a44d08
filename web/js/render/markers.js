// @ts-check
// Marker shapes on a canvas and as legend icons (the same path data, see palette.js).
// The race draws its markers every frame, so each shape, colour and size is filled and
// stroked once into a small bitmap (a sprite) and a frame only copies it: copying a few
// hundred pixels is far cheaper than antialiasing a path in software.

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

/** @type {Map<string, { canvas: HTMLCanvasElement, image: CanvasImageSource }>} */
const sprites = new Map();

/**
 * A mark painted once into a small canvas at device resolution, returned with `half`, the
 * distance in CSS pixels from its corner to the mark's centre, and `image`, what to copy: the
 * canvas at first, then an ImageBitmap of it once the browser has made one. Copying from a
 * canvas makes the browser take a snapshot of it on every copy (several per frame); a bitmap
 * is already one. `paint` draws the mark centred at (0, 0) in CSS pixels; `extent` bounds it
 * (CSS pixels from the centre, outline included).
 * @param {string} key what makes two sprites the same (shape, colour, size, pixel ratio)
 * @param {number} extent @param {number} dpr @param {(g: CanvasRenderingContext2D) => void} paint
 */
export function sprite(key, extent, dpr, paint) {
  let s = sprites.get(key);
  if (!s) {
    const c = document.createElement('canvas');
    const side = Math.ceil(2 * extent * dpr);
    c.width = side;
    c.height = side;
    const g = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
    g.setTransform(dpr, 0, 0, dpr, side / 2, side / 2);
    paint(g);
    if (sprites.size > 256) sprites.clear(); // colours and sizes are few; this only bounds a pathological case
    const entry = { canvas: c, image: /** @type {CanvasImageSource} */ (c) };
    if (typeof createImageBitmap === 'function') {
      createImageBitmap(c).then((bitmap) => { entry.image = bitmap; }, () => { /* the canvas stays the source */ });
    }
    sprites.set(key, entry);
    s = entry;
  }
  return { canvas: s.canvas, image: s.image, half: s.canvas.width / 2 / dpr };
}

/**
 * The sprite of a marker: `drawMarker` at the centre of a small bitmap.
 * @param {string} d @param {number} radius @param {string} fill @param {number} dpr
 */
export function markerSprite(d, radius, fill, dpr) {
  // The shapes reach 1.2 radius from the centre (palette.js); 1.4 leaves room for the outline.
  return sprite(`m|${d}|${radius}|${fill}|${dpr}`, 1.4 * radius + 2, dpr, (g) => drawMarker(g, d, 0, 0, radius, fill));
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
