// How build/site is delivered: pages load hashed, minified bundles (no inline script), every
// asset has brotli and gzip copies equal to it, scripts/serve.mjs sends the compressed copy with
// the right headers and caches hashed files for good, and the formulas typeset at build time
// carry no style attribute (the CSP refuses them in parsed markup).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startSiteServer, IMMUTABLE, REVALIDATE } from '../../scripts/serve.mjs';
import { TEX_GROUPS } from '../../scripts/prerender-tex.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(resolve(root, process.env.OPTLAB_BUILD ?? 'build'), 'site');
const PAGES = ['index.html', 'labs.html', 'lessons.html', 'quiz.html'];

/** @param {string} url @param {Record<string, string>} headers */
function get(url, headers = {}) {
  return new Promise((resolveGet, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolveGet({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('every page loads one hashed module bundle from assets/ and no inline script', () => {
  for (const page of PAGES) {
    const html = readFileSync(join(site, page), 'utf8');
    const modules = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    assert.equal(modules.length, 1, `${page}: one module script`);
    assert.match(modules[0], /^assets\/[\w-]+-[A-Z0-9]{8}\.js$/, `${page}: a hashed bundle`);
    assert.ok(existsSync(join(site, modules[0])), `${page}: ${modules[0]} exists`);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${page}: no inline script`);
    for (const [, href] of html.matchAll(/<link rel="modulepreload" href="([^"]+)"[^>]*>/g)) assert.ok(existsSync(join(site, href)), `${page}: ${href}`);
  }
});

test('the pages that run the core preload its hashed wasm', () => {
  for (const page of ['index.html', 'lessons.html', 'quiz.html']) {
    const html = readFileSync(join(site, page), 'utf8');
    const href = /<link rel="preload" href="([^"]+\.wasm)" as="fetch" type="application\/wasm" crossorigin>/.exec(html)?.[1];
    assert.ok(href && existsSync(join(site, href)), `${page}: preload of an existing wasm`);
    assert.ok(readFileSync(join(site, 'generated', 'core-files.js'), 'utf8').includes(JSON.stringify(href)), 'load-core.js fetches the preloaded file');
  }
});

test('on wide screens the main page fetches what follows its first frame with the page, whole chains of chunks, at low priority', () => {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="(modulepreload|preload)" href="([^"]+)"([^>]*)>/g)].map(([, rel, href, rest]) => ({ rel, href, rest }));
  const soon = links.filter((l) => /fetchpriority="low"/.test(l.rest));
  for (const l of soon) assert.match(l.rest, /media="\(min-width: 960px\)"/, `${l.href}: only where the chapter is on the first screen`);
  const hrefs = new Set(links.filter((l) => l.rel === 'modulepreload').map((l) => l.href));
  const holding = (/** @type {string} */ text) => readdirSync(join(site, 'assets')).filter((f) => f.endsWith('.js') && readFileSync(join(site, 'assets', f), 'utf8').includes(text));
  for (const [what, text] of [['the chapter\'s module', 'lesson-pending'], ['the landscapes\' stored formulas', 'Df(x,y) = (a-x)^2']]) {
    const files = holding(text);
    assert.ok(files.length > 0 && files.every((f) => hrefs.has(`assets/${f}`)), `${what} (${files.join(', ')}) is preloaded`);
  }
  for (const data of ['lessons/lessons.json', 'css/lessons.css']) assert.ok(soon.some((l) => l.href === data), `${data} is preloaded`);
  // Every chunk a preloaded chunk imports is preloaded too: nothing waits for its importer to arrive first.
  for (const href of hrefs) {
    for (const [, dep] of readFileSync(join(site, href), 'utf8').matchAll(/(?:import|from)\s*"\.\/([\w-]+\.js)"/g)) {
      assert.ok(hrefs.has(`assets/${dep}`), `${href} imports assets/${dep}, which is not preloaded`);
    }
  }
});

test('bundles are minified and free of eval', () => {
  for (const f of readdirSync(join(site, 'assets')).filter((n) => n.endsWith('.js'))) {
    const js = readFileSync(join(site, 'assets', f), 'utf8');
    assert.doesNotMatch(js, /\beval\(|new Function\(/, `${f}: no eval`);
    // Line breaks inside template literals are data (the PyTorch export writes a Python file), not layout.
    const code = js.replace(/`[^`]*`/g, '``');
    assert.ok(code.split('\n').length < 20 || code.length / code.split('\n').length > 200, `${f}: minified`);
  }
});

test('compressed copies decode to the file itself', () => {
  for (const f of readdirSync(join(site, 'assets')).filter((n) => /\.(js|wasm)$/.test(n))) {
    const body = readFileSync(join(site, 'assets', f));
    if (body.length < 1024) continue;
    assert.ok(brotliDecompressSync(readFileSync(join(site, 'assets', `${f}.br`))).equals(body), `${f}.br`);
    assert.ok(gunzipSync(readFileSync(join(site, 'assets', `${f}.gz`))).equals(body), `${f}.gz`);
  }
});

test('formulas typeset at build time have no style attribute', () => {
  for (const f of TEX_GROUPS.map((g) => `tex-${g}.js`)) {
    const js = readFileSync(join(site, 'generated', f), 'utf8');
    assert.match(js, /class=\\"katex/, `${f}: KaTeX markup`);
    assert.doesNotMatch(js, /[\s"']style=/, `${f}: sizes travel as data-style`);
  }
});

let server;
before(async () => { server = await startSiteServer(site); });
after(async () => { await server?.close(); });

test('serve.mjs sends brotli or gzip as accepted, immutable caching only for hashed files', async () => {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const bundle = /<script type="module" src="([^"]+)">/.exec(html)?.[1];
  const br = await get(`${server.url}${bundle}`, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers['content-type']), /javascript/);
  assert.equal(br.headers['cache-control'], IMMUTABLE);
  assert.ok(brotliDecompressSync(br.body).equals(readFileSync(join(site, String(bundle)))));
  const gz = await get(`${server.url}${bundle}`, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  const plain = await get(`${server.url}${bundle}`);
  assert.equal(plain.headers['content-encoding'], undefined);
  const page = await get(`${server.url}index.html`, { 'accept-encoding': 'br' });
  assert.equal(page.headers['cache-control'], REVALIDATE);
  assert.match(String(page.headers['content-type']), /text\/html/);
  const wasmHref = /<link rel="preload" href="([^"]+\.wasm)"/.exec(html)?.[1];
  const wasm = await get(`${server.url}${wasmHref}`, { 'accept-encoding': 'br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['content-encoding'], 'br');
});
