// Serves a built site on 127.0.0.1 with sirv (correct MIME types, including
// application/wasm). Usage: node scripts/serve.mjs [dir]; PORT overrides 8080.
import http from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';

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

const assets = sirv(dir, { dev: true, etag: true });
const server = http.createServer((req, res) => assets(req, res, () => {
  res.statusCode = 404;
  res.end('Not found');
}));

server.on('error', (/** @type {NodeJS.ErrnoException} */ err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`serve: port ${port} on ${host} is already in use. Stop the other server or choose another port, e.g. PORT=8081 npm start`);
  } else if (err.code === 'EACCES') {
    console.error(`serve: not allowed to listen on port ${port}; choose a port above 1024, e.g. PORT=8081 npm start`);
  } else {
    console.error(`serve: cannot listen on ${host}:${port}: ${err.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`Optimizer Lab is running at http://${host}:${actual}/  (Ctrl+C to stop)`);
});
