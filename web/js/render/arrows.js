// @ts-check
// Arrows on the landscape (gradient, velocity, eigen-directions): a shaft with a
// head, outlined so it reads on any part of the heatmap.

/**
 * Draws an arrow from (u0, v0) to (u1, v1) in CSS pixels.
 * @param {CanvasRenderingContext2D} g @param {number} u0 @param {number} v0 @param {number} u1 @param {number} v1
 * @param {string} color @param {{dashed?: boolean, head?: boolean}} [options]
 */
export function drawArrow(g, u0, v0, u1, v1, color, { dashed = false, head = true } = {}) {
  const len = Math.hypot(u1 - u0, v1 - v0);
  if (!(len > 1)) return;
  const ux = (u1 - u0) / len;
  const uy = (v1 - v0) / len;
  const h = Math.min(10, len * 0.45);
  const trace = () => {
    g.beginPath();
    g.moveTo(u0, v0);
    g.lineTo(u1 - ux * h * 0.6, v1 - uy * h * 0.6);
    g.stroke();
    if (!head) return;
    g.beginPath();
    g.moveTo(u1, v1);
    g.lineTo(u1 - ux * h - uy * h * 0.5, v1 - uy * h + ux * h * 0.5);
    g.lineTo(u1 - ux * h + uy * h * 0.5, v1 - uy * h - ux * h * 0.5);
    g.closePath();
    g.fill();
    g.stroke();
  };
  g.save();
  g.lineCap = 'round';
  g.setLineDash(dashed ? [5, 4] : []);
  g.strokeStyle = 'rgba(0, 0, 0, 0.75)';
  g.fillStyle = 'rgba(0, 0, 0, 0.75)';
  g.lineWidth = 5;
  trace();
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = 2.5;
  trace();
  g.restore();
}
