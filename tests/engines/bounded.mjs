// A bound on each command a scenario sends to an engine, so a browser that stops answering
// fails the step it stopped at, by name, instead of the whole test waiting out its timeout.
/** How long one driver command may take before the run calls the engine stuck. */
const COMMAND_MS = 90000;

/** An engine that stopped answering a command (its browser died or hung): not a verdict on the page. */
export class EngineStuck extends Error {}

/**
 * `promise`, or an EngineStuck error naming `what` once it has taken COMMAND_MS. A driver that
 * loses its browser (seen: a MiniBrowser that could not open its display) never answers; without this bound the test
 * would wait out its whole timeout and say nothing about where it stopped.
 * @template T @param {string} what @param {Promise<T>} promise @returns {Promise<T>}
 */
export function bounded(what, promise, ms = COMMAND_MS) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const stuck = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new EngineStuck(`the engine did not answer "${what}" within ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, stuck]).finally(() => clearTimeout(timer)));
}

/**
 * Runs `run(held.engine)`. When the engine gets stuck (a browser that stopped answering: seen,
 * WebKit's driver waiting on a MiniBrowser that never came up), says so in the log with what the
 * driver knows, closes that engine, starts another into `held.engine` and runs once more, in
 * full. Any other failure, and a second stop, fail as they are: a page that really hangs the
 * browser hangs it again.
 * @template {{ name: string, close(): Promise<void>, diagnostics?(): string }} E
 * @param {{ engine: E }} held @param {() => Promise<E>} relaunch @param {(engine: E) => Promise<void>} run
 * @param {string} what the scenario, for the log @param {(line: string) => void} [log]
 */
export async function runWithOneRestart(held, relaunch, run, what, log = console.log) {
  try {
    await run(held.engine);
  } catch (err) {
    if (!(err instanceof EngineStuck)) throw err;
    const name = held.engine.name;
    log(`# ${name}: ${err.message}; ${held.engine.diagnostics?.() ?? ''}`.trim());
    log(`# ${name}: the engine is restarted and "${what}" runs again`);
    await bounded('close the stuck engine', held.engine.close(), 30000).catch(() => {});
    held.engine = await relaunch();
    await run(held.engine);
  }
}
