// @ts-check
// A perceptually uniform, colour-blind-safe colour scale for the landscape
// (viridis, as 9 stops interpolated linearly: indistinguishable on screen from
// the 256-entry table and a fraction of its size).
const VIRIDIS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

/** A 256-entry RGB lookup table, built once. */
export const VIRIDIS_LUT = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (VIRIDIS.length - 1);
    const k = Math.min(Math.floor(t), VIRIDIS.length - 2);
    const f = t - k;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = VIRIDIS[k][c] + f * (VIRIDIS[k + 1][c] - VIRIDIS[k][c]);
  }
  return lut;
})();

/** CSS colour of a normalised value t in [0, 1]. @param {number} t */
export function viridisCss(t) {
  const i = Math.max(0, Math.min(255, Math.round(t * 255))) * 3;
  return `rgb(${VIRIDIS_LUT[i]}, ${VIRIDIS_LUT[i + 1]}, ${VIRIDIS_LUT[i + 2]})`;
}
