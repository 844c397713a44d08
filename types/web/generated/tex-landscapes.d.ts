// Written by scripts/prerender-tex.mjs: KaTeX markup of the landscapes' formulas at default parameters,
// keyed by 'D' (display) or 'I' (inline) followed by the TeX source.
declare const markup: Record<string, string>;
export default markup;
