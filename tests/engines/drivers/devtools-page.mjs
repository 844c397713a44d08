// One page of a browser driven over a devtools protocol (Playwright's and Puppeteer's pages share
// these methods), as the engine scenarios see a page. Console errors and uncaught page errors are
// collected, so a scenario can assert that none happened.

/**
 * @param {{ goto: Function, evaluate: Function, click: Function, screenshot: Function, on: Function }} page
 * @param {() => Promise<void>} close closes the page's own browser context
 * @returns {import('../engine.mjs').EnginePage}
 */
export function devtoolsPage(page, close) {
  /** @type {string[]} */
  const errors = [];
  page.on('console', (/** @type {any} */ m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (/** @type {unknown} */ e) => errors.push(`page error: ${e}`));
  return {
    goto: async (url) => { await page.goto(url); },
    evaluate: (expression) => page.evaluate(expression),
    click: (selector) => page.click(selector),
    screenshot: async (path) => { await page.screenshot({ path }); },
    nativeErrors: () => errors,
    close,
  };
}
