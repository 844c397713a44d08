// Chromium through playwright-core (Debian's /usr/bin/chromium, the same launch as tests/browser/).
import { launchBrowser } from '../../browser/harness.mjs';
import { devtoolsPage } from './devtools-page.mjs';

/** @returns {Promise<import('../engine.mjs').Engine>} */
export async function launch() {
  const browser = await launchBrowser();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage({ width, height }) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      return devtoolsPage(page, () => context.close());
    },
    close: () => browser.close(),
  };
}
