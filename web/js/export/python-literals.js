// @ts-check
// JS values as Python literals for the exported scripts. A float is written with JavaScript's
// shortest round-trip digits, which Python reads back as the same double (both round correctly).

/** A JS number as a Python float literal (exact). @param {number} v */
export function pythonFloat(v) {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A Python string literal (JSON's quoting is valid Python for these texts). @param {string} s */
export const pythonString = (s) => JSON.stringify(s);
