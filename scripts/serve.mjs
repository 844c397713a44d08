// Serves a built site on 127.0.0.1 with sirv (correct MIME types, including
// application/wasm). Usage: node scripts/serve.mjs [dir]; PORT overrides 8080.
//
// - The build writes .br and .gz copies next to each asset (scripts/precompress.mjs); sirv sends
//   the one the browser accepts, with Content-Encoding and Vary: Accept-Encoding.
// - Files under assets/ carry a content hash in their name: a new build gives a new name, so
//   browsers may keep them for a year without asking again. Everything else (the HTML, which
//   names the current hashed files, and unhashed files) is revalidated on every use (ETag).
// - The folder is read on each request, so a rebuild under a running server is served at once.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

/** Paths whose names change with their content. */
const HASHED = /^\/assets\//;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * A request handler for the site in `dir`; `next` answers what is not there (default 404).
 * @param {string} dir
 */
export function siteHandler(dir) {
  const assets = sirv(dir, {
    dev: true, etag: true, brotli: true, gzip: true,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', HASHED.test(pathname) ? IMMUTABLE : REVALIDATE);
    },
  });
  return (/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) => assets(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  });
}

/**
 * Starts a server for `dir` on 127.0.0.1 (port 0: a free one); resolves to { url, close }.
 * @param {string} dir @param {number} [port]
 */
export function startSiteServer(dir, port = 0) {
  const server = http.createServer(siteHandler(dir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${actual}/`, server, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'build/site';
  const port = Number(process.env.PORT ?? 8080);
  const host = '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be an integer from 0 to 65535, got "${process.env.PORT}"`);
    process.exit(2);
  }
  if (!existsSync(`${dir}/index.html`)) {
    console.error(`serve: ${dir}/index.html does not exist; build first with "npm start" or "bash scripts/build.sh web"`);
    process.exit(1);
  }
  startSiteServer(dir, port).then(({ url }) => {
    console.log(`Optimizer Lab is running at ${url}  (Ctrl+C to stop)`);
  }, (err) => {
    if (err.code === 'EADDRINUSE') {
      console.error(`serve: port ${port} on ${host} is already in use. Stop the other server or choose another port, e.g. PORT=8081 npm start`);
    } else if (err.code === 'EACCES') {
      console.error(`serve: not allowed to listen on port ${port}; choose a port above 1024, e.g. PORT=8081 npm start`);
    } else {
      console.error(`serve: cannot listen on ${host}:${port}: ${err.message}`);
    }
    process.exit(1);
  });
}
