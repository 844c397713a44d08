// Copies of the single file (optimizer-lab.html) for the engines, next to the build:
// - "single": the file plus the error probe as the first inline script (its hash added to the
//   file's CSP), since WebKit's WebDriver reports no errors of its own;
// - "single-broken-chart": the same with the inlined chart library (uPlot) replaced by a
//   script that throws as it loads: the rest of the file must still start.
// Nothing else of the file changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const probe = readFileSync(new URL('probe.js', import.meta.url), 'utf8');
const sha = (/** @type {string} */ s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Adds `code` as an inline script right after the CSP meta and allows it in script-src. */
function addFirstScript(html, code) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
  const m = csp.exec(html);
  if (!m) throw new Error('single file: no CSP meta');
  const policy = m[1].replace(/script-src /, `script-src ${sha(code)} `);
  return html.replace(csp, () => `<meta http-equiv="Content-Security-Policy" content="${policy}"><script>${code}</script>`);
}

/** Replaces the inline script data-part="name" by `code`, and its hash in the CSP. */
function replacePart(html, name, code) {
  const re = new RegExp(`<script data-part="${name}">([\\s\\S]*?)</script>`);
  const m = re.exec(html);
  if (!m) throw new Error(`single file: no script part "${name}"`);
  return html.replace(sha(m[1]), sha(code)).replace(re, () => `<script data-part="${name}">${code}</script>`);
}

/**
 * Writes the copies into <build>/engines/ and returns name -> path.
 * @param {string} siteDir
 */
export function prepareSingleFiles(siteDir) {
  const source = join(siteDir, 'optimizer-lab.html');
  if (!existsSync(source)) throw new Error(`${source} is missing: npm run build makes it`);
  const html = readFileSync(source, 'utf8');
  const dir = join(dirname(siteDir), 'engines');
  mkdirSync(dir, { recursive: true });
  const single = addFirstScript(html, probe);
  const copies = {
    single,
    'single-broken-chart': replacePart(single, 'uplot', 'throw new Error("injected fault: the chart library failed to load");'),
  };
  /** @type {Record<string, string>} */
  const files = {};
  for (const [name, text] of Object.entries(copies)) {
    files[name] = join(dir, `${name}.html`);
    writeFileSync(files[name], text);
  }
  return files;
}
