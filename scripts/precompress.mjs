// Writes brotli (.br) and gzip (.gz) copies next to every compressible file of a folder, at the
// highest levels: done once at build time, so a server (scripts/serve.mjs, via sirv) sends the
// small copy to a browser that accepts it without compressing anything per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text and wasm compress well; images and woff2 fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.map', '.ttf']);
/** Below this size the header costs more than the compression saves. */
const MIN_BYTES = 1024;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** @param {string} dir @returns {{ files: number, raw: number, br: number, gz: number }} */
export function precompress(dir) {
  const total = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    const br = brotliCompressSync(body, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    } });
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    total.files += 1;
    total.raw += body.length;
    total.br += br.length;
    total.gz += gz.length;
  }
  return total;
}
