// WebKitGTK (Debian's webkit2gtk-driver): WebKitWebDriver under xvfb-run (MiniBrowser needs a
// display), driven by selenium-webdriver. Started under LANG=C.UTF-8, the default locale of
// Debian and most containers, where WebKit reports navigator.language === 'C': pages must not
// trust the browser's locale. WebDriver reports no console messages; the page's error probe does.
import { spawn, execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import { Builder, By } from 'selenium-webdriver';
import { WEBKIT_CAPABILITIES, webkitDriverCommand } from '../../../scripts/webkit-headless.mjs';

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {net.AddressInfo} */ (srv.address());
  await new Promise((r) => srv.close(r));
  return port;
}

/** Polls the driver's /status until it answers (or the driver process ended). */
async function waitForDriver(url, child, timeoutMs = 30000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`WebKitWebDriver did not answer on ${url} within ${timeoutMs} ms`);
}

/** @returns {Promise<import('../engine.mjs').Engine>} */
export async function launch() {
  const port = await freePort();
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  delete env.LANGUAGE;
  // Its own process group, so closing ends xvfb-run, Xvfb, the driver and the browsers together.
  const child = spawn(...webkitDriverCommand(port), { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = () => { try { process.kill(-/** @type {number} */ (child.pid), 'SIGTERM'); } catch { /* already gone */ } };
  process.once('exit', stop); // never leave Xvfb and the browsers behind, even when the run is cut short
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(url, child);
  } catch (err) {
    stop();
    throw new Error(`${/** @type {Error} */ (err).message}\n${stderr}`);
  }
  let version = '';
  return {
    name: 'webkit',
    get version() { return version; },
    async newPage({ width, height }) {
      // A session per page: its own browser and storage (quiz progress starts empty).
      const driver = await new Builder().usingServer(url).withCapabilities(WEBKIT_CAPABILITIES).build();
      version ||= String((await driver.getCapabilities()).get('browserVersion') ?? '');
      await driver.manage().window().setRect({ width, height });
      await driver.manage().setTimeouts({ script: 60000, pageLoad: 60000 });
      return {
        goto: async (u) => { await driver.get(u); },
        evaluate: async (expression) => {
          try {
            return await driver.executeScript(`return ${expression};`);
          } catch (err) {
            // WebKitWebDriver now and then answers a script with "Could not parse script result"
            // (seen once in ~10 runs, on a script that returns a plain JSON string): ask once more.
            if (!/Could not parse script result/.test(String(/** @type {Error} */ (err).message))) throw err;
            return driver.executeScript(`return ${expression};`);
          }
        },
        click: async (selector) => {
          const element = await driver.findElement(By.css(selector));
          try {
            await element.click();
          } catch (err) {
            // WebKitWebDriver calls some visible controls "not interactable" (an element scrolled
            // under a sticky header, a styled radio); then the click goes through the DOM.
            if (/** @type {Error} */ (err).name !== 'ElementNotInteractableError') throw err;
            await driver.executeScript('arguments[0].scrollIntoView({ block: "center" }); arguments[0].click();', element);
          }
        },
        screenshot: async (path) => { await writeFile(path, await driver.takeScreenshot(), 'base64'); },
        nativeErrors: () => [],
        close: () => driver.quit(),
      };
    },
    /** What runs in the driver's process group, and the end of its error output. */
    diagnostics() {
      let processes = '';
      try {
        processes = execFileSync('ps', ['-e', '-o', 'pgid=,pid=,stat=,comm='], { encoding: 'utf8' }).split('\n')
          .map((l) => l.trim().split(/\s+/)).filter((f) => f[0] === String(child.pid)).map((f) => f.slice(1).join(' ')).join('; ');
      } catch { processes = 'none'; }
      return `driver's processes: ${processes}; its stderr: ${stderr.slice(-600).replace(/\s+/g, ' ')}`;
    },
    async close() { stop(); },
  };
}
