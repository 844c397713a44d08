// Firefox ESR (Debian's /usr/bin/firefox-esr) through puppeteer-core over WebDriver BiDi.
// puppeteer-core never downloads a browser. CDP-only features (CPU throttling) do not exist here.
import puppeteer from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';

/** @returns {Promise<import('../engine.mjs').Engine>} */
export async function launch() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  return {
    name: 'firefox',
    version: await browser.version(),
    async newPage({ width, height }) {
      const context = await browser.createBrowserContext(); // own storage: quiz progress starts empty
      const page = await context.newPage();
      await page.setViewport({ width, height });
      /** @type {string[]} */
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => errors.push(`page error: ${e}`));
      return {
        goto: async (url) => { await page.goto(url); },
        evaluate: (expression) => page.evaluate(expression),
        click: (selector) => page.click(selector),
        screenshot: async (path) => { await page.screenshot({ path }); },
        nativeErrors: () => errors,
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
