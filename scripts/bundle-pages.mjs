// Bundles and minifies the pages' ES modules with esbuild into build/site/assets/, with content
// hashes in every file name (so a server may cache them for good), and points each page at its
// bundle. Code that a page imports with import() (the quiz validator, 3-D, basins, video,
// uPlot's wrapper, the stored formulas...) stays in separate chunks that load when first used.
//
// Modules find files next to themselves with `new URL(path, import.meta.url)`. In a bundle,
// import.meta.url is the chunk's URL (in assets/), so every such use is rewritten to the place
// the source file had in the site; a literal path to a module that is itself bundled (the labs
// worker) becomes the path of its bundle.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import * as esbuild from 'esbuild';

/** Page module entries, site-relative; the pages refer to them with <script type="module" src>. */
const PAGE_ENTRIES = ['js/main.js', 'js/labs/main.js', 'js/lessons/lessons-page.js', 'js/quiz/quiz-page.js'];
/** Worker entries: bundled first, so the pages' code can name their bundles. */
const WORKER_ENTRIES = ['js/labs/worker.js'];
const ASSETS = 'assets';
const TARGET = ['chrome109', 'firefox115', 'safari16'];
/** Stands for the chunk's own import.meta.url while a source file is rewritten. */
const CHUNK_URL = '__optlabChunkUrl__';

/** @param {string} p */
const toPosix = (p) => p.split('\\').join('/');

/**
 * esbuild plugin: keeps `new URL(..., import.meta.url)` pointing where it pointed before bundling.
 * @param {string} site @param {Map<string, string>} bundled site-relative source -> site-relative bundle
 */
function keepModuleUrls(site, bundled) {
  return {
    name: 'optlab-module-urls',
    /** @param {esbuild.PluginBuild} b */
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const source = toPosix(relative(site, args.path));
        const dir = posix.dirname(source);
        /** The site-relative path, seen from a chunk in assets/. @param {string} sitePath */
        const fromAssets = (sitePath) => (posix.relative(ASSETS, sitePath) || '.') + (sitePath.endsWith('/') ? '/' : '');
        let text = readFileSync(args.path, 'utf8');
        text = text.replace(/new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g, (whole, _q, path) => {
          const target = posix.normalize(posix.join(dir, path));
          return `new URL(${JSON.stringify(fromAssets(bundled.get(target) ?? target))}, ${CHUNK_URL})`;
        });
        text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromAssets(source))}, ${CHUNK_URL}).href`)
          .replaceAll(CHUNK_URL, 'import.meta.url');
        return { contents: text, loader: 'js' };
      });
    },
  };
}

/** @param {string} site @param {string[]} entries @param {Map<string, string>} bundled @param {boolean} splitting */
async function build(site, entries, bundled, splitting) {
  const result = await esbuild.build({
    entryPoints: entries.map((e) => join(site, e)),
    outdir: join(site, ASSETS), outbase: site,
    entryNames: '[name]-[hash]', chunkNames: 'chunk-[hash]',
    bundle: true, splitting, format: 'esm', minify: true, target: TARGET, charset: 'utf8',
    legalComments: 'none', metafile: true, logLevel: 'error', write: true,
    plugins: [keepModuleUrls(site, bundled)],
  });
  const siteRelative = (/** @type {string} */ p) => toPosix(relative(site, join(process.cwd(), p)));
  /** @type {Map<string, { file: string, imports: string[] }>} entry -> its bundle and the chunks it imports at once */
  const out = new Map();
  /** @type {Map<string, string[]>} every output file -> the chunks it imports at once */
  const staticImports = new Map();
  /** @type {Map<string, string>} every source module -> the output file that holds it */
  const holder = new Map();
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    const imports = meta.imports.filter((i) => i.kind === 'import-statement').map((i) => siteRelative(i.path));
    staticImports.set(siteRelative(file), imports);
    for (const input of Object.keys(meta.inputs)) holder.set(siteRelative(input), siteRelative(file));
    if (meta.entryPoint) out.set(siteRelative(meta.entryPoint), { file: siteRelative(file), imports });
  }
  /**
   * The files that loading source module `source` with import() fetches: its chunk and, transitively,
   * the chunks that chunk imports at once.
   * @param {string} source site-relative
   */
  const chunksOf = (source) => {
    // import() of a module loads the chunk made for it as an entry (often a few re-exports of a shared chunk).
    const first = out.get(source)?.file ?? holder.get(source);
    if (!first) throw new Error(`bundle-pages: no bundle holds ${source}`);
    const seen = new Set([first]);
    for (const f of seen) for (const i of staticImports.get(f) ?? []) seen.add(i);
    return [...seen];
  };
  return Object.assign(out, { chunksOf });
}

/** A copy of `file` (site-relative) in assets/ named by its content hash; returns its site-relative path. @param {string} site @param {string} file */
export function hashedCopy(site, file) {
  const body = readFileSync(join(site, file));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const name = posix.basename(file).replace(/(\.[^.]+)$/, `-${hash}$1`);
  const to = `${ASSETS}/${name}`;
  mkdirSync(join(site, ASSETS), { recursive: true });
  copyFileSync(join(site, file), join(site, to));
  return to;
}

/**
 * Bundles the pages and rewrites their <script type="module">. `extraHead(page)` may return
 * more tags for a page's <head> (e.g. a preload of the wasm). `soon(page)` names source modules
 * (site-relative) the page imports with import() as soon as it has started: their chunks are
 * preloaded at low priority, so they are there when asked for without holding up what the
 * first frame needs.
 * @param {string} site @param {(page: string) => string} [extraHead] @param {(page: string) => string[]} [soon]
 * @param {string} [soonMedia] a media query the `soon` preloads are limited to
 */
export async function bundlePages(site, extraHead = () => '', soon = () => [], soonMedia = '') {
  /** @type {Map<string, string>} */
  const bundled = new Map();
  for (const [entry, { file }] of await build(site, WORKER_ENTRIES, bundled, false)) bundled.set(entry, file);
  const pages = await build(site, PAGE_ENTRIES, bundled, true);
  for (const page of ['index.html', 'labs.html', 'lessons.html', 'quiz.html']) {
    const path = join(site, page);
    let html;
    try { html = readFileSync(path, 'utf8'); } catch { continue; }
    const script = /<script type="module" src="([^"]+)"><\/script>/.exec(html);
    const entry = script && pages.get(posix.normalize(script[1]));
    if (!script || !entry) throw new Error(`bundle-pages: ${page} has no module script among ${PAGE_ENTRIES.join(', ')}`);
    // The entry's static imports are fetched at once rather than after the entry has been parsed.
    const now = new Set(entry.imports);
    const later = [...new Set(soon(page).flatMap((m) => pages.chunksOf(m)))].filter((f) => !now.has(f) && f !== entry.file);
    const preloads = [...entry.imports.map((f) => `<link rel="modulepreload" href="${f}">`),
      ...later.map((f) => `<link rel="modulepreload" href="${f}" fetchpriority="low"${soonMedia ? ` media="${soonMedia}"` : ''}>`)].join('\n  ');
    html = html.replace(script[0], `<script type="module" src="${entry.file}"></script>`)
      .replace('</head>', () => `  ${[extraHead(page), preloads].filter(Boolean).join('\n  ')}\n</head>`);
    writeFileSync(path, html);
  }
  return { pages, workers: bundled };
}
