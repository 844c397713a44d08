// Every formula the pages typeset, rendered by the same KaTeX to MathML: each script or fraction
// element has the number of children MathML requires. KaTeX puts an extra invisible operator
// into some subscripts (`\lambda_{\max}`), which Chrome ignores but Firefox rejects with
// "Invalid markup: Incorrect number of children for <msub/> tag" (and screen readers then get
// a broken equation). The browser runner checks the same rule in the typeset pages themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { UPDATE_RULES } from '../../web/js/content/update-rules.js';
import { loadNodeCore } from './load-core.mjs';

/** MathML Core's child counts for the elements with a fixed number of children. */
const ARITY = { msub: 2, msup: 2, msubsup: 3, mfrac: 2, mroot: 2, munder: 2, mover: 2, munderover: 3 };

/**
 * The elements of `mathml` whose child count is wrong, as "name (n children)".
 * KaTeX's MathML output is well-formed XML without comments, so a tag scan is exact enough.
 * @param {string} mathml
 */
export function arityProblems(mathml) {
  const problems = [];
  /** @type {{ name: string, children: number }[]} */
  const open = [];
  for (const [, closing, name, selfClosing] of mathml.matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
    if (closing) {
      const node = open.pop();
      const want = ARITY[/** @type {keyof typeof ARITY} */ (node?.name)];
      if (node && want !== undefined && node.children !== want) problems.push(`${node.name} (${node.children} children)`);
      continue;
    }
    if (open.length) open[open.length - 1].children++;
    if (!selfClosing) open.push({ name, children: 0 });
  }
  return problems;
}

/** Every formula of the pages: [where, tex, display]. */
async function allFormulas() {
  /** @type {[string, string, boolean][]} */
  const out = [];
  for (const [id, rule] of Object.entries(UPDATE_RULES)) {
    out.push([`update rule ${id} (torch)`, rule.torch, true]);
    if (rule.textbook) out.push([`update rule ${id} (textbook)`, rule.textbook, true]);
  }
  const lessons = JSON.parse(readFileSync(new URL('../../web/lessons/lessons.json', import.meta.url), 'utf8'));
  for (const s of lessons.sections) {
    s.equations.forEach((/** @type {string} */ tex, /** @type {number} */ i) => out.push([`lesson ${s.id}, equation ${i + 1}`, tex, true]));
    for (const text of [...s.paragraphs, ...(s.torch ?? []), s.tryIt.watch]) {
      text.split('$').forEach((/** @type {string} */ part, /** @type {number} */ i) => { if (i % 2) out.push([`lesson ${s.id}, inline`, part, false]); });
    }
  }
  const { core } = await loadNodeCore();
  for (const l of core.landscapes) out.push([`landscape ${l.id}`, `f(x,y) = ${l.latex}`, true]);
  return out;
}

test('the arity check finds the extra child KaTeX puts into \\lambda_{\\max}', () => {
  const bad = katex.renderToString(String.raw`\lambda_{\max}`, { output: 'mathml', throwOnError: false });
  assert.deepEqual(arityProblems(bad), ['msub (3 children)']);
  const good = katex.renderToString(String.raw`\lambda_{\mathrm{max}} + x^2_i + \frac{a}{b}`, { output: 'mathml', throwOnError: false });
  assert.deepEqual(arityProblems(good), []);
});

test('every formula of the pages renders to MathML with valid child counts', async () => {
  const formulas = await allFormulas();
  assert.ok(formulas.length > 60, `${formulas.length} formulas`);
  const problems = [];
  for (const [where, tex, displayMode] of formulas) {
    const mathml = katex.renderToString(tex, { output: 'mathml', displayMode, throwOnError: false });
    const found = arityProblems(mathml);
    if (found.length) problems.push(`${where}: ${found.join(', ')} in ${tex}`);
  }
  assert.deepEqual(problems, []);
});
