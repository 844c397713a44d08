// The built site on 127.0.0.1 for the cross-engine runner, with two additions the engines
// cannot make themselves (WebKit's WebDriver has no request interception or init scripts):
// - every HTML page gets the error probe (probe.js) as its first script;
// - /__axe.js is axe-core, same origin, so a scenario can add it without bypassing the CSP;
// - /fault/<name>/… serves the site with one module's export replaced by one that throws,
//   so a scenario can check that a failing panel does not take the page down.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sirv from 'sirv';

export const AXE_PATH = '/__axe.js';
const axeFile = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const PROBE_PATH = '/__engine-probe.js';
const probeSource = readFileSync(new URL('probe.js', import.meta.url), 'utf8');

/** Puts the probe right after the page's CSP (or charset) meta, before any other script. */
export function withProbeTag(html) {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
  return csp.test(html) ? html.replace(csp, (m) => `${m}${tag}`) : html.replace(/<meta charset="utf-8">/i, (m) => `${m}${tag}`);
}

/**
 * A module that keeps every export of `module` but replaces `exportName` with a function that throws.
 * A local export wins over `export *`, and the original is imported by its absolute path.
 */
function faultModule(module, exportName) {
  return `export * from '/${module}';\nexport function ${exportName}() { throw new Error('injected fault in ${exportName}'); }\n`;
}

/**
 * @param {string} siteDir
 * @param {Record<string, { module: string, export: string, marker?: string }>} faults name -> the export to break (marker: a text of the bundled chunk that carries it)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startSiteServer(siteDir, faults = {}) {
  const assets = sirv(siteDir, { dev: true });
  const server = http.createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === PROBE_PATH) {
      res.setHeader('content-type', 'text/javascript');
      res.end(probeSource);
      return;
    }
    if (path === AXE_PATH) {
      res.setHeader('content-type', 'text/javascript');
      res.end(readFileSync(axeFile));
      return;
    }
    const fault = /^\/fault\/([\w-]+)(\/.*)$/.exec(path);
    if (fault) {
      const spec = faults[fault[1]];
      path = fault[2];
      if (spec && path === `/${spec.module}`) {
        res.setHeader('content-type', 'text/javascript');
        res.end(faultModule(spec.module, spec.export));
        return;
      }
      if (spec?.marker && /^\/assets\/[\w-]+\.js$/.test(path)) {
        let chunk = '';
        try { chunk = readFileSync(join(siteDir, path), 'utf8'); } catch { /* not there: the 404 below */ }
        if (chunk.includes(spec.marker)) {
          res.setHeader('content-type', 'text/javascript');
          res.end(`throw new Error('injected fault in ${spec.export}');\n`);
          return;
        }
      }
    }
    if (path === '/' || path.endsWith('.html')) {
      const file = join(siteDir, path === '/' ? 'index.html' : path);
      let html;
      try { html = readFileSync(file, 'utf8'); } catch { res.statusCode = 404; res.end(); return; }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(withProbeTag(html));
      return;
    }
    req.url = path;
    assets(req, res, () => { res.statusCode = 404; res.end(); });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
