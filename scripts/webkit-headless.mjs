// How this project drives WebKitGTK without a screen, for tests/engines/ and the bench alike:
// Debian's WebKitWebDriver under xvfb-run, starting Debian's MiniBrowser in automation mode.
// Callers choose the environment (the tests' locale differs from the bench's).

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What a selenium-webdriver session asks WebKitWebDriver for. */
export const WEBKIT_CAPABILITIES = Object.freeze({
  browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } });

/**
 * The command and arguments that start WebKitWebDriver on `port` inside a fresh Xvfb.
 * -noreset: an X server resets when its last client leaves, which is between two sessions (one
 * MiniBrowser quits, the next starts); a browser that connects during the reset gets "cannot open
 * display", and the driver then waits for it forever (seen in ~1 test run in 5 under load).
 * @param {number} port @returns {[string, string[]]}
 */
export function webkitDriverCommand(port) {
  return ['xvfb-run', ['-a', '-s', '-screen 0 1400x1000x24 -noreset', 'WebKitWebDriver', `--port=${port}`]];
}
