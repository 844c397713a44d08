// Written by scripts/prerender-tex.mjs: KaTeX markup of the optimizers' update rules, keyed by
// 'D' (display) or 'I' (inline) followed by the TeX source.
declare const markup: Record<string, string>;
export default markup;
