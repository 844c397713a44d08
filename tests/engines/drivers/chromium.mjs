// Chromium through playwright-core (Debian's /usr/bin/chromium, the same launch as tests/browser/).
import { launchBrowser } from '../../browser/harness.mjs';

/** @returns {Promise<import('../engine.mjs').Engine>} */
export async function launch() {
  const browser = await launchBrowser();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage({ width, height }) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
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
