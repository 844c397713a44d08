// Shared set-up for browser tests: serve build/site on 127.0.0.1 (a free port),
// drive Debian's Chromium headless through playwright-core, collect console errors.
import http from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildRoot = resolve(root, process.env.OPTLAB_BUILD ?? 'build');
export const siteDir = join(buildRoot, 'site');
export const screenshotDir = join(buildRoot, 'screenshots');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts a static server for build/site; resolves to { url, close }. */
export async function startServer(dir = siteDir) {
  const assets = sirv(dir, { dev: true });
  const server = http.createServer((req, res) => assets(req, res, () => { res.statusCode = 404; res.end(); }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

// WebGL needs a renderer: SwiftShader in place of --disable-gpu.
const WEBGL_ARGS = [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** @param {{ webgl?: boolean }} [options] webgl: render WebGL in software (the 3-D view) */
export async function launchBrowser({ webgl = false } = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: webgl ? WEBGL_ARGS : CHROMIUM_ARGS });
}

/**
 * Opens a page and records every console error and uncaught exception in `errors`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {import('playwright-core').BrowserContextOptions} [options] viewport 1280x900 unless given
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return { page, context, errors };
}

/**
 * The text of the element that `selector` matches (page.textContent: it waits for the element);
 * fails the test if the element has no text node at all.
 * @param {import('playwright-core').Page} page @param {string} selector
 */
export async function textOf(page, selector) {
  const text = await page.textContent(selector);
  assert.ok(text !== null, `no text in ${selector}`);
  return text;
}

/** @param {string} name */
export function screenshotPath(name) {
  return join(screenshotDir, `${name}.png`);
}

/**
 * Opens a page, runs `body(page)`, checks that the console stayed clean, and closes the context.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url @param {object} options as for openPage
 * @param {(page: import('playwright-core').Page) => Promise<void>} body
 */
export async function withPage(browser, url, options, body) {
  const { page, errors, context } = await openPage(browser, url, options);
  try {
    await body(page);
    if (errors.length) throw new Error(`console errors: ${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

/**
 * For a test file: serves the built site and launches Chromium before its tests, closes
 * both after them. Returns a live handle: `site.url` (the site's base URL) and `site.browser`.
 * @param {{ webgl?: boolean }} [options] as for launchBrowser
 */
export function useSiteAndBrowser({ webgl = false } = {}) {
  /** @type {{ server: any, browser: any, readonly url: string }} */
  const site = { server: null, browser: null, get url() { return site.server.url; } };
  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    site.server = await startServer();
    site.browser = await launchBrowser({ webgl });
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
