// Written by scripts/prerender-tex.mjs: KaTeX markup of the lessons' formulas, keyed by
// 'D' (display) or 'I' (inline) followed by the TeX source.
declare const markup: Record<string, string>;
export default markup;
