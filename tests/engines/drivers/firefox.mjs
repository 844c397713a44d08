// Firefox ESR (Debian's /usr/bin/firefox-esr) through puppeteer-core over WebDriver BiDi.
// puppeteer-core never downloads a browser. CDP-only features (CPU throttling) do not exist here.
import puppeteer from 'puppeteer-core';
import { devtoolsPage } from './devtools-page.mjs';

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
      return devtoolsPage(page, () => context.close());
    },
    close: () => browser.close(),
  };
}
