// The single self-contained page: build/site/optimizer-lab.html, one HTML file that works when
// opened straight from disk (file://) or uploaded to an LMS as one file (README: "Single file").
//
// - The core is the classic SINGLE_FILE build (CMake target core_single: MODULARIZE without
//   EXPORT_ES6, wasm inlined as base64), the only form that loads from file:// (TOOLCHAIN.md §2).
// - The page's ES modules are bundled by esbuild into one classic script: the ES core import
//   becomes the global createCoreModule, `import.meta.url` becomes the module's place next to
//   the HTML file, and dynamic imports are inlined.
// - fetch() cannot read file://, so the quiz and lesson JSON files are embedded and a small
//   fetch wrapper answers for them (any other URL goes to the real fetch).
// - Styles (app, quiz, lessons, KaTeX with its woff2 fonts as data: URLs, uPlot) are inlined;
//   modules that add a stylesheet on demand find a disabled <link> (never fetched) and skip it.
// - KaTeX and uPlot (classic scripts) are inlined, so their loaders find window.katex/uPlot.
// - Each part is its own inline <script data-part="…">, in order: the locale guard, the core,
//   KaTeX, uPlot, the fetch wrapper, the page. A part that throws as it loads stops only itself
//   (a browser runs each script element on its own); the page then does without it.
// - A CSP <meta> allows exactly those inline scripts and the style by their sha256 hashes, plus
//   'wasm-unsafe-eval', data: fonts/images, and connect-src data: (the core reads its inlined wasm).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

/** @param {{ root: string, buildRoot: string, site: string }} dirs */
export async function buildSingleFile({ buildRoot, site }) {
  const coreFile = join(buildRoot, 'wasm', 'core_single.js');
  if (!existsSync(coreFile)) {
    console.log('build-single-file: skipped (no core_single.js: run `bash scripts/build.sh wasm site`)');
    return null;
  }
  const read = (/** @type {string} */ p) => readFileSync(join(site, p), 'utf8');

  // 1. The page's modules as one classic script.
  const bundle = await esbuild.build({
    entryPoints: [join(site, 'js', 'main.js')],
    bundle: true, format: 'iife', write: false, minify: true, target: 'es2020', charset: 'utf8', legalComments: 'none', logLevel: 'error',
    plugins: [{
      name: 'optlab-single-file',
      setup(b) {
        b.onResolve({ filter: /generated\/core\.js$/ }, () => ({ path: 'core', namespace: 'optlab' }));
        // KaTeX itself is inlined below, so the formulas typeset at build time would only add weight.
        b.onResolve({ filter: /generated\/tex-[\w-]+\.js$/ }, () => ({ path: 'no-stored-tex', namespace: 'optlab' }));
        b.onLoad({ filter: /.*/, namespace: 'optlab' }, (args) => ({ contents: args.path === 'core'
          ? 'export default globalThis.createCoreModule;' : 'export default {};', loader: 'js' }));
        b.onLoad({ filter: /\.js$/ }, (args) => {
          const rel = relative(site, args.path).split('\\').join('/');
          const text = readFileSync(args.path, 'utf8')
            .replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, document.baseURI).href`);
          return { contents: text, loader: 'js' };
        });
      },
    }],
  });
  const pageScript = bundle.outputFiles[0].text;

  // 2. Data that the page fetches: quizzes and lessons.
  /** @type {Record<string, string>} */
  const data = {};
  for (const dir of ['quizzes', 'lessons']) {
    if (!existsSync(join(site, dir))) continue;
    for (const f of readdirSync(join(site, dir)).filter((n) => n.endsWith('.json'))) data[`${dir}/${f}`] = read(`${dir}/${f}`);
  }
  const fetchShim = `(function(){var D=${JSON.stringify(data)};var realFetch=window.fetch.bind(window);
window.fetch=function(input,init){var u=typeof input==='string'?input:input&&input.url?input.url:String(input);
var base=document.baseURI.replace(/[^/]*$/,'');if(u.indexOf(base)===0){var k=u.slice(base.length).split(/[?#]/)[0];
if(Object.prototype.hasOwnProperty.call(D,k))return Promise.resolve(new Response(D[k],{status:200,headers:{'content-type':'application/json'}}));}
return realFetch(input,init);};})();`;

  // 3. Styles, with KaTeX's fonts inlined (woff2 only: every browser that runs WebAssembly reads it).
  const katexCss = read('vendor/katex/katex.min.css').replace(/src:url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)(,url\([^)]*\) format\("[\w]+"\))*/g,
    (_, name) => `src:url(data:font/woff2;base64,${readFileSync(join(site, 'vendor', 'katex', 'fonts', `${name}.woff2`)).toString('base64')}) format("woff2")`);
  if (/url\(fonts\//.test(katexCss)) throw new Error('build-single-file: a KaTeX font was not inlined');
  const lazyCss = ['css/quiz.css', 'css/lessons.css'].filter((p) => existsSync(join(site, p)));
  const css = [read('vendor/uplot/uPlot.min.css'), katexCss, read('css/app.css'), ...lazyCss.map(read),
    // No labs page, no hosted embed files next to a single file: hide what would lead nowhere.
    '.labs-link,#teacher{display:none!important}'].join('\n');

  // 4. Classic scripts, one per part. The locale guard runs first: uPlot reads navigator.language as it loads.
  const localeGuard = (await esbuild.build({
    stdin: { contents: "import { guardNavigatorLanguage } from './js/ui/locale.js'; guardNavigatorLanguage();", resolveDir: site, loader: 'js' },
    bundle: true, format: 'iife', write: false, minify: true, target: 'es2020', logLevel: 'error',
  })).outputFiles[0].text;
  const parts = [['locale', localeGuard], ['core', readFileSync(coreFile, 'utf8')], ['katex', read('vendor/katex/katex.min.js')],
    ['uplot', read('vendor/uplot/uPlot.iife.min.js')], ['fetch', fetchShim], ['page', pageScript]]
    .map(([name, code]) => [name, code.replaceAll('</script', '<\\/script').replaceAll('<!--', '<\\!--')]);
  const sha = (/** @type {string} */ s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = [`default-src 'none'`, `script-src ${parts.map(([, code]) => sha(code)).join(' ')} 'wasm-unsafe-eval'`, `style-src ${sha(css)}`, `img-src data: blob:`,
    `font-src data:`, `connect-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  const scripts = parts.map(([name, code]) => `<script data-part="${name}">${code}</script>`).join('\n');

  let html = read('index.html')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/\s*<link rel="stylesheet"[^>]*>/g, '')
    .replace(/\s*<script type="module" src="js\/main.js"><\/script>/, '');
  if (!html.includes(csp) || html.includes('js/main.js')) throw new Error('build-single-file: index.html does not have the expected shape');
  const disabledLinks = [...lazyCss, 'vendor/katex/katex.min.css'].map((p) => `<link rel="stylesheet" href="${p}" disabled>`).join('\n  ');
  html = html.replace('</head>', () => `  ${disabledLinks}\n  <style>${css}</style>\n</head>`)
    .replace(/<html lang="en">/, '<html lang="en" data-single-file="">')
    .replace('</body>', () => `${scripts}\n</body>`);
  const out = join(site, 'optimizer-lab.html');
  writeFileSync(out, html);
  const raw = Buffer.byteLength(html);
  const gz = gzipSync(html, { level: 9 }).length;
  console.log(`build-single-file: ${out} (${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped)`);
  return { file: out, raw, gzip: gz };
}
